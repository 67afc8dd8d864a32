import Foundation
import PapiTrainTesting
import Testing

@testable import Gradebook

/// The positions of Courses/positions.yaml, as the command line passes them to the roster.
let shippedPositions: [PositionName] = [
  PositionName(
    id: "chairman", names: ["Chủ tịch Ủy ban nhân dân xã", "Chairman of the commune People's Committee"]),
  PositionName(
    id: "vice-chairman",
    names: ["Phó Chủ tịch Ủy ban nhân dân xã", "Vice-chairman of the commune People's Committee"]),
  PositionName(
    id: "office-statistics", names: ["Công chức Văn phòng - Thống kê", "Office and statistics officer"]),
  PositionName(
    id: "justice-civil-status", names: ["Công chức Tư pháp - Hộ tịch", "Justice and civil status officer"]),
  PositionName(
    id: "land-construction-environment",
    names: [
      "Công chức Địa chính - Xây dựng - Môi trường",
      "Land administration, construction and environment officer",
    ]),
  PositionName(
    id: "finance-accounting", names: ["Công chức Tài chính - Kế toán", "Finance and accounting officer"]),
  PositionName(id: "culture-society", names: ["Công chức Văn hóa - Xã hội", "Culture and society officer"]),
  PositionName(
    id: "one-stop-staff",
    names: [
      "Công chức bộ phận Một cửa / Trung tâm Phục vụ hành chính công",
      "One-stop desk / public administration service centre staff",
    ]),
]

@Suite struct RosterTests {
  let matcher = PositionMatcher(positions: shippedPositions)

  @Test func positionsAreMatchedTheWayCommuneOfficesWriteThem() {
    let cases: [(String, String)] = [
      ("Chủ tịch UBND xã", "chairman"),
      ("CHỦ TỊCH", "chairman"),
      ("Chu tich Uy ban nhan dan xa", "chairman"),
      ("PCT UBND", "vice-chairman"),
      ("Phó Chủ tịch Ủy ban nhân dân phường", "vice-chairman"),
      ("Công chức Văn phòng - Thống kê", "office-statistics"),
      ("VP-TK", "office-statistics"),
      ("TP-HT", "justice-civil-status"),
      ("Tư pháp", "justice-civil-status"),
      ("Địa chính - Xây dựng", "land-construction-environment"),
      ("ĐC-XD-MT", "land-construction-environment"),
      ("Kế toán", "finance-accounting"),
      ("Văn hoá - Xã hội", "culture-society"),
      ("Bộ phận Một cửa", "one-stop-staff"),
      ("one-stop-staff", "one-stop-staff"),
      ("Finance and accounting officer", "finance-accounting"),
    ]
    for (text, id) in cases {
      #expect(matcher.match(text) == .position(id), "\(text)")
    }
    for text in ["Chỉ huy trưởng Quân sự", "Chủ tịch Hội Nông dân", "Công chức", "Phó", "Bí thư Đảng ủy", ""]
    {
      #expect(matcher.match(text) == .none, "\(text)")
    }
    let twoOfAKind = PositionMatcher(positions: [
      PositionName(id: "land-a", names: ["Địa chính - Nông nghiệp"]),
      PositionName(id: "land-b", names: ["Địa chính - Xây dựng"]),
    ])
    #expect(twoOfAKind.match("Công chức Địa chính") == .ambiguous(["land-a", "land-b"]))
    #expect(twoOfAKind.match("Địa chính - Xây dựng xã") == .position("land-b"))
    #expect(twoOfAKind.match("Địa") == .none)  // one syllable: too little to go on
  }

  @Test func aCommuneOfficeListImportsAndReportsWhatItCouldNotMap() throws {
    let folder = try TemporaryFolder()
    let store = try folder.results.store(for: Commune.muongKim)
    let rows = try RosterFile.rows(from: try Fixture.data("roster-muong-kim.csv"), path: "roster.csv")
    #expect(rows.first?.line == 5)
    #expect(rows.count == 12)

    let report = try store.importRoster(rows, positions: matcher)
    #expect(
      report.added.map(\.name) == [
        "Lò Văn Thắng", "Hoàng Thị Mai", "Tòng Văn Hùng", "Lường Thị Hoa", "Quàng Văn Dũng", "Lò Thị Lan",
        "Điêu Chính Tươi", "Tao Văn Khánh",
      ])
    #expect(
      report.added.map(\.position) == [
        "chairman", "vice-chairman", "office-statistics", "justice-civil-status",
        "land-construction-environment",
        "finance-accounting", "culture-society", "one-stop-staff",
      ])
    #expect(report.added.allSatisfy { $0.name.isNFC })  // "Hoàng Thị Mai" came decomposed
    #expect(report.alreadyPresent.map(\.line) == [16])  // Lò Văn Thắng listed twice
    #expect(report.skipped.map(\.row.line) == [9, 10, 15])
    #expect(
      report.skipped.map(\.problem) == [
        .unknownPosition("Chỉ huy trưởng Quân sự"), .emptyName, .emptyPosition,
      ])

    let again = try store.importRoster(rows, positions: matcher)
    #expect(again.added.isEmpty)
    #expect(again.alreadyPresent.count == 9)
    #expect(try store.officials().count == 8)
  }

  @Test func aFileWithoutANameColumnIsRefusedWithTheColumnsExpected() throws {
    #expect(
      throws: GradebookError.units(
        .invalidFile(
          path: "x.csv", line: 1, problem: .noHeader(expected: ["Họ và tên", "Chức vụ / Chức danh"])))
    ) { try RosterFile.rows(from: Data("Tên tiếng Anh,Ngày sinh\n".utf8), path: "x.csv") }
    let plain = Data("Họ tên;Chức danh\nLò Văn Thắng;Chủ tịch\n".utf8)
    #expect(
      try RosterFile.rows(from: plain, path: "p.csv") == [
        RosterRow(line: 2, name: "Lò Văn Thắng", position: "Chủ tịch")
      ])
  }
}
