import Foundation
import Hummingbird
import Localization
import Logging
import NIOCore
import Units

/// The leaders' pages under `/leaders/`: signing in and out, the reporting rate, readiness and
/// the approval of classes. A page needs a live session (else it sends the browser to the
/// sign-in form); a form needs the session and its CSRF token (else it is refused with the
/// reason, and nothing changes).
struct WebRoutes: Sendable {
  let repository: ProvinceRepository
  let units: UnitHierarchy?
  /// Under TLS: cookies are `Secure` and `__Host-` names.
  let secureCookies: Bool
  let logger: Logger
  /// The readiness page's reports.
  let readinessReports: WebReadiness
  var page = WebPage()
  /// The reporting rate's table by province, kept while the province's data stay the same.
  let reportingBodies = KeptByVersion<String, String>()
  /// The versions of the provinces' data, asked for by the pages.
  let versions = VersionChecks()

  /// The largest form accepted.
  static let formLimit = 16_384

  var sessionCookie: String { secureCookies ? "__Host-papi_session" : "papi_session" }
  var signInCookie: String { secureCookies ? "__Host-papi_sign_in" : "papi_sign_in" }

  func add(to router: Router<BasicRequestContext>) {
    router.get("leaders") { _, _ in Self.redirect("/leaders/reporting") }
    router.get("leaders/sign-in") { request, _ in
      await guarded(back: "/leaders") { try await signInForm(request) }
    }
    router.post("leaders/sign-in") { request, _ in
      await guarded(back: "/leaders/sign-in") { try await signIn(request) }
    }
    router.post("leaders/sign-out") { request, _ in
      await guarded(back: "/leaders") { try await signOut(request) }
    }
    router.get("leaders/reporting") { request, _ in
      await guarded(back: "/leaders") { try await reporting(request) }
    }
    router.get("leaders/readiness") { request, _ in
      await guarded(back: "/leaders") { try await readinessPage(request) }
    }
    router.get("leaders/classes") { request, _ in
      await guarded(back: "/leaders") { try await classes(request) }
    }
    router.post("leaders/classes/:id/review") { request, context in
      await guarded(back: "/leaders/classes") {
        try await review(request, id: context.parameters.get("id").flatMap(UUID.init(uuidString:)))
      }
    }
  }

  // MARK: - Signing in and out

  func signInForm(_ request: Request) async throws -> Response {
    if try await session(of: request) != nil { return Self.redirect("/leaders/reporting") }
    let notice: WebMessage? = request.uri.queryParameters.get("signed-out") != nil ? .signedOut : nil
    return signInPage(problem: nil, notice: notice, status: .ok)
  }

  /// A fresh sign-in form with its token in a cookie too (the form is refused unless both match).
  func signInPage(problem: WebMessage?, notice: WebMessage?, status: HTTPResponse.Status) -> Response {
    let token = WebToken.random()
    var response = Self.respond(
      page.signIn(formToken: token, problem: problem, notice: notice), status: status)
    response.setCookie(cookie(signInCookie, token, maxAge: 3_600))
    return response
  }

  func signIn(_ request: Request) async throws -> Response {
    let form = try await Self.form(request)
    guard let token = form["csrf"], let expected = request.cookies[signInCookie]?.value,
      WebToken.same(token, expected)
    else { throw WebRefusal(.forbidden, .forgedForm) }
    guard let name = form["name"], let passphrase = form["passphrase"], passphrase.count <= 1_000 else {
      throw WebRefusal(.badRequest, .malformedForm)
    }
    let leader: Leader
    switch try await repository.signIn(name: name, passphrase: passphrase) {
    case .leader(let found): leader = found
    case .wrong:
      logger.notice("sign-in refused", metadata: ["leader": "\(name.prefix(100))"])
      return signInPage(problem: .wrongSignIn, notice: nil, status: .unauthorized)
    case .locked(let minutes):
      logger.notice("sign-in locked", metadata: ["leader": "\(name.prefix(100))"])
      return signInPage(problem: .signInLocked(minutes), notice: nil, status: .tooManyRequests)
    }
    let (sessionToken, _) = try await repository.openSession(for: leader)
    logger.info("signed in", metadata: ["leader": "\(leader.name)", "province": "\(leader.province)"])
    var response = Self.redirect("/leaders/reporting")
    response.setCookie(
      cookie(sessionCookie, sessionToken, maxAge: ProvinceRepository.sessionHours * 3_600))
    response.setCookie(cookie(signInCookie, "", maxAge: 0))
    return response
  }

