import Foundation

/// A minimal ZIP writer (entries stored, not compressed): enough for an XLSX package, which
/// spreadsheets open whatever the compression.
struct ZipArchive {
  private var data = Data()
  private var centralDirectory = Data()
  private var count: UInt16 = 0

  mutating func add(_ path: String, _ contents: Data) {
    let name = Data(path.utf8)
    let crc = CRC32.checksum(contents)
    let offset = UInt32(data.count)
    // Local file header.
    data.append(le32: 0x0403_4B50)
    data.append(le16: 20)  // version needed
    data.append(le16: 0x0800)  // UTF-8 names
    data.append(le16: 0)  // stored
    data.append(le16: 0)  // time
    data.append(le16: 0x21)  // date: 1980-01-01
    data.append(le32: crc)
    data.append(le32: UInt32(contents.count))
    data.append(le32: UInt32(contents.count))
    data.append(le16: UInt16(name.count))
    data.append(le16: 0)
    data.append(name)
    data.append(contents)
    // Central directory entry.
    centralDirectory.append(le32: 0x0201_4B50)
    centralDirectory.append(le16: 20)
    centralDirectory.append(le16: 20)
    centralDirectory.append(le16: 0x0800)
    centralDirectory.append(le16: 0)
    centralDirectory.append(le16: 0)
    centralDirectory.append(le16: 0x21)
    centralDirectory.append(le32: crc)
    centralDirectory.append(le32: UInt32(contents.count))
    centralDirectory.append(le32: UInt32(contents.count))
    centralDirectory.append(le16: UInt16(name.count))
    centralDirectory.append(le16: 0)  // extra
    centralDirectory.append(le16: 0)  // comment
    centralDirectory.append(le16: 0)  // disk
    centralDirectory.append(le16: 0)  // internal attributes
    centralDirectory.append(le32: 0)  // external attributes
    centralDirectory.append(le32: offset)
    centralDirectory.append(name)
    count += 1
  }

  func finished() -> Data {
    var result = data
    let directoryOffset = UInt32(result.count)
    result.append(centralDirectory)
    result.append(le32: 0x0605_4B50)
    result.append(le16: 0)
    result.append(le16: 0)
    result.append(le16: count)
    result.append(le16: count)
    result.append(le32: UInt32(centralDirectory.count))
    result.append(le32: directoryOffset)
    result.append(le16: 0)
    return result
  }
}

enum CRC32 {
  private static let table: [UInt32] = (0..<256).map { index in
    var value = UInt32(index)
    for _ in 0..<8 { value = value & 1 == 1 ? 0xEDB8_8320 ^ (value >> 1) : value >> 1 }
    return value
  }

  static func checksum(_ data: Data) -> UInt32 {
    var crc: UInt32 = 0xFFFF_FFFF
    data.withUnsafeBytes { bytes in
      table.withUnsafeBufferPointer { table in
        for byte in bytes { crc = table[Int((crc ^ UInt32(byte)) & 0xFF)] ^ (crc >> 8) }
      }
    }
    return crc ^ 0xFFFF_FFFF
  }
}

extension Data {
  fileprivate mutating func append(le16 value: UInt16) {
    Swift.withUnsafeBytes(of: value.littleEndian) { append(contentsOf: $0) }
  }

  fileprivate mutating func append(le32 value: UInt32) {
    Swift.withUnsafeBytes(of: value.littleEndian) { append(contentsOf: $0) }
  }
}
