import CZlib
import Dispatch
import Foundation
import Synchronization

/// A minimal ZIP writer: enough for an XLSX package. Entries are DEFLATE-compressed (method 8)
/// with the system zlib; sizes and CRC-32 are in the local headers (no data descriptors), as
/// every spreadsheet and `unzip` read them. No ZIP64: an entry stays under 4 GiB.
struct ZipArchive {
  private var data = Data()
  private var centralDirectory = Data()
  private var count: UInt16 = 0

  /// Adds a small entry, compressed here.
  mutating func add(_ path: String, _ contents: Data) {
    var deflater = ParallelDeflater()
    deflater.append(Array(contents))
    add(path, deflater.finish())
  }

  /// Adds an entry compressed by a ``ParallelDeflater``.
  mutating func add(_ path: String, _ entry: DeflatedEntry) {
    let name = Data(path.utf8)
    let offset = UInt32(data.count)
    let compressedSize = UInt32(entry.compressed.count)
    let size = UInt32(truncatingIfNeeded: entry.size)
    // Local file header.
    data.append(le32: 0x0403_4B50)
    data.append(le16: 20)  // version needed: 2.0, DEFLATE
    data.append(le16: 0x0800)  // UTF-8 names
    data.append(le16: 8)  // DEFLATE
    data.append(le16: 0)  // time
    data.append(le16: 0x21)  // date: 1980-01-01
    data.append(le32: entry.crc)
    data.append(le32: compressedSize)
    data.append(le32: size)
    data.append(le16: UInt16(name.count))
    data.append(le16: 0)
    data.append(name)
    entry.compressed.withUnsafeBufferPointer { data.append($0) }
    // Central directory entry.
    centralDirectory.append(le32: 0x0201_4B50)
    centralDirectory.append(le16: 20)
    centralDirectory.append(le16: 20)
    centralDirectory.append(le16: 0x0800)
    centralDirectory.append(le16: 8)
    centralDirectory.append(le16: 0)
    centralDirectory.append(le16: 0x21)
    centralDirectory.append(le32: entry.crc)
    centralDirectory.append(le32: compressedSize)
    centralDirectory.append(le32: size)
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

/// A ZIP entry's contents as raw DEFLATE, with the CRC-32 and the size of the bytes it holds.
struct DeflatedEntry: Sendable {
  var compressed: [UInt8]
  var crc: UInt32
  var size: Int
}

/// Raw DEFLATE of bytes given piece by piece, the pieces compressed on every core while the
/// caller makes the next ones: a worksheet of 80 MB is never held whole, and compressing it
/// takes a fraction of the time on one core.
///
/// Each piece is its own DEFLATE stream ended by a sync flush (byte-aligned, not final), so the
/// pieces concatenate into one stream, closed by an empty final block (what `pigz` does). A
/// piece starts without the previous one's 32 KiB window, which costs a little ratio.
struct ParallelDeflater {
  /// zlib's fastest level: 5-6 times faster than the default on worksheet XML, files about 20%
  /// larger.
  static let level: Int32 = 1
  /// How many pieces may wait or be compressed at once: bounds the memory.
  static let inFlight = 2 * ProcessInfo.processInfo.activeProcessorCount + 1

  private final class Pieces: Sendable {
    let done = Mutex<[Int: DeflatedEntry]>([:])
    let group = DispatchGroup()
    let slots = DispatchSemaphore(value: ParallelDeflater.inFlight)
  }

  private let pieces = Pieces()
  private var next = 0

  init() {}

  /// Compresses `bytes`, the next piece of the contents, in the background.
  mutating func append(_ bytes: [UInt8]) {
    guard !bytes.isEmpty else { return }
    let index = next
    next += 1
    let pieces = self.pieces
    pieces.slots.wait()
    DispatchQueue.global().async(group: pieces.group) {
      let piece = Self.deflate(bytes)
      pieces.done.withLock { $0[index] = piece }
      pieces.slots.signal()
    }
  }

  /// Waits for every piece, and returns the whole entry.
  func finish() -> DeflatedEntry {
    pieces.group.wait()
    return pieces.done.withLock { done in
      var entry = DeflatedEntry(compressed: [], crc: 0, size: 0)
      entry.compressed.reserveCapacity(done.values.reduce(2) { $0 + $1.compressed.count })
      for index in 0..<next {
        guard let piece = done[index] else { continue }
        entry.compressed += piece.compressed
        entry.crc = UInt32(crc32_combine(uLong(entry.crc), uLong(piece.crc), off_t(piece.size)))
        entry.size += piece.size
      }
      // The final block: fixed Huffman codes, nothing but the end-of-block code.
      entry.compressed += [0x03, 0x00]
      return entry
    }
  }

  /// One piece: raw DEFLATE ended by a sync flush, and its CRC-32.
  static func deflate(_ bytes: [UInt8]) -> DeflatedEntry {
    var stream = z_stream()
    guard czlib_deflate_init_raw(&stream, level) == Z_OK else { fatalError("zlib: deflateInit2 failed") }
    defer { deflateEnd(&stream) }
    // Written into uninitialised room (deflateBound, and a little for the sync flush): nothing
    // is zeroed first. Should it not fit, the rest goes into more room appended.
    var room = Int(deflateBound(&stream, uLong(bytes.count))) + 64
    var output: [UInt8] = []
    bytes.withUnsafeBufferPointer { input in
      stream.next_in = UnsafeMutablePointer(mutating: input.baseAddress)
      stream.avail_in = uInt(input.count)
      while true {
        let chunk = [UInt8](unsafeUninitializedCapacity: room) { buffer, initialized in
          stream.next_out = buffer.baseAddress!
          stream.avail_out = uInt(buffer.count)
          let status = CZlib.deflate(&stream, Z_SYNC_FLUSH)
          precondition(status == Z_OK || status == Z_BUF_ERROR, "zlib: deflate failed (\(status))")
          initialized = buffer.count - Int(stream.avail_out)
        }
        if output.isEmpty { output = chunk } else { output += chunk }
        // Done when all input is taken and the flush fitted (zlib leaves room when it did).
        if stream.avail_in == 0 && stream.avail_out > 0 { break }
        room = max(4096, output.count / 2)
      }
    }
    let crc = bytes.withUnsafeBufferPointer { UInt32(crc32(0, $0.baseAddress, uInt($0.count))) }
    return DeflatedEntry(compressed: output, crc: crc, size: bytes.count)
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
