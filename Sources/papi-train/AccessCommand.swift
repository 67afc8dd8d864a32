import Access
import ArgumentParser
import Foundation
import Localization

#if canImport(Glibc)
  import Glibc
#endif

extension Role: ExpressibleByArgument {}

/// Reads a passphrase: from `PAPI_PASSPHRASE` when set (scripts), else from the terminal without
/// echo, else one line of standard input.
func readPassphrase(prompt: String) -> String? {
  if let given = ProcessInfo.processInfo.environment["PAPI_PASSPHRASE"] { return given }
  return readSecretLine(prompt: prompt)
}

/// One line of standard input; on a terminal, prompted on standard error with echo off.
func readSecretLine(prompt: String) -> String? {
  guard isatty(STDIN_FILENO) == 1 else { return Swift.readLine(strippingNewline: true) }
  FileHandle.standardError.write(Data(prompt.utf8))
  var saved = termios()
  tcgetattr(STDIN_FILENO, &saved)
  var silent = saved
  silent.c_lflag &= ~tcflag_t(ECHO)
  tcsetattr(STDIN_FILENO, TCSAFLUSH, &silent)
  defer {
    tcsetattr(STDIN_FILENO, TCSAFLUSH, &saved)
    FileHandle.standardError.write(Data("\n".utf8))
  }
  return Swift.readLine(strippingNewline: true)
}

/// The one line a trainer or leader command calls before it reads any results: asks for the
/// passphrase and exits 1 with a clear message unless it allows `role`.
func requireRole(_ role: Role, language: Language) throws {
  let gate = AccessGate(store: .default(environment: ProcessInfo.processInfo.environment))
  let decision: AccessGate.Decision
  do {
    if case .notConfigured = try gate.check("", for: role, probeOnly: true) {
      throw AccessMessage.notConfigured(role)
    }
    guard let passphrase = readPassphrase(prompt: AccessMessage.prompt(role).text(in: language)) else {
      throw AccessMessage.noPassphrase
    }
    decision = try gate.check(passphrase, for: role)
  } catch let error as AccessMessage {
    printError(error.text(in: language), in: language)
    throw ExitCode(1)
  } catch let error as AccessError {
    printError(error.text(in: language), in: language)
    throw ExitCode(1)
  }
  switch decision {
  case .granted: return
  case .denied(let retryAfter): printError(AccessMessage.wrong(retryAfter).text(in: language), in: language)
  case .locked(let wait): printError(AccessError.locked(wait: wait).text(in: language), in: language)
  case .notConfigured(let role):
    printError(AccessMessage.notConfigured(role).text(in: language), in: language)
  }
  throw ExitCode(1)
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
        let gate = AccessGate(store: .default(environment: ProcessInfo.processInfo.environment))
        var current: String?
        if let authority = try gate.authorityForChange(of: role) {
          current = readSecretLine(prompt: AccessMessage.currentPrompt(authority).text(in: language))
        }
        guard let first = readSecretLine(prompt: AccessMessage.newPrompt(role).text(in: language)),
          let second = readSecretLine(prompt: AccessMessage.repeatPrompt.text(in: language))
        else { throw AccessMessage.noPassphrase }
        guard first == second else { throw AccessError.mismatch }
        try gate.setPassphrase(first, for: role, current: current)
        print(AccessMessage.set(role, gate.store.url.path).text(in: language))
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
        let store = AccessStore.default(environment: ProcessInfo.processInfo.environment)
        let contents = try store.load()
        for role in Role.guarded {
          print(AccessMessage.status(role, isSet: contents.hash(for: role) != nil).text(in: language))
        }
        if contents.failures > 0 { print(AccessMessage.failures(contents.failures).text(in: language)) }
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
        let fileURL = URL(fileURLWithPath: file)
        if FileManager.default.fileExists(atPath: file + "-wal"),
          let size = try? FileManager.default.attributesOfItem(atPath: file + "-wal")[.size] as? Int, size > 0
        {
          throw AccessMessage.walPending(file)
        }
        let signature = try FileSignature.sign(
          fileURL, with: machineKey, machine: FileSignature.hostName, at: Date())
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
        do {
          try encoder.encode(signature).write(to: URL(fileURLWithPath: file + ".sig"), options: .atomic)
        } catch {
          throw AccessError.unwritable(file + ".sig", error.localizedDescription)
        }
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
    var allGood = true
    try reportingErrors(in: language) {
      var trusted: Set<String>?
      if let trust {
        guard let text = FileManager.default.contents(atPath: trust) else {
          throw AccessError.unreadable(trust)
        }
        trusted = Set(
          String(decoding: text, as: UTF8.self).split(whereSeparator: \.isNewline)
            .map { $0.split(separator: "#").first.map(String.init) ?? "" }
            .map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty })
      }
      for file in files {
        let line: AccessMessage
        if let data = FileManager.default.contents(atPath: file) {
          if let signatureData = FileManager.default.contents(atPath: file + ".sig") {
            if let signature = try? JSONDecoder().decode(FileSignature.self, from: signatureData) {
              line = .verdict(file, signature.verdict(for: data, trusted: trusted))
            } else {
              line = .verdict(file, .badSignature)
            }
          } else {
            line = .unsigned(file)
          }
        } else {
          line = .missing(file)
        }
        if case .verdict(_, .intact) = line {} else { allGood = false }
        print(line.text(in: language))
      }
    }
    if !allGood { throw ExitCode(1) }
  }
}

