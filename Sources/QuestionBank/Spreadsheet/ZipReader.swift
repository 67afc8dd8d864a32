import CZlib
import Foundation

/// Reads the entries of a ZIP archive (an XLSX workbook), stored or DEFLATE-compressed, through the
/// system zlib. Enough of the format for workbooks: no ZIP64, encryption or multi-disk archives.
struct ZipReader {
  struct Entry {
    let method: UInt16
    let crc: UInt32
    let compressedSize: Int
    let size: Int
    let localHeader: Int
  }

  enum Failure: Error, CustomStringConvertible {
    case notZip
    case damaged(String)
    case unsupported(String)

    var description: String {
      switch self {
      case .notZip: "not a ZIP archive"
      case .damaged(let name): "damaged entry \(name)"
      case .unsupported(let name): "unsupported compression in \(name)"
      }
    }
  }

  static let largestEntry = 512 << 20
  private let data: Data
  private(set) var entries: [String: Entry] = [:]

  init(_ data: Data) throws(Failure) {
    self.data = data
    try readDirectory()
  }

  private func u16(_ offset: Int) -> Int {
    guard offset + 2 <= data.count else { return 0 }
    let start = data.startIndex + offset
    return Int(data[start]) | Int(data[start + 1]) << 8
  }

  private func u32(_ offset: Int) -> Int { u16(offset) | u16(offset + 2) << 16 }

  private mutating func readDirectory() throws(Failure) {
    guard data.count >= 22 else { throw .notZip }
    var end = data.count - 22
    let lowest = max(0, data.count - 22 - 65_535)
    while end >= lowest, u32(end) != 0x0605_4B50 { end -= 1 }
    guard end >= lowest else { throw .notZip }
    let count = u16(end + 10)
    var offset = u32(end + 16)
    for _ in 0..<count {
      guard u32(offset) == 0x0201_4B50 else { throw .notZip }
      let nameLength = u16(offset + 28)
      let nameStart = data.startIndex + offset + 46
      guard nameStart + nameLength <= data.endIndex else { throw .notZip }
      let name = String(decoding: data[nameStart..<nameStart + nameLength], as: UTF8.self)
      entries[name] = Entry(
        method: UInt16(u16(offset + 10)), crc: UInt32(u32(offset + 16)), compressedSize: u32(offset + 20),
        size: u32(offset + 24),
        localHeader: u32(offset + 42))
      offset += 46 + nameLength + u16(offset + 30) + u16(offset + 32)
    }
  }

  /// The bytes of the entry `name` (checked against its CRC-32), or nil when there is none.
  func contents(_ name: String) throws(Failure) -> Data? {
    guard let entry = entries[name] else { return nil }
    guard let data = try stored(name), data.count == entry.size, Self.crc32(data) == entry.crc else {
      throw .damaged(name)
    }
    return data
  }

  private static func crc32(_ data: Data) -> UInt32 {
    data.withUnsafeBytes { buffer in
      UInt32(CZlib.crc32(0, buffer.baseAddress?.assumingMemoryBound(to: Bytef.self), uInt(buffer.count)))
    }
  }

  private func stored(_ name: String) throws(Failure) -> Data? {
    guard let entry = entries[name] else { return nil }
    let header = entry.localHeader
    guard u32(header) == 0x0403_4B50 else { throw .damaged(name) }
    let start = header + 30 + u16(header + 26) + u16(header + 28)
    guard start + entry.compressedSize <= data.count else { throw .damaged(name) }
    let slice = data[(data.startIndex + start)..<(data.startIndex + start + entry.compressedSize)]
    switch entry.method {
    case 0: return Data(slice)
    case 8:
      // A workbook's parts are a few megabytes; a larger stated size is a damaged or hostile file.
      guard entry.size <= Self.largestEntry else { throw .damaged(name) }
      guard let inflated = Self.inflate(slice, size: entry.size) else { throw .damaged(name) }
      return inflated
    default: throw .unsupported(name)
    }
  }

  /// Raw DEFLATE data inflated to `size` bytes.
  private static func inflate(_ input: Data, size: Int) -> Data? {
    var output = Data(count: size)
    var stream = z_stream()
    guard inflateInit2_(&stream, -15, zlibVersion(), Int32(MemoryLayout<z_stream>.size)) == Z_OK else {
      return nil
    }
    defer { inflateEnd(&stream) }
    let status = input.withUnsafeBytes { (source: UnsafeRawBufferPointer) -> Int32 in
      output.withUnsafeMutableBytes { (target: UnsafeMutableRawBufferPointer) -> Int32 in
        stream.next_in = UnsafeMutablePointer(
          mutating: source.baseAddress?.assumingMemoryBound(to: Bytef.self))
        stream.avail_in = uInt(source.count)
        stream.next_out = target.baseAddress?.assumingMemoryBound(to: Bytef.self)
        stream.avail_out = uInt(target.count)
        return CZlib.inflate(&stream, Z_FINISH)
      }
    }
    guard status == Z_STREAM_END, Int(stream.total_out) == size else { return nil }
    return output
  }
}
