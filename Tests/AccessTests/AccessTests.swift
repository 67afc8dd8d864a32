import Foundation
import PapiTrainTesting
import Synchronization
import Testing

@testable import Access

/// A fresh folder, removed when the test ends.
final class Folder {
  let folder = try! TemporaryFolder("access-tests")
  var url: URL { folder.url }
  var store: AccessStore { AccessStore(url: url.appendingPathComponent("papi-train/access.json")) }
}

/// A clock the test moves, and a record of the pauses asked for.
final class Clock: Sendable {
  let moment = Mutex(Date(timeIntervalSince1970: 1_800_000_000))
  let pauses = Mutex([TimeInterval]())
  func advance(_ seconds: TimeInterval) { moment.withLock { $0 = $0.addingTimeInterval(seconds) } }
  func gate(_ store: AccessStore) -> AccessGate {
    AccessGate(
      store: store, now: { self.moment.withLock { $0 } },
      pause: { seconds in self.pauses.withLock { $0.append(seconds) } })
  }
}

@Suite struct PassphraseTests {
  @Test func onlyASaltedHashIsStoredAndItMatchesOnlyThePassphrase() throws {
    let folder = Folder()
    let gate = Clock().gate(folder.store)
    try gate.setPassphrase("Lớp tập huấn 2026", for: .trainer, current: nil)
    let text = try String(contentsOf: folder.store.url, encoding: .utf8)
    #expect(!text.contains("Lớp tập huấn 2026") && !text.contains("2026\""))
    let hash = try #require(try folder.store.load().hash(for: .trainer))
    #expect(hash.algorithm == "scrypt" && hash.rounds == PassphraseHash.defaultRounds)
    #expect(Data(base64Encoded: hash.salt)?.count == 16)
    #expect(hash.matches("Lớp tập huấn 2026"))
    // The same letters typed decomposed (some Vietnamese input methods) still match.
    #expect(hash.matches("Lớp tập huấn 2026".decomposedStringWithCanonicalMapping))
    #expect(!hash.matches("lớp tập huấn 2026"))
    let attributes = try FileManager.default.attributesOfItem(atPath: folder.store.url.path)
    #expect((attributes[.posixPermissions] as? Int) == 0o600)
    // Two hashes of one passphrase differ: the salt is random.
    #expect(
      try PassphraseHash(passphrase: "abcdefgh", rounds: 1024)
        != PassphraseHash(passphrase: "abcdefgh", rounds: 1024))
  }

  @Test func aMachineWithNoPassphraseRefusesRatherThanAllows() throws {
    let folder = Folder()
    #expect(try Clock().gate(folder.store).check("anything", for: .trainer) == .notConfigured(.trainer))
  }

  @Test func aLeaderMayDoWhatATrainerMayButNotTheOtherWayRound() throws {
    let folder = Folder()
    let gate = Clock().gate(folder.store)
    try gate.setPassphrase("leader-secret", for: .leader, current: nil)
    try gate.setPassphrase("trainer-secret", for: .trainer, current: "leader-secret")
    #expect(try gate.check("leader-secret", for: .trainer) == .granted(.leader))
    #expect(try gate.check("trainer-secret", for: .trainer) == .granted(.trainer))
    if case .granted = try gate.check("trainer-secret", for: .leader) {
      Issue.record("a trainer passed as leader")
    }
  }

  @Test func changingAPassphraseNeedsTheCurrentOne() throws {
    let folder = Folder()
    let gate = Clock().gate(folder.store)
    try gate.setPassphrase("first-secret", for: .trainer, current: nil)
    #expect(throws: AccessError.currentNeeded(.trainer)) {
      try gate.setPassphrase("second-secret", for: .trainer, current: nil)
    }
    #expect(throws: AccessError.wrongCurrent(.trainer)) {
      try gate.setPassphrase("second-secret", for: .trainer, current: "guess")
    }
    #expect(throws: AccessError.tooShort(minimum: 8)) {
      try gate.setPassphrase("short", for: .trainer, current: nil)
    }
  }

  @Test func wrongTriesArePausedAndLockOutForLongerEachTimeAcrossRestarts() throws {
    let folder = Folder()
    let clock = Clock()
    try clock.gate(folder.store).setPassphrase("right-secret", for: .trainer, current: nil)
    #expect(try clock.gate(folder.store).check("wrong", for: .trainer) == .denied(retryAfter: 1))
    #expect(clock.pauses.withLock { $0 } == [1])
    // A new gate (a restarted program) reads the count from the file.
    #expect(try clock.gate(folder.store).check("right-secret", for: .trainer) == .locked(wait: 1))
    clock.advance(1)
    #expect(try clock.gate(folder.store).check("wrong", for: .trainer) == .denied(retryAfter: 2))
    clock.advance(2)
    #expect(try clock.gate(folder.store).check("wrong", for: .trainer) == .denied(retryAfter: 4))
    clock.advance(3)
    // Even the right passphrase is not checked while locked out.
    #expect(try clock.gate(folder.store).check("right-secret", for: .trainer) == .locked(wait: 1))
    clock.advance(1)
    #expect(try clock.gate(folder.store).check("right-secret", for: .trainer) == .granted(.trainer))
    #expect(try folder.store.load().failures == 0)
    #expect(AccessGate.lockout(afterFailures: 30) == 300)
  }

  @Test func aDamagedAccessFileIsAnErrorNotAnOpenDoor() throws {
    let folder = Folder()
    try FileManager.default.createDirectory(
      at: folder.store.url.deletingLastPathComponent(), withIntermediateDirectories: true)
    try Data("{ not json".utf8).write(to: folder.store.url)
    #expect(throws: AccessError.damaged(folder.store.url.path)) {
      try Clock().gate(folder.store).check("x", for: .trainer)
    }
  }
}

