import Foundation
import Logging
import PostgresNIO
import Reporting
import ResultsAnalysis
import Units

/// The readiness the leaders' page shows: ``ProvinceReadiness``'s report of the leader's province
/// (every result, or only approved classes'), with the province's PAPI scores for priorities
/// when the server has them, drawn once into the page's sections.
///
/// A report and its sections are worked out again only when what they rest on has changed (the
/// province's ``DataVersion``, checked by one small query at every request), or when they are
/// older than ``longest`` (recency weights move with the clock). So a request costs the session
/// check, the version check and putting the kept sections in the leader's frame; leaders asking
/// while a report is worked out wait for the same computation rather than starting one each.
struct WebReadiness: Sendable {
  let readiness: ProvinceReadiness
  /// The folder of `CODE.csv` PAPI scores, if any.
  let provinceScores: String?
  let kept = KeptByVersion<Key, WebPage.ReadinessSections>(longest: WebReadiness.longest)

  struct Key: Hashable, Sendable {
    var province: String
    var approvedOnly: Bool
  }

  /// How long a report is kept when nothing new arrives.
  static let longest: Duration = .seconds(300)

  /// The page's sections for `province` whose data are at `version`, kept or worked out again
  /// and drawn by `page`.
  func sections(province: UnitCode, approvedOnly: Bool, version: DataVersion, page: WebPage) async throws
    -> WebPage.ReadinessSections
  {
    let key = Key(province: province.rawValue, approvedOnly: approvedOnly)
    return try await kept.value(for: key, version: version) {
      let data = try await readiness.report(
        province: province, approvedOnly: approvedOnly, options: options(province)
      ).data()
      return page.readinessSections(data, approvedOnly: approvedOnly)
    }
  }

  func options(_ province: UnitCode) -> ProvinceReadiness.Options {
    var request = ReadinessRequest()
    if let folder = provinceScores {
      let path = URL(fileURLWithPath: folder).appendingPathComponent("\(province.rawValue).csv").path
      if FileManager.default.fileExists(atPath: path) { request.provinceScores = path }
    }
    return ProvinceReadiness.Options(request: request)
  }
}
