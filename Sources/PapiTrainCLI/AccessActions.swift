import Access
import ArgumentParser
import Foundation
import Localization
import TerminalUI
import Toolkit

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

/// A trainer or leader command's passphrase, asked for at once and checked on another thread
/// while the command reads what it needs (the check's scrypt takes a tenth of a second of one
/// core): the command calls ``verdict()`` before it writes or shows anything.
final class Admission: Sendable {
  private let checked: BackgroundValue<Result<Void, any Error>>

  /// Asks for the passphrase of `role` (throwing at once when none is set or none is given), and
  /// starts checking it.
  init(_ role: Role, language: Language) throws {
    let check = try accessGate().admission(role) {
      readPassphrase(prompt: AccessMessage.prompt(role).text(in: language))
    }
    checked = BackgroundValue { Result { try check() } }
  }

  /// Waits for the check: throws what ``requireRole(_:language:)`` reports for a wrong
  /// passphrase or a lockout (each time it is called).
  func verdict() throws { try checked.value.get() }
}

/// `papi-train access`, `sign` and `verify`: the passphrases and signatures of this computer.
public enum AccessActions {
  /// `access setup`: sets or changes `role`'s passphrase.
  public static func setup(_ role: Role, language: Language) throws {
    try reportingErrors(in: language) {
      let done = try accessGate().changePassphrase(
        of: role, language: language,
        // Said on standard error, so that it shows through a pipe too, where no prompt does.
        explain: printToStandardError, ask: { Terminal.readSecretLine(prompt: $0) })
      print(done.text(in: language))
    }
  }

  /// `access status`: which roles have a passphrase.
  public static func status(language: Language) throws {
    try reportingErrors(in: language) {
      printLines(try accessGate().status().map { $0.text(in: language) })
    }
  }

  /// `sign`: signs `files` with the machine key (at `key`, else the default), printing its public
  /// key first when asked.
  public static func sign(_ files: [String], key: String?, printKey: Bool, language: Language) throws {
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

  /// `verify`: whether each file is intact and who signed it; exits 1 unless all are.
  public static func verify(_ files: [String], trust: String?, language: Language) throws {
    let verdicts = try reportingErrors(in: language) {
      let trusted = try trust.map(FileSignature.trustedKeys(fromFile:))
      return files.map { FileSignature.check(fileAtPath: $0, trusted: trusted) }
    }
    printLines(verdicts.map { $0.text(in: language) })
    if !verdicts.allSatisfy(\.isIntact) { throw ExitCode(1) }
  }
}

/// `papi-train keys`: the machines the province trusts to send results.
public enum KeysActions {
  static var registry: TrustRegistry { .default(environment: ProcessInfo.processInfo.environment) }

  /// `keys enrol FILE --commune CODE`.
  public static func enrol(file: String, commune: CommuneOption, language: Language) throws {
    try requireRole(.leader, language: language)
    try reportingErrors(in: language) {
      let key = try TrustRegistry.publicKey(inFile: file)
      let machine = try registry.enrol(publicKey: key, commune: try commune.code())
      print(TrustMessage.enrolled(machine).text(in: language))
    }
  }

  /// `keys list`.
  public static func list(language: Language) throws {
    try requireRole(.trainer, language: language)
    try reportingErrors(in: language) {
      let registry = Self.registry
      let machines = try registry.machines()
      if machines.isEmpty { print(TrustMessage.noMachines(registry.url.path).text(in: language)) }
      printLines(machines.map { TrustMessage.listed($0).text(in: language) })
    }
  }

  /// `keys revoke KEY`.
  public static func revoke(_ key: String, language: Language) throws {
    try requireRole(.leader, language: language)
    try reportingErrors(in: language) {
      print(TrustMessage.revokedNow(try registry.revoke(key)).text(in: language))
    }
  }
}
