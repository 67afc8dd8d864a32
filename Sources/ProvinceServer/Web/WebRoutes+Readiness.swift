import Foundation
import Hummingbird
import Reporting
import ResultsAnalysis

extension WebRoutes {
  /// The readiness of the leader's province, computed in PostgreSQL: the summary, the heat map
  /// and the profiles. `?approved=1` counts only approved classes' results; `?commune=CODE`
  /// shows that commune's profile alone.
  func readinessPage(_ request: Request) async throws -> Response {
    guard let session = try await session(of: request) else { return Self.redirect("/leaders/sign-in") }
    let view = WebPage.ReadinessView(
      approvedOnly: request.uri.queryParameters.get("approved") == "1",
      commune: request.uri.queryParameters.get("commune").map { String($0) })
    let sections: WebPage.ReadinessSections
    do {
      sections = try await readinessReports.sections(
        province: session.leader.province, approvedOnly: view.approvedOnly,
        version: try await dataVersion(session), page: page)
    } catch let message as ReportMessage {
      logger.error("readiness failed", metadata: ["reason": "\(message.text(in: .english))"])
      throw WebRefusal(.serviceUnavailable, .readinessUnavailable)
    }
    return Self.respond(
      page.readiness(sections, province: provinceName(session), view: view, session: session))
  }
}
