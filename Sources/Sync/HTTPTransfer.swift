import CCurl
import Foundation
import Synchronization

/// One HTTP request over libcurl's easy interface. The transfer runs on a thread of its own,
/// never on Swift's cooperative pool, and waits for the server in `poll`, so a client waiting
/// for a busy server uses no CPU (URLSession on Linux spun while it waited). Cancelling the
/// task stops the transfer within about a second: curl's transfer-info callback polls a flag.
struct HTTPTransfer: Sendable {
  var url: String
  var method: String
  /// Header lines, `Name: value`.
  var headers: [String]
  var body: Data
  /// Seconds to connect (TCP and TLS), and for the whole transfer.
  var connectTimeout = 20
  var totalTimeout = 300
  /// The transfer gives up when fewer than 1 byte a second moved for this many seconds.
  var idleTimeout = 60
  /// Where the server's certificate authorities are, when not the system's: `CURL_CA_BUNDLE` or
  /// `SSL_CERT_FILE` as curl reads them, or the variable URLSession on Linux read.
  var certificateAuthorities: String? = HTTPTransfer.certificateAuthorities(
    ProcessInfo.processInfo.environment)

  /// The largest answer kept (a course package is the largest the server sends).
  static let maximumResponse = 256 << 20

  /// A response, whatever its status.
  struct Response: Sendable {
    var status: Int
    var body: Data
  }

  /// Why no response came: curl's error code and its words.
  struct Failure: Error, Sendable {
    var code: Int
    var reason: String
  }

  static func certificateAuthorities(_ environment: [String: String]) -> String? {
    ["CURL_CA_BUNDLE", "SSL_CERT_FILE", "URLSessionCertificateAuthorityInfoFile"].lazy
      .compactMap { environment[$0] }.first { !$0.isEmpty }
  }

  /// Performs the request on a new thread; throws `CancellationError` when the task is cancelled
  /// and `Failure` when no response came.
  func perform() async throws -> Response {
    let cancelled = CancelFlag()
    let request = self
    return try await withTaskCancellationHandler {
      try await withCheckedThrowingContinuation { (continuation: CheckedContinuation<Response, Error>) in
        let thread = Thread {
          continuation.resume(with: Result { try request.performHere(cancelled: cancelled) })
        }
        thread.name = "papi-train sync"
        thread.start()
      }
    } onCancel: {
      cancelled.set()
    }
  }
}

/// Set when the task that waits for a transfer is cancelled; read by curl's callback.
final class CancelFlag: Sendable {
  private let flag = Atomic<Bool>(false)
  func set() { flag.store(true, ordering: .releasing) }
  var isSet: Bool { flag.load(ordering: .acquiring) }
}

// MARK: - On the transfer's thread

extension HTTPTransfer {
  /// What the callbacks fill while curl runs: only touched on the transfer's thread.
  private final class Received {
    var body = Data()
    var tooLarge = false
    let cancelled: CancelFlag
    init(cancelled: CancelFlag) { self.cancelled = cancelled }
  }

  private func performHere(cancelled: CancelFlag) throws -> Response {
    guard ccurl_global_init() == CURLE_OK, let handle = curl_easy_init() else {
      throw Failure(code: -1, reason: "libcurl could not start")
    }
    defer { curl_easy_cleanup(handle) }
    var list: UnsafeMutablePointer<curl_slist>?
    for line in headers + ["Expect:"] { list = curl_slist_append(list, line) }
    defer { curl_slist_free_all(list) }
    let errorText = UnsafeMutablePointer<CChar>.allocate(capacity: Int(CURL_ERROR_SIZE))
    errorText.initialize(repeating: 0, count: Int(CURL_ERROR_SIZE))
    defer { errorText.deallocate() }
    let received = Received(cancelled: cancelled)
    let code = try withExtendedLifetime(received) {
      try body.withUnsafeBytes { bytes in
        try configure(handle, headers: list, errorText: errorText, body: bytes, received: received)
        return curl_easy_perform(handle)
      }
    }
    if code == CURLE_ABORTED_BY_CALLBACK || cancelled.isSet { throw CancellationError() }
    guard code == CURLE_OK else {
      let words = String(cString: errorText)
      throw Failure(
        code: Int(code.rawValue),
        reason: received.tooLarge
          ? "response larger than \(Self.maximumResponse) bytes"
          : words.isEmpty ? String(cString: curl_easy_strerror(code)) : words)
    }
    return Response(status: ccurl_response_code(handle), body: received.body)
  }

