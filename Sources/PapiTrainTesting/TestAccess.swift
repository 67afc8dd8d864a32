import Access
import Foundation

/// A machine with trainer and leader passphrases, for the tests that run trainer commands.
public enum TestAccess {
  /// The trainer's and the leader's passphrase on the test machine.
  public static let passphrase = "mật khẩu thử nghiệm"

  /// A config folder holding access.json; cheap scrypt cost, as the file records its own.
  public static let configHome: URL = {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent(
      "papi-access-\(UUID().uuidString)")
    let store = AccessStore(url: folder.appendingPathComponent("papi-train/access.json"))
    do {
      let hash = try PassphraseHash(passphrase: passphrase, rounds: 1 << 10)
      try store.update { contents in
        contents.passphrases[Role.trainer.rawValue] = hash
        contents.passphrases[Role.leader.rawValue] = hash
      }
    } catch {
      fatalError("cannot set up test access: \(error)")
    }
    return folder
  }()
}
