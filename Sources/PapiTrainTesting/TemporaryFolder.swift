import Foundation

/// A fresh folder under the system's temporary folder, removed with everything in it when the
/// value goes away.
public final class TemporaryFolder {
  public let url: URL

  /// Creates the folder, named `prefix` and a UUID.
  public init(_ prefix: String = "papi-train-tests") throws {
    url = FileManager.default.temporaryDirectory.appendingPathComponent("\(prefix)-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
  }

  deinit { try? FileManager.default.removeItem(at: url) }

  /// The path of `name` inside the folder.
  public func path(_ name: String) -> String { url.appendingPathComponent(name).path }

  /// The URL of `name` inside the folder.
  public func appending(_ name: String) -> URL { url.appendingPathComponent(name) }
}
