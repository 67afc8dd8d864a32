import Foundation
import Localization

extension ExportError: MessageCatalogue {
  /// One of every case, for the test that renders every message in both languages.
  public static let samples: [ExportError] = [
    .badClassID("lop-1"), .unknownClass("0C1A55E5-0000-0000-0000-000000000000", folder: "Results"),
    .unknownCommune("03637", folder: "Results"),
    .communeNotInClass(commune: "03637", classID: "0C1A55E5-0000-0000-0000-000000000000"),
    .badDate("15/10/2026"), .emptyPeriod(from: "2026-10-02", to: "2026-10-01"),
    .unknownQuiz("q", known: ["oss-pretest"]), .emptySelection(ExportSelection(from: "2026-10-01")),
  ]
}
