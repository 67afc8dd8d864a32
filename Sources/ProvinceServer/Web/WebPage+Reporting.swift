import Foundation

extension WebPage {
  /// The reporting rate: every commune of the province, whether it sent, when it last did, the
  /// officials trained of its roster; the same for every leader of the province (kept between
  /// changes of its data), put in the leader's frame by ``reporting(body:province:session:)``.
  func reportingBody(_ rate: ReportingRate) -> String {
    let trained = rate.communes.map(\.trained).reduce(0, +)
    let roster = rate.communes.map(\.roster).reduce(0, +)
    var body =
      "<p class=\"lead\" id=\"reporting-summary\">"
      + say(
        .reportingSummary(
          sent: rate.sent, communes: rate.communes.count, never: rate.never, trained: trained, roster: roster)
      )
      + "</p>\n"
    body += "<table id=\"reporting\"><tr><th>\(say(.communeColumn))</th><th>\(say(.statusColumn))</th>"
    body +=
      "<th>\(say(.lastSyncColumn))</th><th>\(say(.trainedColumn))</th><th>\(say(.machinesColumn))</th></tr>\n"
    for commune in rate.communes {
      let band = commune.batches > 0 ? "b2" : commune.machines > 0 ? "b3" : "na"
      body += "<tr data-commune=\"\(html(commune.code))\"><td class=\"name\">\(html(commune.name))"
      body += "<span class=\"cov\">\(html(commune.code))</span></td>"
      body += "<td class=\"\(band)\">\(say(commune.status))</td>"
      body += "<td>\(commune.lastSync.map { html(Self.moment($0)) } ?? say(.never))</td>"
      body += "<td>\(commune.trained)/\(commune.roster)</td><td>\(commune.machines)</td></tr>\n"
    }
    return body + "</table>"
  }

  /// The reporting page of the leader of `session`.
  func reporting(body: String, province: String, session: WebSession) -> String {
    document(
      title: WebMessage.reportingHeading(province).text(in: language), session: session,
      current: "/leaders/reporting", body: body)
  }
}
