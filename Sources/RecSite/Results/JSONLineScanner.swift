/// Reads the few JSON shapes of a results folder's lines straight from
/// their bytes: objects, arrays, strings (every escape of RFC 8259) and
/// numbers. `JSONDecoder` took most of a results build's reading time on
/// M (94 MB of lists, 3 million [item_id, sim] pairs); this reads the same
/// values, and numbers through `Double(_:)`, which rounds correctly.
struct JSONLineScanner {
    struct Malformed: Error {}

    private let bytes: ArraySlice<UInt8>
    private var at: Int

    init(_ bytes: ArraySlice<UInt8>) {
        self.bytes = bytes
        at = bytes.startIndex
    }

    /// Calls `member` with each key of an object; `member` must read the value.
    mutating func object(_ member: (inout JSONLineScanner, String) throws -> Void) throws {
        try expect(UInt8(ascii: "{"))
        if try peek() == UInt8(ascii: "}") { at += 1; return }
        repeat {
            let key = try string()
            try expect(UInt8(ascii: ":"))
            try member(&self, key)
        } while try separator(closing: UInt8(ascii: "}"))
    }

    /// Calls `element` for each element of an array; `element` must read it.
    mutating func array(_ element: (inout JSONLineScanner) throws -> Void) throws {
        try expect(UInt8(ascii: "["))
        if try peek() == UInt8(ascii: "]") { at += 1; return }
        repeat { try element(&self) } while try separator(closing: UInt8(ascii: "]"))
    }

    /// `null` as nil.
    mutating func optional<T>(_ value: (inout JSONLineScanner) throws -> T) throws -> T? {
        if try peek() == UInt8(ascii: "n") {
            for byte in "null".utf8 { guard at < bytes.endIndex, bytes[at] == byte else { throw Malformed() }; at += 1 }
            return nil
        }
        return try value(&self)
    }

    mutating func string() throws -> String {
        try expect(UInt8(ascii: "\""))
        let start = at
        while at < bytes.endIndex, bytes[at] != UInt8(ascii: "\""), bytes[at] != UInt8(ascii: "\\"), bytes[at] >= 0x20 { at += 1 }
        guard at < bytes.endIndex else { throw Malformed() }
        if bytes[at] == UInt8(ascii: "\"") {
            at += 1
            return String(decoding: bytes[start..<at - 1], as: UTF8.self)
        }
        var text = Array(bytes[start..<at])
        while at < bytes.endIndex {
            let byte = bytes[at]
            at += 1
            switch byte {
            case UInt8(ascii: "\""): return String(decoding: text, as: UTF8.self)
            case UInt8(ascii: "\\"): try escape(into: &text)
            case ..<0x20: throw Malformed()
            default: text.append(byte)
            }
        }
        throw Malformed()
    }

    mutating func number() throws -> Double {
        _ = try peek()
        let start = at
        while at < bytes.endIndex, Self.isNumberByte(bytes[at]) { at += 1 }
        guard at > start, let value = Double(String(decoding: bytes[start..<at], as: UTF8.self)), value.isFinite else {
            throw Malformed()
        }
        return value
    }

    mutating func integer() throws -> Int {
        let value = try number()
        guard let exact = Int(exactly: value) else { throw Malformed() }
        return exact
    }

    /// Only blanks may follow the value.
    mutating func end() throws {
        skipBlanks()
        guard at == bytes.endIndex else { throw Malformed() }
    }

    private static func isNumberByte(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "-"), UInt8(ascii: "+"), UInt8(ascii: "."),
             UInt8(ascii: "e"), UInt8(ascii: "E"): return true
        default: return false
        }
    }

    private mutating func escape(into text: inout [UInt8]) throws {
        guard at < bytes.endIndex else { throw Malformed() }
        let byte = bytes[at]
        at += 1
        switch byte {
        case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"): text.append(byte)
        case UInt8(ascii: "b"): text.append(0x08)
        case UInt8(ascii: "f"): text.append(0x0C)
        case UInt8(ascii: "n"): text.append(0x0A)
        case UInt8(ascii: "r"): text.append(0x0D)
        case UInt8(ascii: "t"): text.append(0x09)
        case UInt8(ascii: "u"):
            var scalar = try hex4()
            if (0xD800..<0xDC00).contains(scalar) {
                // A high surrogate must be followed by \u and a low one.
                guard at + 1 < bytes.endIndex, bytes[at] == UInt8(ascii: "\\"), bytes[at + 1] == UInt8(ascii: "u") else {
                    throw Malformed()
                }
                at += 2
                let low = try hex4()
                guard (0xDC00..<0xE000).contains(low) else { throw Malformed() }
                scalar = 0x10000 + (scalar - 0xD800) << 10 + (low - 0xDC00)
            }
            guard let unicode = Unicode.Scalar(scalar) else { throw Malformed() }
            text.append(contentsOf: String(Character(unicode)).utf8)
        default: throw Malformed()
        }
    }

    private mutating func hex4() throws -> UInt32 {
        guard at + 4 <= bytes.endIndex, let value = UInt32(String(decoding: bytes[at..<at + 4], as: UTF8.self), radix: 16) else {
            throw Malformed()
        }
        at += 4
        return value
    }

    private mutating func skipBlanks() {
        while at < bytes.endIndex, [0x20, 0x09, 0x0A, 0x0D].contains(bytes[at]) { at += 1 }
    }

    private mutating func peek() throws -> UInt8 {
        skipBlanks()
        guard at < bytes.endIndex else { throw Malformed() }
        return bytes[at]
    }

    private mutating func expect(_ byte: UInt8) throws {
        guard try peek() == byte else { throw Malformed() }
        at += 1
    }

    /// After an element: true at a comma, false at `closing`.
    private mutating func separator(closing: UInt8) throws -> Bool {
        let byte = try peek()
        at += 1
        if byte == UInt8(ascii: ",") { return true }
        if byte == closing { return false }
        throw Malformed()
    }
}
