import Access
import Foundation
import Hummingbird
import Logging
import NIOCore
import PostgresNIO
import SyncProtocol
import Units

/// The HTTP API (docs/openapi.yaml): health, the API document, enrolment, and the signed sync
/// endpoints. Every refusal is an ``APIError`` body with a stable code and the reason in both
/// languages; no input reaches a 5xx (the database being away is a 503).
struct Routes: Sendable {
  let repository: ProvinceRepository
  /// The batch validator, over the server's courses and every published version.
  let content: PublishedContent
  let logger: Logger

  func router() -> Router<BasicRequestContext> {
    let router = Router()
    router.get("health") { _, _ in await health() }
    router.get("openapi.yaml") { _, _ in
      Response(
        status: .ok, headers: [.contentType: "application/yaml; charset=utf-8"],
        body: ResponseBody(byteBuffer: ByteBuffer(string: APIDocument.text)))
    }
    router.post("v1/enrol") { request, _ in await guarded { try await enrol(request) } }
    router.get("v1/sync/state") { request, _ in await guarded { try await state(request) } }
    router.post("v1/sync/batches") { request, _ in await guarded { try await batch(request) } }
    addCourseRoutes(to: router)
    return router
  }

  // MARK: - Handlers

  func health() async -> Response {
    do {
      try await repository.client.query("SELECT 1", logger: logger)
      return Self.json(Health(status: "ok", database: "ok"), status: .ok)
    } catch {
      return Self.json(Health(status: "degraded", database: "unavailable"), status: .serviceUnavailable)
    }
  }

  struct Health: Codable {
    var status: String
    var database: String
  }

  func enrol(_ request: Request) async throws -> Response {
    let body = try await Self.body(request)
    let enrolment: EnrolmentRequest = try Self.decode(body)
    guard enrolment.machine.utf8.count <= 200, enrolment.code.utf8.count <= 64,
      TrustRegistry.isPublicKey(enrolment.publicKey), enrolment.isSigned
    else { throw Refusal(.unprocessableContent, "bad-enrolment", .badSignature) }
    switch try await repository.enrol(enrolment) {
    case .enrolled(let device, let province):
      logger.info(
        "enrolled", metadata: ["commune": "\(device.machine.commune)", "key": "\(device.machine.publicKey)"])
      let publishingKey = try await publisherKey()
      return Self.json(
        EnrolmentResponse(
          commune: device.machine.commune.rawValue, province: province, enrolledAt: device.machine.enrolledAt,
          publisherKey: publishingKey),
        status: .created)
    case .badCode: throw Refusal(.forbidden, "bad-enrolment-code", .badEnrolmentCode)
    case .revoked: throw Refusal(.forbidden, "revoked-key", .revokedKey)
    case .elsewhere(let commune):
      throw Refusal(.conflict, "enrolled-elsewhere", .keyEnrolledElsewhere(commune))
    }
  }

  func state(_ request: Request) async throws -> Response {
    let body = try await Self.body(request)
    let device = try await authenticate(request, body: body)
    return Self.json(try await repository.syncState(for: device), status: .ok)
  }

  func batch(_ request: Request) async throws -> Response {
    let body = try await Self.body(request)
    let device = try await authenticate(request, body: body)
    let batch: SyncBatch = try Self.decode(body)
    let commune = device.machine.commune
    if let claimed = try? CommuneCode(batch.commune), case .otherCommune = device.verdict(for: claimed) {
      throw Refusal(.forbidden, "other-commune", .otherCommune(commune.rawValue))
    }
    // The province the commune was registered under when its machine was enrolled.
    guard let province = try await repository.province(of: commune) else {
      throw Refusal(.forbidden, "unknown-commune", .unknownCommune(commune.rawValue))
    }
    switch await content.validate(batch, commune: commune, province: province) {
    case .failure(let error):
      logger.notice(
        "batch refused", metadata: ["commune": "\(commune)", "problems": "\(error.problems.count)"])
      return Self.json(error, status: .unprocessableContent)
    case .success(let validated):
      // The batch's transaction runs to its end even when the machine stops waiting (its request
      // cancelled): a transaction cut off between two statements would keep its locks, and the
      // machine's retry of the same batch, and every batch sharing a class with it, would wait on
      // them. The retry then finds the batch stored.
      let repository = repository
      let outcome = try await Task { try await repository.store(validated, from: device) }.value
      switch outcome {
      case .stored(let acknowledgement):
        logger.info(
          "batch stored",
          metadata: [
            "commune": "\(commune)", "batch": "\(acknowledgement.batchID)",
            "answers": "\(acknowledgement.answersAdded)",
            "duplicate": "\(acknowledgement.duplicate)",
          ])
        return Self.json(acknowledgement, status: .ok)
      case .otherCommune:
        throw Refusal(.forbidden, "other-commune", .otherCommune(commune.rawValue))
      }
    }
  }

