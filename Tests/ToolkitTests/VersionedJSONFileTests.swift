import Foundation
import Testing
import Toolkit

@Suite struct VersionedJSONFileTests {
  struct Register: Codable, Sendable, Equatable {
    var entries: [String]
  }

  private func file(format: String = "papi-train.test/1") -> VersionedJSONFile<Register> {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("kept-\(UUID().uuidString)")
    return VersionedJSONFile(url: folder.appendingPathComponent("sub/register.json"), format: format)
  }

  @Test func noFileIsNoContents() throws {
    #expect(try file().load() == nil)
  }

  @Test func keepsTheFormatBesideTheContentsInAPrivateFile() throws {
    let file = file()
    defer { try? FileManager.default.removeItem(at: file.url.deletingLastPathComponent()) }
    try file.save(Register(entries: ["một", "a/b"]))
    #expect(try file.load() == Register(entries: ["một", "a/b"]))
    let object = try JSONSerialization.jsonObject(with: Data(contentsOf: file.url)) as? [String: Any]
    #expect(object?["format"] as? String == "papi-train.test/1")
    #expect(object?["entries"] as? [String] == ["một", "a/b"])
    let attributes = try FileManager.default.attributesOfItem(atPath: file.url.path)
    #expect((attributes[.posixPermissions] as? NSNumber)?.intValue == 0o600)
  }

  @Test func anotherFormatOrNoJSONIsDamaged() throws {
    let older = file(format: "papi-train.test/0")
    defer { try? FileManager.default.removeItem(at: older.url.deletingLastPathComponent()) }
    try older.save(Register(entries: []))
    let newer = VersionedJSONFile<Register>(url: older.url, format: "papi-train.test/1")
    #expect(throws: VersionedJSONFile<Register>.Failure.damaged(path: older.url.path)) { try newer.load() }
    try Data("{".utf8).write(to: older.url)
    #expect(throws: VersionedJSONFile<Register>.Failure.damaged(path: older.url.path)) { try older.load() }
  }

  @Test func aFolderThatCannotBeMadeIsUnwritable() throws {
    let blocker = FileManager.default.temporaryDirectory.appendingPathComponent("kept-\(UUID().uuidString)")
    try Data().write(to: blocker)
    defer { try? FileManager.default.removeItem(at: blocker) }
    let file = VersionedJSONFile<Register>(url: blocker.appendingPathComponent("x.json"), format: "f/1")
    #expect {
      try file.save(Register(entries: []))
    } throws: { error in
      if case .unwritable = error as? VersionedJSONFile<Register>.Failure { return true }
      return false
    }
  }
}
