import Foundation

#if canImport(Glibc)
  import Glibc
#endif

/// What tells a file's bytes apart without reading them, from values no user can set: the device
/// and inode (a file replaced by another, even by a rename, has another inode), the size, and the
/// change time (`ctime`, which the kernel sets on every write and on every change of the other
/// times, so `touch -d` cannot put it back), with the modification time too.
struct FileStamp: Sendable, Hashable {
  var device: UInt64
  var inode: UInt64
  var size: Int64
  var changedSeconds: Int64
  var changedNanoseconds: Int64
  var modifiedSeconds: Int64
  var modifiedNanoseconds: Int64

  init(_ status: stat) {
    device = UInt64(status.st_dev)
    inode = UInt64(status.st_ino)
    size = Int64(status.st_size)
    changedSeconds = Int64(status.st_ctim.tv_sec)
    changedNanoseconds = Int64(status.st_ctim.tv_nsec)
    modifiedSeconds = Int64(status.st_mtim.tv_sec)
    modifiedNanoseconds = Int64(status.st_mtim.tv_nsec)
  }

  init(
    device: UInt64, inode: UInt64, size: Int64, changedSeconds: Int64, changedNanoseconds: Int64,
    modifiedSeconds: Int64, modifiedNanoseconds: Int64
  ) {
    self.device = device
    self.inode = inode
    self.size = size
    self.changedSeconds = changedSeconds
    self.changedNanoseconds = changedNanoseconds
    self.modifiedSeconds = modifiedSeconds
    self.modifiedNanoseconds = modifiedNanoseconds
  }

  /// What is at `path` (links followed, as opening it follows them).
  enum Found: Hashable {
    case none
    case regular(FileStamp)
    /// A folder, a FIFO, a device, a socket: never read without the checks, which refuse it.
    case other
  }

  static func find(_ path: String) -> Found {
    var status = stat()
    guard stat(path, &status) == 0 else { return errno == ENOENT ? .none : .other }
    return status.st_mode & S_IFMT == S_IFREG ? .regular(FileStamp(status)) : .other
  }

  /// `device:inode:size:ctime-s:ctime-ns:mtime-s:mtime-ns`, in decimal.
  var text: String {
    [
      String(device), String(inode), String(size), String(changedSeconds), String(changedNanoseconds),
      String(modifiedSeconds), String(modifiedNanoseconds),
    ].joined(separator: ":")
  }

  /// The stamp ``text`` wrote, nil for anything else.
  init?(text: Substring) {
    let fields = text.fields(separatedBy: UInt8(ascii: ":"))
    guard fields.count == 7, let device = UInt64(fields[0]), let inode = UInt64(fields[1]),
      let size = Int64(fields[2]), let changed = Int64(fields[3]), let changedNanoseconds = Int64(fields[4]),
      let modified = Int64(fields[5]), let modifiedNanoseconds = Int64(fields[6])
    else { return nil }
    self.init(
      device: device, inode: inode, size: size, changedSeconds: changed,
      changedNanoseconds: changedNanoseconds,
      modifiedSeconds: modified, modifiedNanoseconds: modifiedNanoseconds)
  }

  /// Whether the file changed last at least `settling` seconds before `moment` (seconds since
  /// 1970): a write after `moment` then gives it another change time, even on a file system
  /// that keeps times to 2 s (FAT).
  func settled(before moment: Double, settling: Double) -> Bool {
    let changed = Double(changedSeconds) + Double(changedNanoseconds) / 1e9
    let modified = Double(modifiedSeconds) + Double(modifiedNanoseconds) / 1e9
    return max(changed, modified) + settling <= moment
  }

  /// The time now, seconds since 1970, from the clock file times are taken from.
  static func now() -> Double {
    var time = timespec()
    clock_gettime(CLOCK_REALTIME, &time)
    return Double(time.tv_sec) + Double(time.tv_nsec) / 1e9
  }
}

extension StringProtocol {
  /// The text split at every `separator` byte (an ASCII character), empty fields kept: over the
  /// UTF-8 bytes, without the grapheme breaking that splitting at a `Character` costs (the list of
  /// checked files has thousands of lines, read before any file of a report).
  func fields(separatedBy separator: UInt8) -> [Substring] {
    let text = Substring(self)
    return text.utf8.split(separator: separator, omittingEmptySubsequences: false).map { Substring($0) }
  }
}
