import Foundation
import PapiTrainTesting
import Testing

/// Who may see what, on the real binary: passphrases for trainer and leader commands, signatures.
@Suite struct AccessCommandTests {
  final class Folder {
    let url = FileManager.default.temporaryDirectory.appendingPathComponent(
      "papi-access-cli-\(UUID().uuidString)")
    init() throws { try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true) }
    deinit { try? FileManager.default.removeItem(at: url) }
    func path(_ name: String) -> String { url.appendingPathComponent(name).path }
  }

  /// A machine of its own: no passphrase set unless the test sets one.
  func run(_ arguments: [String], _ folder: Folder, input: String = "", passphrase: String = "")
    throws -> PapiTrainProcess.Result
  {
    try PapiTrainProcess.run(
      arguments, input: input,
      environment: [
        "XDG_CONFIG_HOME": folder.path("config"), "PAPI_PASSPHRASE": passphrase,
        "XDG_DATA_HOME": folder.path("data"), "XDG_CACHE_HOME": folder.path("cache"),
      ])
  }

  @Test func trainerAndLeaderCommandsRefuseOnAMachineWithNoPassphrase() throws {
    let folder = try Folder()
    for command in [
      ["report", "readiness", "--results", folder.path("Results")],
      ["report", "weak", "--commune", "03637", "--results", folder.path("Results")],
      [
        "export", "--commune", "03637", "--output", folder.path("x.xlsx"), "--results",
        folder.path("Results"),
      ],
      ["merge", folder.path("nothing.sqlite"), "--results", folder.path("Results")],
    ] {
      let result = try run(command, folder, passphrase: "anything at all")
      #expect(result.status == 1, "\(command)")
      #expect(result.error.contains("chưa đặt mật khẩu"), "\(command): \(result.error)")
      #expect(result.error.contains("papi-train access setup"))
    }
    #expect(!FileManager.default.fileExists(atPath: folder.path("x.xlsx")))
  }

  @Test func aPassphraseSetUpThroughAPipeLetsTheTrainerInAndKeepsOthersOut() throws {
    let folder = try Folder()
    let setup = try run(
      ["access", "setup", "--role", "trainer"], folder, input: "lớp học mùa thu\nlớp học mùa thu\n")
    #expect(setup.status == 0, "\(setup.error)")
    let stored = try String(contentsOfFile: folder.path("config/papi-train/access.json"), encoding: .utf8)
    #expect(!stored.contains("mùa thu") && stored.contains("scrypt"))
    let mismatch = try run(
      ["access", "setup", "--role", "leader"], folder, input: "lớp học mùa thu\naaaaaaaaaa\nbbbbbbbbbb\n")
    #expect(mismatch.status == 1 && mismatch.error.contains("không khớp"))
    // Setting the leader's passphrase first asks for the trainer's, and says why.
    #expect(
      (mismatch.output + mismatch.error).contains("Máy này đã có mật khẩu giảng viên"),
      "\(mismatch.output)\(mismatch.error)")
    let wrong = try run(
      ["report", "weak", "--commune", "03637", "--results", folder.path("Results")], folder,
      passphrase: "đoán bừa thôi")
    #expect(wrong.status == 1 && wrong.error.contains("sai mật khẩu"), "\(wrong.error)")
    let again = try run(
      ["report", "weak", "--commune", "03637", "--results", folder.path("Results")], folder,
      passphrase: "lại đoán bừa")
    #expect(again.status == 1 && again.error.contains("thử lại sau 2 giây"), "\(again.error)")
    // The count is kept in the access file, so a new process knows it (the lockout itself is
    // timed in AccessTests with a clock the test moves).
    let counted = try run(["access", "status"], folder)
    #expect(counted.output.contains("2 lần nhập sai liên tiếp"), "\(counted.output)")
    Thread.sleep(forTimeInterval: 2.2)
    let right = try run(
      ["report", "weak", "--commune", "03637", "--results", folder.path("Results")], folder,
      passphrase: "lớp học mùa thu")
    #expect(!right.error.contains("mật khẩu"), "\(right.error)")
    // A trainer is not a leader: the province readiness view needs the leader's passphrase.
    let readiness = try run(
      ["report", "readiness", "--results", folder.path("Results")], folder, passphrase: "lớp học mùa thu")
    #expect(readiness.status == 1 && readiness.error.contains("lãnh đạo"), "\(readiness.error)")
    let status = try run(["access", "status", "--lang", "en"], folder)
    #expect(
      status.output.contains("trainer: passphrase set") && status.output.contains("leader: no passphrase"))
  }

  @Test func aSignedFileVerifiesAndOneChangedByteOrAStrangeKeyFails() throws {
    let folder = try Folder()
    let file = folder.path("lop-scores.csv")
    try "\u{FEFF}Họ và tên,Điểm\nLò Văn Thắng,8\n".write(toFile: file, atomically: true, encoding: .utf8)
    let signed = try run(["sign", file, "--print-key"], folder)
    #expect(signed.status == 0, "\(signed.error)")
    let publicKey = try #require(signed.output.split(separator: "\n").first.map(String.init))
    let intact = try run(["verify", file], folder)
    #expect(intact.status == 0 && intact.output.contains("NGUYÊN VẸN") && intact.output.contains(publicKey))
    try "\(publicKey)  # Xã Mường Kim\n".write(
      toFile: folder.path("trusted"), atomically: true, encoding: .utf8)
    #expect(try run(["verify", file, "--trust", folder.path("trusted")], folder).status == 0)
    try "c29tZW9uZSBlbHNl\n".write(toFile: folder.path("others"), atomically: true, encoding: .utf8)
    let untrusted = try run(["verify", file, "--trust", folder.path("others"), "--lang", "en"], folder)
    #expect(untrusted.status == 1 && untrusted.output.contains("UNTRUSTED"))
    var bytes = try Data(contentsOf: URL(fileURLWithPath: file))
    bytes[bytes.count - 2] = UInt8(ascii: "9")
    try bytes.write(to: URL(fileURLWithPath: file))
    let altered = try run(["verify", file], folder)
    #expect(altered.status == 1 && altered.output.contains("ĐÃ BỊ THAY ĐỔI"))
    try "{}".write(toFile: file + ".sig", atomically: true, encoding: .utf8)
    #expect(try run(["verify", file], folder).output.contains("CHỮ KÝ SAI"))
    try FileManager.default.removeItem(atPath: file + ".sig")
    let unsigned = try run(["verify", file], folder)
    #expect(unsigned.status == 1 && unsigned.output.contains("CHƯA KÝ"))
  }
}
