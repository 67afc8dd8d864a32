import Foundation
import Toolkit

extension AccessGate {
  /// Lets a trainer or leader command go on, or throws what to tell the user: no passphrase set
  /// on this computer, none given, a wrong one (after the pause), or a lockout. `passphrase` is
  /// asked only when one is set.
  public func admit(_ role: Role, passphrase: () -> String?) throws {
    try admission(role, passphrase: passphrase)()
  }

  /// ``admit(_:passphrase:)`` in two steps: asks for the passphrase now (throwing at once when
  /// none is set on this computer or none is given), and returns the check of it, which throws
  /// what `admit` throws for a wrong one or a lockout. A command may run the check (scrypt, a
  /// tenth of a second) while it reads what it needs, as long as it writes and shows nothing of
  /// it before the check returns.
  public func admission(_ role: Role, passphrase: () -> String?) throws -> @Sendable () throws -> Void {
    if case .notConfigured = try check("", for: role, probeOnly: true) {
      throw AccessMessage.notConfigured(role)
    }
    guard let given = passphrase() else { throw AccessMessage.noPassphrase }
    return {
      switch try check(given, for: role) {
      case .granted: return
      case .denied(let retryAfter): throw AccessMessage.wrong(retryAfter)
      case .locked(let wait): throw AccessError.locked(wait: wait)
      case .notConfigured(let role): throw AccessMessage.notConfigured(role)
      }
    }
  }
}

extension FileSignature {
  /// Signs the file at `path` with `key` and writes `path.sig` beside it (through Toolkit's
  /// ``AtomicFile``). A results file whose `-wal` file still holds changes is refused: its bytes
  /// are not yet what a reader sees.
  public static func signFile(atPath path: String, with key: MachineKey, at date: Date = Date()) throws {
    let wal = path + "-wal"
    if let size = try? FileManager.default.attributesOfItem(atPath: wal)[.size] as? Int, size > 0 {
      throw AccessMessage.walPending(path)
    }
    let signature = try sign(URL(fileURLWithPath: path), with: key, machine: hostName, at: date)
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
    do {
      try AtomicFile.write(try encoder.encode(signature), to: URL(fileURLWithPath: path + ".sig"))
    } catch let error as AtomicFile.Failure {
      throw AccessError.unwritable(path + ".sig", error.reason)
    } catch {
      throw AccessError.unwritable(path + ".sig", error.localizedDescription)
    }
  }

  /// What `verify` says of the file at `path`: intact, altered, badly signed, untrusted (when
  /// `trusted` keys are given), unsigned or missing.
  public static func check(fileAtPath path: String, trusted: Set<String>?) -> AccessMessage {
    guard let data = FileManager.default.contents(atPath: path) else { return .missing(path) }
    guard let signatureData = FileManager.default.contents(atPath: path + ".sig") else {
      return .unsigned(path)
    }
    guard let signature = try? JSONDecoder().decode(FileSignature.self, from: signatureData) else {
      return .verdict(path, .badSignature)
    }
    return .verdict(path, signature.verdict(for: data, trusted: trusted))
  }

  /// The public keys a province trusts, one per line of the file at `path` (`#` starts a comment).
  public static func trustedKeys(fromFile path: String) throws -> Set<String> {
    guard let text = FileManager.default.contents(atPath: path) else { throw AccessError.unreadable(path) }
    return Set(
      String(decoding: text, as: UTF8.self).split(whereSeparator: \.isNewline)
        .map { $0.split(separator: "#").first.map(String.init) ?? "" }
        .map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty })
  }
}

extension AccessMessage {
  /// Whether this is `verify`'s good news.
  public var isIntact: Bool {
    if case .verdict(_, .intact) = self { return true }
    return false
  }
}
