import Access
import Crypto
import Foundation

/// How a commune machine signs each request to the province server, and what the server checks.
///
/// Four headers carry the proof: the machine's Ed25519 public key (`X-Papi-Key`, base64 of the
/// 32 raw bytes, as `papi-train sign --print-key` prints it), the moment (`X-Papi-Timestamp`,
/// seconds since 1970), a nonce never used before (`X-Papi-Nonce`, 16 to 64 letters, digits,
/// `-` or `_`) and the signature (`X-Papi-Signature`, base64) over ``canonicalText``: the method,
/// the path with its query, the SHA-256 of the body, the timestamp and the nonce, one per line.
public struct RequestSignature: Sendable, Hashable {
  /// The header names.
  public static let keyHeader = "X-Papi-Key"
  public static let timestampHeader = "X-Papi-Timestamp"
  public static let nonceHeader = "X-Papi-Nonce"
  public static let signatureHeader = "X-Papi-Signature"
  /// The first line of what is signed.
  public static let scheme = "papi-train-request/1"
  /// How far a request's timestamp may be from the server's clock, either way.
  public static let allowedSkew: TimeInterval = 300

  public var publicKey: String
  public var timestamp: Int64
  public var nonce: String
  public var signature: String

  public init(publicKey: String, timestamp: Int64, nonce: String, signature: String) {
    self.publicKey = publicKey
    self.timestamp = timestamp
    self.nonce = nonce
    self.signature = signature
  }

  /// What is signed for a request.
  public static func canonicalText(method: String, path: String, body: Data, timestamp: Int64, nonce: String)
    -> String
  {
    [scheme, method.uppercased(), path, hex(SHA256.hash(data: body)), String(timestamp), nonce]
      .joined(separator: "\n")
  }

  /// Signs a request with the machine's key at `date`, with a fresh random nonce.
  public static func sign(
    method: String, path: String, body: Data, with key: MachineKey, at date: Date = Date()
  ) throws -> RequestSignature {
    let timestamp = Int64(date.timeIntervalSince1970.rounded(.down))
    let nonce = randomNonce()
    let text = canonicalText(method: method, path: path, body: body, timestamp: timestamp, nonce: nonce)
    let signature = try key.privateKey.signature(for: Data(text.utf8))
    return RequestSignature(
      publicKey: key.publicKeyText, timestamp: timestamp, nonce: nonce,
      signature: signature.base64EncodedString())
  }

  /// The headers to send.
  public var headers: [(String, String)] {
    [
      (Self.keyHeader, publicKey), (Self.timestampHeader, String(timestamp)), (Self.nonceHeader, nonce),
      (Self.signatureHeader, signature),
    ]
  }

  /// Reads the four headers (`header(name)` returns a header's value); nil when one is missing or
  /// malformed.
  public static func parse(_ header: (String) -> String?) -> RequestSignature? {
    guard let key = header(keyHeader), key.utf8.count == 44,
      let timestampText = header(timestampHeader), timestampText.utf8.count <= 19,
      let timestamp = Int64(timestampText),
      let nonce = header(nonceHeader), isNonce(nonce),
      let signature = header(signatureHeader), signature.utf8.count <= 100
    else { return nil }
    return RequestSignature(publicKey: key, timestamp: timestamp, nonce: nonce, signature: signature)
  }

  /// Whether the signature is the key's over this request (the key's enrolment and the timestamp
  /// are the server's to check).
  public func isValid(method: String, path: String, body: Data) -> Bool {
    guard let raw = Data(base64Encoded: publicKey), raw.count == 32,
      let key = try? Curve25519.Signing.PublicKey(rawRepresentation: raw),
      let signatureBytes = Data(base64Encoded: signature)
    else { return false }
    let text = Self.canonicalText(method: method, path: path, body: body, timestamp: timestamp, nonce: nonce)
    return key.isValidSignature(signatureBytes, for: Data(text.utf8))
  }

  /// Whether the timestamp is within ``allowedSkew`` of `now`.
  public func isFresh(at now: Date) -> Bool {
    abs(Double(timestamp) - now.timeIntervalSince1970) <= Self.allowedSkew
  }

  /// 16 to 64 of `A-Z a-z 0-9 - _`.
  public static func isNonce(_ text: String) -> Bool {
    (16...64).contains(text.utf8.count)
      && text.utf8.allSatisfy { byte in
        (0x30...0x39).contains(byte) || (0x41...0x5A).contains(byte) || (0x61...0x7A).contains(byte)
          || byte == 0x2D || byte == 0x5F
      }
  }

  /// 24 random characters of the nonce alphabet (about 143 bits).
  public static func randomNonce() -> String {
    let alphabet = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_".utf8)
    var generator = SystemRandomNumberGenerator()
    return String(decoding: (0..<24).map { _ in alphabet[Int(generator.next() % 64)] }, as: UTF8.self)
  }

  static func hex(_ digest: SHA256.Digest) -> String { digest.map { String(format: "%02x", $0) }.joined() }
}

/// Enrolment: the machine proves it holds the key it registers by signing the one-time code with it.
public struct EnrolmentRequest: Sendable, Hashable, Codable {
  /// The one-time code `papi-server enrol` printed.
  public var code: String
  /// The machine's Ed25519 public key, base64 of 32 bytes.
  public var publicKey: String
  /// The machine's name, for the leader's list.
  public var machine: String
  /// base64 Ed25519 signature of ``signedText``.
  public var signature: String

  public init(code: String, publicKey: String, machine: String, signature: String) {
    self.code = code
    self.publicKey = publicKey
    self.machine = machine
    self.signature = signature
  }

  /// What the machine signs.
  public var signedText: String { "papi-train-enrol/1\n\(code)\n\(publicKey)\n\(machine)" }

  /// A request for `code`, signed with `key`.
  public static func make(code: String, key: MachineKey, machine: String) throws -> EnrolmentRequest {
    var request = EnrolmentRequest(code: code, publicKey: key.publicKeyText, machine: machine, signature: "")
    request.signature = try key.privateKey.signature(for: Data(request.signedText.utf8)).base64EncodedString()
    return request
  }

  /// Whether the signature is the public key's over the code.
  public var isSigned: Bool {
    guard let raw = Data(base64Encoded: publicKey), raw.count == 32,
      let key = try? Curve25519.Signing.PublicKey(rawRepresentation: raw),
      let bytes = Data(base64Encoded: signature)
    else { return false }
    return key.isValidSignature(bytes, for: Data(signedText.utf8))
  }
}

/// What the server answers to an enrolment.
public struct EnrolmentResponse: Sendable, Hashable, Codable {
  public var commune: String
  public var province: String
  public var enrolledAt: String
  /// The province's course publishing key (base64 of the 32-byte Ed25519 public key): the one key
  /// whose course packages this machine installs.
  public var publisherKey: String?

  public init(commune: String, province: String, enrolledAt: String, publisherKey: String? = nil) {
    self.commune = commune
    self.province = province
    self.enrolledAt = enrolledAt
    self.publisherKey = publisherKey
  }
}