@Suite struct SignatureTests {
  func signed(_ folder: Folder) throws -> (URL, FileSignature, MachineKey) {
    try FileManager.default.createDirectory(at: folder.url, withIntermediateDirectories: true)
    let file = folder.url.appendingPathComponent("lop.csv")
    try Data("Họ và tên,Điểm\nLò Văn Thắng,8\n".utf8).write(to: file)
    let key = try MachineKey.loadOrCreate(at: folder.url.appendingPathComponent("key"))
    return (file, try FileSignature.sign(file, with: key, machine: "laptop-1", at: Date()), key)
  }

  @Test func anUnchangedFileIsIntactAndOneFlippedByteIsAltered() throws {
    let folder = Folder()
    let (file, signature, key) = try signed(folder)
    var data = try Data(contentsOf: file)
    #expect(
      signature.verdict(for: data, trusted: nil)
        == .intact(machine: "laptop-1", signedAt: signature.signedAt, publicKey: key.publicKeyText))
    data[20] ^= 0x01
    #expect(signature.verdict(for: data, trusted: nil) == .altered)
  }

  @Test func aSignatureFileChangedOrBorrowedFromAnotherFileDoesNotVerify() throws {
    let folder = Folder()
    let (file, signature, _) = try signed(folder)
    let data = try Data(contentsOf: file)
    var forged = signature
    forged.sha256 = String(repeating: "0", count: 64)
    #expect(forged.verdict(for: data, trusted: nil) == .badSignature)
    var renamed = signature
    renamed.machine = "province-office"
    #expect(renamed.verdict(for: data, trusted: nil) == .badSignature)
    // A valid signature of other bytes, with the hash edited to match ours, fails too.
    var swapped = signature
    swapped.signature = String(signature.signature.reversed())
    #expect(swapped.verdict(for: data, trusted: nil) == .badSignature)
  }

  @Test func onlyTrustedKeysPassWhenAListIsGiven() throws {
    let folder = Folder()
    let (file, signature, key) = try signed(folder)
    let data = try Data(contentsOf: file)
    #expect(signature.verdict(for: data, trusted: [key.publicKeyText]) != .altered)
    #expect(
      signature.verdict(for: data, trusted: ["someone else"])
        == .untrusted(publicKey: key.publicKeyText, machine: "laptop-1"))
  }

  @Test func theMachineKeyIsMadeOnceAndKeptPrivate() throws {
    let folder = Folder()
    let url = folder.url.appendingPathComponent("keys/signing-key")
    let first = try MachineKey.loadOrCreate(at: url)
    let second = try MachineKey.loadOrCreate(at: url)
    #expect(first.publicKeyText == second.publicKeyText)
    #expect((try FileManager.default.attributesOfItem(atPath: url.path)[.posixPermissions] as? Int) == 0o600)
    try Data("garbage".utf8).write(to: url)
    #expect(throws: AccessError.keyUnreadable(url.path)) { try MachineKey.loadOrCreate(at: url) }
  }
}
