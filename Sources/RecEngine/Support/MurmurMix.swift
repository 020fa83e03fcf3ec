/// MurmurHash3's 64-bit finaliser: every input bit spread over the output,
/// in a few multiplications (the cleansing's hashes use it instead of
/// SipHash, which showed up in profiles at a million events).
@inline(__always)
func murmurMix(_ value: UInt64) -> UInt64 {
    var x = value
    x ^= x >> 33
    x &*= 0xff51_afd7_ed55_8ccd
    x ^= x >> 33
    x &*= 0xc4ce_b9fe_1a85_ec53
    x ^= x >> 33
    return x
}