  // MARK: - Signed requests

  /// The enrolled, unrevoked device that signed this request, fresh and never seen before.
  func authenticate(_ request: Request, body: ByteBuffer) async throws -> Device {
    guard
      let signature = RequestSignature.parse({ name in
        request.headers.first { $0.name.canonicalName == name.lowercased() }?.value
      })
    else { throw Refusal(.unauthorized, "unsigned", .unsigned) }
    guard let device = try await repository.device(publicKey: signature.publicKey) else {
      throw Refusal(.unauthorized, "unknown-key", .unknownKey)
    }
    let path = request.uri.path + (request.uri.query.map { "?" + $0 } ?? "")
    guard signature.isValid(method: request.method.rawValue, path: path, body: Data(body.readableBytesView))
    else {
      throw Refusal(.unauthorized, "bad-signature", .badSignature)
    }
    if device.machine.isRevoked { throw Refusal(.forbidden, "revoked-key", .revokedKey) }
    let now = Date()
    guard signature.isFresh(at: now) else { throw Refusal(.unauthorized, "stale-timestamp", .staleTimestamp) }
    let expiry = Date(timeIntervalSince1970: Double(signature.timestamp) + RequestSignature.allowedSkew + 60)
    guard try await repository.useNonce(signature.nonce, key: signature.publicKey, until: expiry) else {
      throw Refusal(.unauthorized, "replayed-nonce", .replayedNonce)
    }
    return device
  }

  // MARK: - Bodies and refusals

  static func body(_ request: Request) async throws -> ByteBuffer {
    do { return try await request.body.collect(upTo: SyncBatch.maximumBodyBytes) } catch {
      throw Refusal(.contentTooLarge, "body-too-large", .bodyTooLarge(SyncBatch.maximumBodyBytes))
    }
  }

  static func decode<T: Decodable>(_ body: ByteBuffer) throws -> T {
    do { return try JSONDecoder().decode(T.self, from: Data(body.readableBytesView)) } catch let error
      as DecodingError
    {
      throw Refusal(.badRequest, "malformed-json", .malformedJSON(describe(error)))
    } catch {
      throw Refusal(.badRequest, "malformed-json", .malformedJSON("\(error)"))
    }
  }

  static func describe(_ error: DecodingError) -> String {
    func path(_ context: DecodingError.Context) -> String {
      let path = context.codingPath.map { $0.intValue.map(String.init) ?? $0.stringValue }.joined(
        separator: ".")
      return path.isEmpty ? "" : path + ": "
    }
    switch error {
    case .typeMismatch(let type, let context): return path(context) + "expected \(type)"
    case .valueNotFound(let type, let context): return path(context) + "missing \(type)"
    case .keyNotFound(let key, let context): return path(context) + "missing \(key.stringValue)"
    case .dataCorrupted(let context): return path(context) + "not JSON"
    @unknown default: return "not JSON"
    }
  }

  /// Runs a handler; a refusal becomes its response, the database being away a 503.
  func guarded(_ handler: () async throws -> Response) async -> Response {
    do { return try await handler() } catch let refusal as Refusal {
      return Self.json(refusal.error, status: refusal.status)
    } catch {
      logger.error("request failed", metadata: ["error": "\(String(reflecting: error))"])
      let message = ServerMessage.unavailable
      return Self.json(
        APIError(
          code: "unavailable", message: message.text(in: .vietnamese),
          messageEnglish: message.text(in: .english)),
        status: .serviceUnavailable)
    }
  }

  static func json<T: Encodable>(_ value: T, status: HTTPResponse.Status) -> Response {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.sortedKeys]
    let data = (try? encoder.encode(value)) ?? Data("{}".utf8)
    return Response(
      status: status, headers: [.contentType: "application/json; charset=utf-8"],
      body: ResponseBody(byteBuffer: ByteBuffer(bytes: data)))
  }
}

/// A request refused: the status and the body that says why.
struct Refusal: Error {
  var status: HTTPResponse.Status
  var error: APIError

  init(_ status: HTTPResponse.Status, _ code: String, _ message: ServerMessage) {
    self.status = status
    self.error = APIError(
      code: code, message: message.text(in: .vietnamese), messageEnglish: message.text(in: .english))
  }
}
