import Foundation
import Gradebook
import PapiTrainTesting
import Testing

/// The province trusts commune machines by their keys: `keys enrol|list|revoke`, and
/// `merge --require-signature` merges only what an enrolled, unrevoked machine of the file's commune
/// signed; every merge is written to the audit log.
@Suite struct TrustedSenderTests {
  let folder: TemporaryFolder
  /// This test's own config folder (the test machine's passphrases, a registry of its own) and
  /// state folder (the audit log).
  let environment: [String: String]

  init() throws {
    folder = try TemporaryFolder()
    let config = folder.appending("config/papi-train")
    try FileManager.default.createDirectory(at: config, withIntermediateDirectories: true)
    try FileManager.default.copyItem(
      at: TestAccess.configHome.appendingPathComponent("papi-train/access.json"),
      to: config.appendingPathComponent("access.json"))
    environment = [
      "XDG_CONFIG_HOME": folder.path("config"), "XDG_STATE_HOME": folder.path("state"),
      "XDG_DATA_HOME": folder.path("data"),
    ]
  }

  func run(_ arguments: [String]) throws -> PapiTrainProcess.Result {
    try PapiTrainProcess.run(arguments + ["--lang", "en"], environment: environment)
  }

  /// A sound results file of commune 03637 named `name`, signed with the machine key `key` when given.
  func results(_ name: String, signedWith key: String?) throws -> String {
    let inputs = folder.appending("inputs")
    try FileManager.default.createDirectory(at: inputs, withIntermediateDirectories: true)
    let path = try HostileResultsFileTests.soundFile(in: inputs, name: name).path
    if let key {
      let signed = try run(["sign", "--key", key, path])
      #expect(signed.status == 0, "\(signed.error)")
    }
    return path
  }

  func publicKey(_ key: String) throws -> String {
    let printed = try run(["sign", "--key", key, "--print-key"])
    let text = printed.output.trimmingCharacters(in: .whitespacesAndNewlines)
    try text.write(toFile: key + ".pub", atomically: true, encoding: .utf8)
    return text
  }

  @Test func onlyFilesSignedByAnEnrolledUnrevokedMachineOfTheirCommuneAreMerged() throws {
    let laptop = folder.path("laptop.key")
    let stranger = folder.path("stranger.key")
    let laptopKey = try publicKey(laptop)
    _ = try publicKey(stranger)

    let enrolled = try run(["keys", "enrol", laptop + ".pub", "--commune", "03637"])
    #expect(enrolled.status == 0, "\(enrolled.error)")
    #expect(enrolled.output.contains(laptopKey) && enrolled.output.contains("03637"))
    let listed = try run(["keys", "list"])
    #expect(listed.output.contains(laptopKey) && listed.output.contains("trusted"), "\(listed.output)")
    let notAKey = try run(["keys", "enrol", try results("x.sqlite", signedWith: nil), "--commune", "03637"])
    #expect(notAKey.status == 1 && notAKey.error.contains("not an Ed25519 public key"), "\(notAKey.error)")

    let unsigned = try results("a-unsigned.sqlite", signedWith: nil)
    let strange = try results("b-stranger.sqlite", signedWith: stranger)
    let good = try results("c-laptop.sqlite", signedWith: laptop)
    let destination = folder.path("Results")
    let merged = try run(["merge", unsigned, strange, good, "--require-signature", "--results", destination])
    #expect(merged.status == 1, "\(merged.output)\(merged.error)")
    #expect(
      merged.error.contains("\(unsigned): refused") && merged.error.contains("unsigned"), "\(merged.error)")
    #expect(merged.error.contains("\(strange): refused") && merged.error.contains("never enrolled"))
    #expect(merged.output.contains("\(good): commune 03637: added 2 officials"), "\(merged.output)")
    #expect(merged.output.contains("1 merged, 2 refused"))

    // One changed byte after signing, and the same file once its machine is revoked.
    let changed = try results("d-changed.sqlite", signedWith: laptop)
    let handle = try FileHandle(forUpdating: URL(fileURLWithPath: changed))
    try handle.seek(toOffset: 100)
    try handle.write(contentsOf: Data([0x7F]))
    try handle.close()
    let revoked = try run(["keys", "revoke", String(laptopKey.prefix(10))])
    #expect(revoked.status == 0 && revoked.output.contains("Revoked"), "\(revoked.error)")
    let again = try run(["merge", good, changed, "--require-signature", "--results", destination])
    #expect(again.status == 1)
    #expect(again.error.contains("\(good): refused") && again.error.contains("revoked key"), "\(again.error)")
    #expect(again.error.contains("\(changed): refused") && again.error.contains("altered"), "\(again.error)")
    #expect(try run(["keys", "enrol", laptop + ".pub", "--commune", "03637"]).status == 1)

    // The audit log holds every file of both runs: who, which file, which key, what happened.
    let log = try String(contentsOfFile: folder.path("state/papi-train/merge-audit.jsonl"), encoding: .utf8)
    let entries = try log.split(separator: "\n").map {
      try JSONDecoder().decode(MergeAuditLog.Entry.self, from: Data($0.utf8))
    }
    #expect(entries.map(\.outcome) == ["refused", "refused", "merged", "refused", "refused"])
    #expect(entries.map(\.file) == [unsigned, strange, good, good, changed])
    #expect(entries[2].key == laptopKey && entries[2].answers == 3 && entries[2].officials == 2)
    #expect(entries[0].reason?.contains("unsigned") == true)
    #expect(entries.allSatisfy { !$0.who.isEmpty && $0.destination.hasSuffix("Results") })
  }
}
