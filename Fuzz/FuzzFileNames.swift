// libFuzzer target over the file-name scheme for IDs (SafeFileName, SPEC §9,
// docs/rules.md "File names for IDs").
//
// Compiled with Sources/RecSite/Formatting/SafeFileName.swift and
// Sources/RecSite/Support/SHA256.swift into one module (scripts/fuzz.sh
// filenames). The input is a list of IDs, one per line (invalid UTF-8 read
// as U+FFFD, as the CSV reader does); each run checks, for the IDs of that
// input as one build would see them:
// - deterministic: the same ID gives the same name twice;
// - collision-free: distinct IDs get names that differ even ignoring case
//   (macOS and Windows folders are case-insensitive);
// - portable: only `a-z A-Z 0-9 . _ - ~`, 1–100 bytes, not starting with
//   `.` or `-`, and no Windows device name in any case (`CON`, `nul.x`…).

let deviceNames = Set(["con", "prn", "aux", "nul"] as [String])
    .union((0...9).flatMap { ["com\($0)", "lpt\($0)"] })

func isPortable(_ name: String) -> Bool {
    guard !name.isEmpty, name.utf8.count <= SafeFileName.maxPlainLength,
          !name.hasPrefix("."), !name.hasPrefix("-") else { return false }
    let allowed = name.unicodeScalars.allSatisfy {
        ("a"..."z").contains($0) || ("A"..."Z").contains($0) || ("0"..."9").contains($0) || "._-~".unicodeScalars.contains($0)
    }
    let base = name.lowercased().split(separator: ".", maxSplits: 1, omittingEmptySubsequences: false).first.map(String.init) ?? ""
    return allowed && !deviceNames.contains(base)
}

/// `precondition`, with its message printed also in -O builds.
func check(_ condition: Bool, _ message: @autoclosure () -> String) {
    if !condition { fatalError(message()) }
}

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzFileNames(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let text = String(decoding: UnsafeBufferPointer(start: data, count: size), as: UTF8.self)
    let ids = Set(text.split(separator: "\n", omittingEmptySubsequences: true).map(String.init))
    var owner: [String: String] = [:]  // lower-cased name → ID
    for id in ids {
        let name = SafeFileName.forID(id)
        check(SafeFileName.forID(id) == name, "not deterministic: \(id.debugDescription)")
        check(isPortable(name), "not portable: \(id.debugDescription) → \(name.debugDescription)")
        if let other = owner.updateValue(id, forKey: name.lowercased()) {
            fatalError("collision: \(other.debugDescription) and \(id.debugDescription) → \(name)")
        }
    }
    return 0
}
