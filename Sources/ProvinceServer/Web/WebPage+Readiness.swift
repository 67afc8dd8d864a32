import Foundation
import Reporting

extension WebPage {
  /// What the readiness page is asked to show.
  struct ReadinessView: Sendable, Hashable {
    /// Only approved classes' results.
    var approvedOnly = false
    /// The commune whose profile is shown alone (nil, or a code not in the report: every one).
    var commune: String?

    /// The page's address with `approved` (and the commune) as given.
    func path(approvedOnly: Bool) -> String {
      var query: [String] = approvedOnly ? ["approved=1"] : []
      if let commune, commune.allSatisfy(\.isASCII), commune.allSatisfy(\.isNumber) {
        query.append("commune=\(commune)")
      }
      return "/leaders/readiness" + (query.isEmpty ? "" : "?" + query.joined(separator: "&"))
    }
  }

  /// The readiness page's parts that are the same for every leader of the province: drawn once
  /// per report (``WebReadiness`` keeps them), then put in each leader's frame.
  struct ReadinessSections: Sendable {
    /// The report's figures (a chosen commune's profile is drawn from them).
    var data: DashboardData
    /// From the data period to the heat map.
    var body: String
    /// The commune chooser and the profiles shown when no commune is chosen.
    var profiles: String
  }

  /// Readiness as the dashboard of `report readiness --html` shows it, drawn by Reporting's
  /// renderer from the figures PostgreSQL computed: the province summary first, then the heat
  /// map with its legend, then the communes' profiles against the province average. Printed,
  /// only the summary: one page.
  func readinessSections(_ data: DashboardData, approvedOnly: Bool) -> ReadinessSections {
    let renderer = DashboardRenderer()
    var body = "<p class=\"meta\">\(html(data.labels.generated)): \(html(data.generated))</p>\n"
    if !data.labels.dataPeriod.isEmpty {
      body += "<p class=\"meta period\" id=\"data-period\">\(html(data.labels.dataPeriod))</p>\n"
    }
    body += "<p class=\"meta\" id=\"legend\">\(renderer.legend(data))</p>\n"
    body += "<p class=\"meta\">\(html(data.labels.legend))</p>\n"
    if let summary = data.province {
      body += section("summary", data.labels.summary, renderer.summary(summary, data))
    }
    body += section("priorities", data.labels.priorities, renderer.priorities(data))
    body += section("heat-map", data.labels.heatMap, renderer.heatMap(data), screenOnly: true)
    let view = ReadinessView(approvedOnly: approvedOnly, commune: nil)
    return ReadinessSections(
      data: data, body: body,
      profiles: section("profiles", data.labels.profiles, profiles(data, view: view), screenOnly: true))
  }

  /// The readiness page of `view` for the leader of `session`: the kept sections (a chosen
  /// commune's profile drawn now) after the switch between all and approved results.
  func readiness(
    _ sections: ReadinessSections, province: String, view: ReadinessView, session: WebSession
  ) -> String {
    var body = "<p class=\"choice\" id=\"readiness-switch\">"
    for (approved, label) in [(false, WebMessage.allResults), (true, .approvedOnly)] {
      let current = approved == view.approvedOnly ? " aria-current=\"page\"" : ""
      body += "<a href=\"\(html(view.path(approvedOnly: approved)))\"\(current)>\(say(label))</a>"
    }
    body += "</p>\n<p class=\"meta\" id=\"readiness-scope\">"
    body += say(view.approvedOnly ? .showingApprovedOnly : .showingAll) + "</p>\n"
    body += sections.body
    if let commune = view.commune, sections.data.communes.contains(where: { $0.code == commune }) {
      let data = sections.data
      body += section("profiles", data.labels.profiles, profiles(data, view: view), screenOnly: true)
    } else {
      body += sections.profiles
    }
    return document(
      title: WebMessage.readinessHeading(province).text(in: language), session: session,
      current: "/leaders/readiness", body: body)
  }

  private func section(_ id: String, _ title: String, _ content: String, screenOnly: Bool = false) -> String {
    "<section id=\"\(id)\"\(screenOnly ? " class=\"screen\"" : "")><h2>\(html(title))</h2>\n\(content)\n</section>\n"
  }

  /// The most profiles drawn at once when no commune is chosen.
  static let profilesAtOnce = 12

  /// The chooser of a commune, then the profiles: the chosen commune's, or every one with data
  /// (the weakest ``profilesAtOnce`` of a larger province).
  private func profiles(_ data: DashboardData, view: ReadinessView) -> String {
    let drawn = data.communes.filter { $0.scores.values.contains { $0 != nil } }
    let chosen = drawn.first { $0.code == view.commune }
    var form = "<form method=\"get\" action=\"/leaders/readiness#profiles\" class=\"choose\">"
    if view.approvedOnly { form += "<input type=\"hidden\" name=\"approved\" value=\"1\">" }
    form += "<label for=\"commune\">\(say(.profileOf))</label> <select id=\"commune\" name=\"commune\">"
    form += "<option value=\"\">\(say(.everyCommune))</option>"
    for commune in drawn.sorted(by: { $0.code < $1.code }) {
      let selected = commune.code == chosen?.code ? " selected" : ""
      form +=
        "<option value=\"\(html(commune.code))\"\(selected)>\(html(commune.name)) (\(html(commune.code)))</option>"
    }
    form += "</select> <button type=\"submit\" id=\"show-profile\">\(say(.showProfile))</button></form>\n"
    var shown = data
    var note = ""
    if let chosen {
      shown.communes = [chosen]
    } else if drawn.count > Self.profilesAtOnce {
      // Weakest first, as the heat map orders them.
      shown.communes = Array(drawn.prefix(Self.profilesAtOnce))
      note = "<p class=\"meta\">\(say(.profilesWeakest(shown: Self.profilesAtOnce, of: drawn.count)))</p>\n"
    }
    return form + note + DashboardRenderer().profiles(shown)
  }
}
