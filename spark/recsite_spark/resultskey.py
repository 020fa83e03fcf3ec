"""The build key of a results folder, as recsite computes it
(Sources/RecSite/Results/ResultsKey.swift, Sources/RecSite/Changes/Fingerprint.swift):
a wrapping 64-bit sum of one fingerprint per kept user, per kept item and
per (user, item, r(u,i)) of R, r by its bits, combined with k.

A fingerprint is FNV-1a over each part's UTF-8 bytes, each part followed by
the byte 0xFF, then SplitMix64's finaliser; `then` folds in one more 64-bit
value. The sum does not depend on the order rows are visited in, so every
task adds its own users and the driver adds the parts."""
import struct

MASK = (1 << 64) - 1
FORMAT = "recsite-results"
VERSION = 1


def mix(x):
    z = (x + 0x9E3779B97F4A7C15) & MASK
    z = ((z ^ (z >> 30)) * 0xBF58476D1CE4E5B9) & MASK
    z = ((z ^ (z >> 27)) * 0x94D049BB133111EB) & MASK
    return z ^ (z >> 31)


def fingerprint(parts):
    value = 0xCBF29CE484222325
    for part in parts:
        for byte in part.encode("utf-8"):
            value = ((value ^ byte) * 0x100000001B3) & MASK
        value = ((value ^ 0xFF) * 0x100000001B3) & MASK
    return mix(value)


def then(value, other):
    return mix((value * 0x9E3779B97F4A7C15 + other) & MASK)


def bits(number):
    """A double's IEEE 754 bit pattern as an unsigned integer."""
    return struct.unpack("<Q", struct.pack("<d", number))[0]


def user_rows(user_id, item_ids, scores):
    """The user's row and its (user, item, r) rows, summed."""
    total = fingerprint(["user", user_id])
    for item_id, r in zip(item_ids, scores):
        total += then(fingerprint(["r", user_id, item_id]), bits(r))
    return total & MASK


def item_rows(item_ids):
    return sum(fingerprint(["item", item_id]) for item_id in item_ids) & MASK


def key(k, rows):
    """16 hex digits from k and the summed rows (any int; wrapped here)."""
    return format(then(fingerprint([FORMAT, str(VERSION), "k", str(k)]), rows & MASK), "016x")
