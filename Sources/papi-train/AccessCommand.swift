import Access
import ArgumentParser
import Foundation
import Localization
import TerminalUI
import Units

extension Role: ExpressibleByArgument {}

/// Reads a passphrase: from `PAPI_PASSPHRASE` when set (scripts), else from the terminal without
/// echo, else one line of standard input.
func readPassphrase(prompt: String) -> String? {
  if let given = ProcessInfo.processInfo.environment["PAPI_PASSPHRASE"] { return given }
  return Terminal.readSecretLine(prompt: prompt)
}

/// This computer's access gate.
func accessGate() -> AccessGate {
  AccessGate(store: .default(environment: ProcessInfo.processInfo.environment))
}

/// The one line a trainer or leader command calls before it reads any results: asks for the
/// passphrase and exits 1 with a clear message unless it allows `role`.
func requireRole(_ role: Role, language: Language) throws {
  try reportingErrors(in: language) {
    try accessGate().admit(role) { readPassphrase(prompt: AccessMessage.prompt(role).text(in: language)) }
  }
}

/// `papi-train access setup|status`: the trainer and leader passphrases of this computer.
struct AccessCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "access",
    abstract: "Mật khẩu giảng viên và lãnh đạo / the trainer and leader passphrases of this computer.",
    subcommands: [Setup.self, Status.self])

  struct Setup: ParsableCommand {
    static let configuration = CommandConfiguration(
      abstract: "Đặt hoặc đổi mật khẩu / set or change a passphrase.",
      discussion: """
        Asks for the new passphrase twice (without echo on a terminal; one line each from a pipe). When
        a passphrase is already set, first asks for the leader's (or, with none, the role's own).
        Only a salted scrypt hash is stored, in $XDG_CONFIG_HOME/papi-train/access.json.
        """)

    @Option(name: .long, help: "trainer or leader.")
    var role: Role

    @OptionGroup var languageOption: LanguageOption

    func run() throws {
      let language = languageOption.language
      try reportingErrors(in: language) {
        let done = try accessGate().changePassphrase(
          of: role, language: language,
          // Said on standard error, so that it shows through a pipe too, where no prompt does.
          explain: { FileHandle.standardError.write(Data(($0 + "\n").utf8)) },
          ask: { Terminal.readSecretLine(prompt: $0) })
        print(done.text(in: language))
      }
    }
  }

  struct Status: ParsableCommand {
    static let configuration = CommandConfiguration(
      abstract: "Vai trò nào đã có mật khẩu / which roles have one.")

    @OptionGroup var languageOption: LanguageOption

    func run() throws {
      let language = languageOption.language
      try reportingErrors(in: language) {
        printLines(try accessGate().status().map { $0.text(in: language) })
      }
    }
  }
}

/// `papi-train sign FILE...`: signs exports or results files with this computer's key.
struct SignCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "sign",
    abstract: "Ký tệp bằng khoá của máy này / sign files with this computer's key (Ed25519).",
    discussion: """
      Writes FILE.sig beside each file. Sign a results .sqlite after closing the shell (its -wal
      file merged): the bytes of FILE itself are what is signed. --print-key prints the public key
      a province adds to its trusted list.
      """)

  @Argument(help: "Tệp cần ký / files to sign.")
  var files: [String] = []

  @Option(
    name: .long, help: "Tệp khoá ký / the signing key (default: $XDG_DATA_HOME/papi-train/signing-key).")
  var key: String?

  @Flag(name: .long, help: "In khoá công khai / print the public key.")
  var printKey = false

  @OptionGroup var languageOption: LanguageOption

  func run() throws {
    let language = languageOption.language
    try reportingErrors(in: language) {
      let url =
        key.map { URL(fileURLWithPath: $0) }
        ?? MachineKey.defaultURL(environment: ProcessInfo.processInfo.environment)
      let machineKey = try MachineKey.loadOrCreate(at: url)
      if printKey { print(machineKey.publicKeyText) }
      guard !files.isEmpty || printKey else { throw AccessMessage.nothingToSign }
      for file in files {
        try FileSignature.signFile(atPath: file, with: machineKey)
        print(AccessMessage.signed(file).text(in: language))
      }
    }
  }
}

/// `papi-train verify FILE...`: tells whether signed files are intact, and who signed them.
struct VerifyCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "verify",
    abstract: "Kiểm tra chữ ký / check that signed files were not altered, and who signed them.",
    discussion:
      "Exits 1 when any file is altered, unsigned, badly signed, or (with --trust) signed by an unknown key.")

  @Argument(help: "Tệp cần kiểm tra (chữ ký ở TỆP.sig) / files to check (signature in FILE.sig).")
  var files: [String]

  @Option(name: .long, help: "Danh sách khoá tin cậy, mỗi dòng một khoá / trusted public keys, one per line.")
  var trust: String?

  @OptionGroup var languageOption: LanguageOption

  func run() throws {
    let language = languageOption.language
    let verdicts = try reportingErrors(in: language) {
      let trusted = try trust.map(FileSignature.trustedKeys(fromFile:))
      return files.map { FileSignature.check(fileAtPath: $0, trusted: trusted) }
    }
    printLines(verdicts.map { $0.text(in: language) })
    if !verdicts.allSatisfy(\.isIntact) { throw ExitCode(1) }
  }
}