  private func configure(
    _ handle: UnsafeMutableRawPointer, headers list: UnsafeMutablePointer<curl_slist>?,
    errorText: UnsafeMutablePointer<CChar>, body: UnsafeRawBufferPointer, received: Received
  ) throws {
    let context = Unmanaged.passUnretained(received).toOpaque()
    var results = [
      ccurl_set_string(handle, CURLOPT_URL, url),
      ccurl_set_long(handle, CURLOPT_NOSIGNAL, 1),
      ccurl_set_long(handle, CURLOPT_CONNECTTIMEOUT, connectTimeout),
      ccurl_set_long(handle, CURLOPT_TIMEOUT, totalTimeout),
      ccurl_set_long(handle, CURLOPT_LOW_SPEED_LIMIT, 1),
      ccurl_set_long(handle, CURLOPT_LOW_SPEED_TIME, idleTimeout),
      ccurl_set_long(handle, CURLOPT_SSL_VERIFYPEER, 1),
      ccurl_set_long(handle, CURLOPT_SSL_VERIFYHOST, 2),
      ccurl_set_string(handle, CURLOPT_PROTOCOLS_STR, "http,https"),
      ccurl_set_long(handle, CURLOPT_FOLLOWLOCATION, 0),
      ccurl_set_pointer(handle, CURLOPT_ERRORBUFFER, errorText),
      ccurl_set_headers(handle, list),
      ccurl_set_write_function(handle, Self.write),
      ccurl_set_pointer(handle, CURLOPT_WRITEDATA, context),
      ccurl_set_long(handle, CURLOPT_NOPROGRESS, 0),
      ccurl_set_transfer_info_function(handle, Self.transferInfo),
      ccurl_set_pointer(handle, CURLOPT_XFERINFODATA, context),
    ]
    if let certificateAuthorities {
      results.append(ccurl_set_string(handle, CURLOPT_CAINFO, certificateAuthorities))
    }
    results += method == "GET" ? [ccurl_set_long(handle, CURLOPT_HTTPGET, 1)] : upload(handle, body: body)
    if let failed = results.first(where: { $0 != CURLE_OK }) {
      throw Failure(code: Int(failed.rawValue), reason: String(cString: curl_easy_strerror(failed)))
    }
  }

  /// The body sent with a POST (or another method with a body): curl reads it in place, so it
  /// stays alive for the whole transfer; an empty one is copied, never left for curl to read
  /// from standard input.
  private func upload(_ handle: UnsafeMutableRawPointer, body: UnsafeRawBufferPointer) -> [CURLcode] {
    var results = [
      ccurl_set_long(handle, CURLOPT_POST, 1),
      ccurl_set_offset(handle, CURLOPT_POSTFIELDSIZE_LARGE, curl_off_t(body.count)),
    ]
    if let start = body.baseAddress, !body.isEmpty {
      results.append(ccurl_set_pointer(handle, CURLOPT_POSTFIELDS, UnsafeMutableRawPointer(mutating: start)))
    } else {
      results.append(ccurl_set_string(handle, CURLOPT_COPYPOSTFIELDS, ""))
    }
    if method != "POST" { results.append(ccurl_set_string(handle, CURLOPT_CUSTOMREQUEST, method)) }
    return results
  }

  /// curl's write callback: keeps the body, refuses more than `maximumResponse`.
  private static let write: curl_write_callback = { data, size, count, context in
    guard let context else { return 0 }
    let received = Unmanaged<Received>.fromOpaque(context).takeUnretainedValue()
    let length = size * count
    guard let data, length > 0 else { return length }
    guard received.body.count + length <= HTTPTransfer.maximumResponse else {
      received.tooLarge = true
      return 0
    }
    received.body.append(UnsafeRawPointer(data).assumingMemoryBound(to: UInt8.self), count: length)
    return length
  }

  /// curl's transfer-info callback (at least once a second, even while nothing moves): a non-zero
  /// answer aborts the transfer.
  private static let transferInfo: curl_xferinfo_callback = { context, _, _, _, _ in
    guard let context else { return 0 }
    return Unmanaged<Received>.fromOpaque(context).takeUnretainedValue().cancelled.isSet ? 1 : 0
  }
}
