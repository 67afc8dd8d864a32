import Foundation
import Hummingbird
import NIOCore

extension WebRoutes {
  /// The session the request's cookie opens, if it is live, with its province's name.
  func session(of request: Request) async throws -> WebSession? {
    guard let token = request.cookies[sessionCookie]?.value, !token.isEmpty,
      var session = try await repository.session(token: token)
    else { return nil }
    session.provinceName = units?.unit(session.leader.province)?.name
    return session
  }

  /// A form posted by a signed-in leader with their session's CSRF token: the fields, the
  /// session and the cookie's token. Refused (nothing changes): too large (413), malformed (400),
  /// no session (401), a token that is not the session's (403).
  func checkedForm(_ request: Request) async throws -> (
    form: [String: String], session: WebSession, token: String
  ) {
    let form = try await Self.form(request)
    guard let token = request.cookies[sessionCookie]?.value, !token.isEmpty,
      let session = try await repository.session(token: token)
    else { throw WebRefusal(.unauthorized, .noSession) }
    guard let csrf = form["csrf"], WebToken.same(csrf, session.csrfToken) else {
      throw WebRefusal(.forbidden, .forgedForm)
    }
    return (form, session, token)
  }

  /// The fields of an `application/x-www-form-urlencoded` body of at most ``formLimit`` bytes;
  /// a field given twice, or text that does not decode, is a malformed form.
  static func form(_ request: Request) async throws -> [String: String] {
    let body: ByteBuffer
    do { body = try await request.body.collect(upTo: formLimit) } catch {
      throw WebRefusal(.contentTooLarge, .formTooLarge(formLimit))
    }
    guard let fields = parseForm(String(decoding: body.readableBytesView, as: UTF8.self)) else {
      throw WebRefusal(.badRequest, .malformedForm)
    }
    return fields
  }

  /// `a=1&b=x+y` as fields; nil when a name repeats, a part does not percent-decode (or is not
  /// UTF-8), or holds a NUL.
  static func parseForm(_ text: String) -> [String: String]? {
    var fields: [String: String] = [:]
    for part in text.split(separator: "&", omittingEmptySubsequences: true) {
      let pair = part.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
      let decode = { (text: Substring) in
        text.replacingOccurrences(of: "+", with: " ").removingPercentEncoding
      }
      // PostgreSQL's text holds no NUL: a field with one is malformed, never a database error.
      guard let name = decode(pair[0]), let value = decode(pair.count > 1 ? pair[1] : ""),
        fields[name] == nil, !name.contains("\0"), !value.contains("\0")
      else { return nil }
      fields[name] = value
    }
    return fields
  }

  /// A cookie only this server's pages send back: HttpOnly, SameSite=Strict, Path=/, and
  /// Secure under TLS.
  func cookie(_ name: String, _ value: String, maxAge: Int) -> Cookie {
    Cookie(
      name: name, value: value, maxAge: maxAge, path: "/", secure: secureCookies, httpOnly: true,
      sameSite: .strict)
  }

  /// Runs a handler; a refusal becomes its page, the database being away a 503 page.
  func guarded(back: String, _ handler: () async throws -> Response) async -> Response {
    do { return try await handler() } catch let refusal as WebRefusal {
      logger.notice("web form refused", metadata: ["reason": "\(refusal.reason)"])
      return Self.respond(page.refusal(refusal.reason, back: back, session: nil), status: refusal.status)
    } catch {
      logger.error("web request failed", metadata: ["error": "\(String(reflecting: error))"])
      return Self.respond(page.refusal(.unavailable, back: back, session: nil), status: .serviceUnavailable)
    }
  }

  /// What every page's response says besides its body: no script, no framing, no caching, no
  /// referrer, forms only to this server.
  static let pageHeaders: HTTPFields = {
    var fields = HTTPFields()
    fields[.contentType] = "text/html; charset=utf-8"
    fields[.cacheControl] = "no-store"
    let others = [
      (
        "Content-Security-Policy",
        "default-src 'none'; style-src 'unsafe-inline'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'"
      ),
      ("X-Content-Type-Options", "nosniff"), ("X-Frame-Options", "DENY"), ("Referrer-Policy", "same-origin"),
    ]
    for (name, value) in others {
      if let name = HTTPFields.Element.Name(name) { fields[name] = value }
    }
    return fields
  }()

  static func respond(_ html: String, status: HTTPResponse.Status = .ok) -> Response {
    Response(status: status, headers: pageHeaders, body: ResponseBody(byteBuffer: ByteBuffer(string: html)))
  }

  /// 303 See Other to `path` (after a form: the browser then GETs the page).
  static func redirect(_ path: String) -> Response {
    var headers = pageHeaders
    headers[.location] = path
    return Response(status: .seeOther, headers: headers)
  }
}
