import Foundation

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// The one way papi-train writes a file the user keeps (exports, reports, units files, signatures,
/// the access file, cache entries), with one promise: a reader or a crash sees the old file or the
/// whole new one, never a part, and once ``write(_:to:permissions:replacing:)`` returns the new file
/// survives a power cut. The bytes go to a temporary file in the same folder (named
/// `.NAME.UUID.tmp`), which is fsynced, renamed over the target (or hard-linked to it, when an
/// existing file must not be replaced), and the folder is fsynced so the new name is on disk too.
public enum AtomicFile {
  /// Why a write failed.
  public enum Failure: Error, Sendable, Hashable {
    /// The target exists and was not to be replaced.
    case exists(path: String)
    /// The system refused a step: the path it refused and the system's reason.
    case failed(path: String, reason: String)

    /// The path named in the failure.
    public var path: String {
      switch self {
      case .exists(let path), .failed(let path, _): path
      }
    }

    /// The system's reason, or "File exists".
    public var reason: String {
      switch self {
      case .exists: String(cString: strerror(EEXIST))
      case .failed(_, let reason): reason
      }
    }
  }

  /// Writes `data` to `url` as described above. Without `replacing`, an existing file (even one
  /// that appears while writing) is left as it is and ``Failure/exists(path:)`` is thrown.
  public static func write(
    _ data: Data, to url: URL, permissions: mode_t = 0o644, replacing: Bool = true
  ) throws(Failure) {
    try write(parts: [data], to: url, permissions: permissions, replacing: replacing)
  }

  /// Writes `parts` one after the other as one file, as ``write(_:to:permissions:replacing:)``
  /// writes its data: a big export made in parts is written without joining them first.
  public static func write(
    parts: [any ContiguousBytes], to url: URL, permissions: mode_t = 0o644, replacing: Bool = true
  ) throws(Failure) {
    let path = url.path
    let folder = url.deletingLastPathComponent().path
    let temporary = (folder as NSString).appendingPathComponent(
      ".\(url.lastPathComponent).\(UUID().uuidString).tmp")
    let descriptor = open(temporary, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, permissions)
    guard descriptor >= 0 else { throw .failed(path: path, reason: reason(errno)) }
    defer { unlink(temporary) }
    let failure = writeAll(parts, to: descriptor)
    close(descriptor)
    if let failure { throw .failed(path: path, reason: reason(failure)) }
    let moved = replacing ? rename(temporary, path) : link(temporary, path)
    guard moved == 0 else {
      if errno == EEXIST && !replacing { throw .exists(path: path) }
      throw .failed(path: path, reason: reason(errno))
    }
    syncFolder(folder)
  }

  /// Writes every byte of every part and fsyncs; the errno of the step that failed, or nil.
  private static func writeAll(_ parts: [any ContiguousBytes], to descriptor: Int32) -> Int32? {
    for part in parts {
      let failure = part.withUnsafeBytes { bytes -> Int32? in
        var written = 0
        while written < bytes.count {
          let count = Foundation.write(descriptor, bytes.baseAddress! + written, bytes.count - written)
          if count < 0 {
            if errno == EINTR { continue }
            return errno
          }
          written += count
        }
        return nil
      }
      if let failure { return failure }
    }
    return fsync(descriptor) == 0 ? nil : errno
  }

  /// Makes the folder's new entry durable; a folder that cannot be opened for it (some file
  /// systems) keeps the rename's own guarantee.
  private static func syncFolder(_ folder: String) {
    let descriptor = open(folder.isEmpty ? "." : folder, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
    guard descriptor >= 0 else { return }
    _ = fsync(descriptor)
    close(descriptor)
  }

  private static func reason(_ code: Int32) -> String { String(cString: strerror(code)) }
}
