import Foundation
import Testing
import Toolkit

@Suite struct AtomicFileTests {
  private func folder() throws -> URL {
    let url = FileManager.default.temporaryDirectory.appendingPathComponent("atomic-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    return url
  }

  @Test func writesTheWholeFileAndLeavesNoTemporaryFile() throws {
    let folder = try folder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let target = folder.appendingPathComponent("xuất.csv")
    try AtomicFile.write(Data("một\n".utf8), to: target)
    try AtomicFile.write(Data("hai\n".utf8), to: target)
    #expect(try String(contentsOf: target, encoding: .utf8) == "hai\n")
    #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path) == ["xuất.csv"])
  }

  @Test func keepsAnExistingFileUnlessToldToReplaceIt() throws {
    let folder = try folder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let target = folder.appendingPathComponent("a.json")
    try AtomicFile.write(Data("old".utf8), to: target, replacing: false)
    #expect(throws: AtomicFile.Failure.exists(path: target.path)) {
      try AtomicFile.write(Data("new".utf8), to: target, replacing: false)
    }
    #expect(try String(contentsOf: target, encoding: .utf8) == "old")
    #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path) == ["a.json"])
  }

  @Test func givesThePermissionsAskedFor() throws {
    let folder = try folder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let target = folder.appendingPathComponent("secret")
    try AtomicFile.write(Data("x".utf8), to: target, permissions: 0o600)
    let mode = try FileManager.default.attributesOfItem(atPath: target.path)[.posixPermissions] as? Int
    #expect(mode == 0o600)
  }

  @Test func aMissingFolderIsAFailureNamingTheTarget() throws {
    let target = URL(fileURLWithPath: "/nonexistent-\(UUID().uuidString)/x.csv")
    do {
      try AtomicFile.write(Data("x".utf8), to: target)
      Issue.record("wrote into a missing folder")
    } catch {
      #expect(error.path == target.path)
      #expect(!error.reason.isEmpty)
    }
  }
}
