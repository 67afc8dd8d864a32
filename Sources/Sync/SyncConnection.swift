import Access
import Foundation
import SyncProtocol

/// Requests to the province server over libcurl (`HTTPTransfer`): each signed with the machine key (a fresh
/// timestamp and nonce every try), retried with exponential backoff while the server or its
/// database is away, never retried when the server refuses.
public struct SyncConnection: Sendable {
  public let server: URL
  public let key: MachineKey
  /// How many tries a request gets, and the first wait between them (doubled each time, at most
  /// `maximumDelay`).
  public var tries = 8
  public var firstDelay: Duration = .milliseconds(500)
  public var maximumDelay: Duration = .seconds(8)
  /// Called before each wait.
  public var onRetry: @Sendable (Double, String) -> Void = { _, _ in }
  /// Seconds to connect; seconds without a byte from the server; seconds for a whole request.
  public var connectTimeout = 20
  public var idleTimeout = 60
  public var totalTimeout = 300

  public init(server: URL, key: MachineKey) {
    self.server = server
    self.key = key
  }

  /// The server's address from what the user typed: `http(s)://host[:port]`.
  public static func serverURL(_ text: String) throws -> URL {
    guard let url = URL(string: text.trimmingCharacters(in: .whitespaces)),
      ["http", "https"].contains(url.scheme?.lowercased() ?? ""), url.host != nil
    else { throw SyncMessage.badServerAddress(text) }
    return url
  }

  // MARK: - The API

  /// Enrols this machine's key with a one-time code.
  public func enrol(code: String, machine: String) async throws -> EnrolmentResponse {
    let request = try EnrolmentRequest.make(code: code, key: key, machine: machine)
    return try await send("POST", "/v1/enrol", body: try JSONEncoder().encode(request), signed: false)
  }

  /// What the server holds of this machine's commune.
  public func state() async throws -> SyncState {
    try await send("GET", "/v1/sync/state", body: Data(), signed: true)
  }

  /// Pushes one batch.
  public func push(_ batch: SyncBatch) async throws -> BatchAcknowledgement {
    try await send("POST", "/v1/sync/batches", body: try batch.json(), signed: true)
  }

  // MARK: - Sending

  func send<T: Decodable>(_ method: String, _ path: String, body: Data, signed: Bool) async throws -> T {
    let data = try await sendForData(method, path, body: body, signed: signed)
    guard let value = try? JSONDecoder().decode(T.self, from: data) else {
      throw SyncMessage.unexpectedAnswer(status: 200)
    }
    return value
  }

  /// The body of a successful answer, as sent.
  func sendForData(_ method: String, _ path: String, body: Data, signed: Bool) async throws -> Data {
    var delay = firstDelay
    var lastReason = ""
    for attempt in 1...max(1, tries) {
      try Task.checkCancellation()
      switch try await once(method, path, body: body, signed: signed) {
      case .done(let data): return data
      case .retry(let reason):
        lastReason = reason
        guard attempt < tries else { break }
        onRetry(Double(delay.components.seconds) + Double(delay.components.attoseconds) / 1e18, reason)
        try await Task.sleep(for: delay)
        delay = min(delay * 2, maximumDelay)
      }
    }
    throw SyncMessage.unreachable(server: server.absoluteString, attempts: tries, reason: lastReason)
  }

  enum Outcome {
    case done(Data)
    case retry(String)
  }

  func once(_ method: String, _ path: String, body: Data, signed: Bool) async throws -> Outcome {
    guard let url = URL(string: path, relativeTo: server)?.absoluteURL else {
      throw SyncMessage.badServerAddress(server.absoluteString)
    }
    var headers: [String] = []
    if method != "GET" { headers.append("Content-Type: application/json") }
    if signed {
      let signature = try RequestSignature.sign(method: method, path: url.path, body: body, with: key)
      headers += signature.headers.map { "\($0.0): \($0.1)" }
    }
    let transfer = HTTPTransfer(
      url: url.absoluteString, method: method, headers: headers, body: method == "GET" ? Data() : body,
      connectTimeout: connectTimeout, totalTimeout: totalTimeout, idleTimeout: idleTimeout)
    let response: HTTPTransfer.Response
    do {
      response = try await transfer.perform()
    } catch let failure as HTTPTransfer.Failure {
      try Task.checkCancellation()
      return .retry(failure.reason)
    }
    let (status, data) = (response.status, response.body)
    switch status {
    case 200..<300: return .done(data)
    case 500..<600, 429, 408: return .retry("HTTP \(status)")
    default:
      guard let refusal = try? JSONDecoder().decode(APIError.self, from: data) else {
        throw SyncMessage.unexpectedAnswer(status: status)
      }
      throw SyncMessage.refused(
        status: status, code: refusal.code, message: refusal.message, english: refusal.messageEnglish,
        problems: refusal.problems.map { "\($0.table) \($0.row) \($0.column): \($0.reason)" })
    }
  }
}