/// The messages of access, sign and verify, Vietnamese first.
enum AccessMessage: Error, LocalizedMessage {
  case prompt(Role)
  case currentPrompt(Role)
  case newPrompt(Role)
  case repeatPrompt
  case noPassphrase
  case notConfigured(Role)
  case wrong(Int)
  case set(Role, String)
  case status(Role, isSet: Bool)
  case failures(Int)
  case nothingToSign
  case walPending(String)
  case signed(String)
  case verdict(String, FileSignature.Verdict)
  case unsigned(String)
  case missing(String)

  func text(in language: Language) -> String {
    let vi = language == .vietnamese
    let name = { (role: Role) in AccessError.name(role, vi) }
    switch self {
    case .prompt(let role):
      return vi ? "Mật khẩu \(name(role)): " : "\(role.rawValue.capitalized) passphrase: "
    case .currentPrompt(let role):
      return vi ? "Mật khẩu hiện tại của \(name(role)): " : "Current \(role.rawValue) passphrase: "
    case .newPrompt(let role):
      return vi ? "Mật khẩu mới của \(name(role)): " : "New \(role.rawValue) passphrase: "
    case .repeatPrompt: return vi ? "Nhập lại: " : "Again: "
    case .noPassphrase: return vi ? "không có mật khẩu nào được nhập" : "no passphrase was given"
    case .notConfigured(let role):
      return vi
        ? "lệnh này dành cho \(name(role)), nhưng máy này chưa đặt mật khẩu; đặt bằng: papi-train access setup --role \(role == .official ? "trainer" : role.rawValue)"
        : "this command is for a \(role.rawValue), but no passphrase is set on this computer; set one with: papi-train access setup --role \(role == .official ? "trainer" : role.rawValue)"
    case .wrong(let seconds):
      return vi ? "sai mật khẩu; thử lại sau \(seconds) giây" : "wrong passphrase; try again in \(seconds) s"
    case .set(let role, let path):
      return vi
        ? "Đã đặt mật khẩu \(name(role)) (chỉ lưu mã băm, trong \(path))."
        : "The \(role.rawValue) passphrase is set (only a hash is kept, in \(path))."
    case .status(let role, let isSet):
      return vi
        ? "\(name(role)): \(isSet ? "đã đặt mật khẩu" : "chưa có mật khẩu")"
        : "\(role.rawValue): \(isSet ? "passphrase set" : "no passphrase")"
    case .failures(let count):
      return vi ? "\(count) lần nhập sai liên tiếp gần đây" : "\(count) wrong tries in a row lately"
    case .nothingToSign: return vi ? "hãy nêu tệp cần ký" : "name the files to sign"
    case .walPending(let file):
      return vi
        ? "\(file) còn tệp -wal chưa gộp: hãy đóng chương trình đang mở tệp này rồi ký lại"
        : "\(file) has a -wal file not yet merged: close whatever has it open, then sign again"
    case .signed(let file): return vi ? "Đã ký \(file) → \(file).sig" : "Signed \(file) → \(file).sig"
    case .verdict(let file, let verdict):
      switch verdict {
      case .intact(let machine, let signedAt, let key):
        return vi
          ? "\(file): NGUYÊN VẸN, ký trên máy \(machine) lúc \(signedAt), khoá \(key)"
          : "\(file): INTACT, signed on \(machine) at \(signedAt), key \(key)"
      case .altered:
        return vi ? "\(file): ĐÃ BỊ THAY ĐỔI sau khi ký" : "\(file): ALTERED since it was signed"
      case .badSignature:
        return vi ? "\(file): CHỮ KÝ SAI hoặc hỏng (\(file).sig)" : "\(file): BAD SIGNATURE in \(file).sig"
      case .untrusted(let key, let machine):
        return vi
          ? "\(file): nguyên vẹn nhưng KHOÁ KHÔNG ĐƯỢC TIN CẬY (\(key), máy \(machine))"
          : "\(file): intact but signed with an UNTRUSTED key (\(key), machine \(machine))"
      }
    case .unsigned(let file):
      return vi ? "\(file): CHƯA KÝ (không có \(file).sig)" : "\(file): UNSIGNED (no \(file).sig)"
    case .missing(let file): return vi ? "\(file): không có tệp này" : "\(file): no such file"
    }
  }
}