  func signOut(_ request: Request) async throws -> Response {
    let (_, _, token) = try await checkedForm(request)
    try await repository.closeSession(token: token)
    var response = Self.redirect("/leaders/sign-in?signed-out")
    response.setCookie(cookie(sessionCookie, "", maxAge: 0))
    return response
  }

  // MARK: - Pages

  func reporting(_ request: Request) async throws -> Response {
    guard let session = try await session(of: request) else { return Self.redirect("/leaders/sign-in") }
    let province = session.leader.province
    let body = try await reportingBodies.value(
      for: province.rawValue, version: try await dataVersion(session)
    ) {
      page.reportingBody(try await repository.reportingRate(of: province, units: units))
    }
    return Self.respond(page.reporting(body: body, province: provinceName(session), session: session))
  }

  func classes(_ request: Request) async throws -> Response {
    guard let session = try await session(of: request) else { return Self.redirect("/leaders/sign-in") }
    let classes = try await repository.classesForReview(in: session.leader.province, units: units)
    return Self.respond(
      page.classes(
        classes, province: provinceName(session), session: session, notice: notice(request, classes)))
  }

  /// What the last decision did, when the class it names has that decision now.
  func notice(_ request: Request, _ classes: [ClassUnderReview]) -> String? {
    for decision in ClassReview.Decision.allCases {
      guard let code = request.uri.queryParameters.get(decision.rawValue),
        classes.contains(where: { $0.code == code && $0.review?.decision == decision })
      else { continue }
      let message: WebMessage = decision == .approved ? .classApproved(code) : .classReturned(code)
      return message.text(in: page.language)
    }
    return nil
  }

  func review(_ request: Request, id: UUID?) async throws -> Response {
    let (form, session, _) = try await checkedForm(request)
    guard let id else { throw WebRefusal(.notFound, .unknownClass) }
    guard let decision = form["decision"].flatMap(ClassReview.Decision.init(rawValue:)) else {
      throw WebRefusal(.badRequest, .malformedForm)
    }
    let note = (form["note"] ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
      .precomposedStringWithCanonicalMapping
    guard note.count <= ClassReview.noteLimit else {
      throw WebRefusal(.contentTooLarge, .noteTooLong(ClassReview.noteLimit))
    }
    if decision == .returned, note.isEmpty { throw WebRefusal(.unprocessableContent, .noteRequired) }
    switch try await repository.review(classID: id, decision: decision, note: note, by: session.leader) {
    case .stored(let code):
      logger.info(
        "class reviewed",
        metadata: ["class": "\(id)", "decision": "\(decision.rawValue)", "leader": "\(session.leader.name)"])
      let query = code.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? ""
      return Self.redirect("/leaders/classes?\(decision.rawValue)=\(query)")
    case .otherProvince: throw WebRefusal(.forbidden, .otherProvince)
    case .unknownClass: throw WebRefusal(.notFound, .unknownClass)
    }
  }

  /// The version of the data of the leader's province.
  func dataVersion(_ session: WebSession) async throws -> DataVersion {
    try await versions.current(of: session.leader.province, client: repository.client, logger: logger)
  }

  func provinceName(_ session: WebSession) -> String {
    session.provinceName ?? session.leader.province.rawValue
  }
}

/// A form or page refused: the status and the reason shown.
struct WebRefusal: Error {
  var status: HTTPResponse.Status
  var reason: WebMessage

  init(_ status: HTTPResponse.Status, _ reason: WebMessage) {
    self.status = status
    self.reason = reason
  }
}
