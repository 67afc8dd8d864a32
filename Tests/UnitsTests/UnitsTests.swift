import Foundation
import Localization
import Testing

@testable import Units

@Suite struct UnitsTests {
  @Test func theShippedSampleIsLaiChauAfterTheTwoTierArrangement() throws {
    let path = Fixture.repositoryRoot.appendingPathComponent(UnitHierarchy.defaultPath).path
    let units = try UnitHierarchy.load(path: path)
    #expect(units.provinces.map(\.name) == ["Tỉnh Lai Châu"])
    #expect(units.communes.count == 38)
    #expect(units.communes.filter { $0.kind == "Phường" }.count == 2)
    #expect(!units.hasDistricts)
    let muongKim = try #require(units.unit(Commune.muongKim.unitCode))
    #expect(muongKim.name == "Xã Mường Kim")
    #expect(units.ancestors(of: Commune.muongKim.unitCode).map(\.code.rawValue) == ["12"])
    #expect(units.fullName(of: Commune.muongKim.unitCode) == "Xã Mường Kim, Tỉnh Lai Châu")
    #expect(units.units.allSatisfy { $0.name.isNFC })
    // The file is what the loader writes back: no drift between format and data.
    #expect(
      units.csvText() == String(decoding: try Data(contentsOf: URL(fileURLWithPath: path)), as: UTF8.self))
  }

  @Test func searchIgnoresDiacriticsCaseAndTheKindOfUnit() throws {
    let path = Fixture.repositoryRoot.appendingPathComponent(UnitHierarchy.defaultPath).path
    let units = try UnitHierarchy.load(path: path)
    #expect(units.search("muong kim").map(\.code.rawValue) == ["03637"])
    #expect(units.search("MƯỜNG").map(\.name).prefix(2) == ["Xã Mường Tè", "Xã Mường Mô"])
    #expect(units.search("03640").map(\.name) == ["Xã Khoen On"])
    #expect(units.search("xa khoen on").map(\.name) == ["Xã Khoen On"])
    #expect(units.search("doan ket").map(\.name) == ["Phường Đoàn Kết"])
    #expect(units.search("uyen").map(\.name) == ["Xã Than Uyên", "Xã Tân Uyên"])
    #expect(units.search("lai chau", level: .province).map(\.code.rawValue) == ["12"])
    #expect(units.search("zzz").isEmpty)
    #expect(units.search("").count == 38)
  }

  @Test func theStatisticsOfficesThreeTierListImports() throws {
    let units = try StatisticsOfficeList.parse(
      try Fixture.data("statistics-office-2024-cao-bang.csv"), path: "cao-bang.csv")
    #expect(units.hasDistricts)
    #expect(units.provinces.map(\.name) == ["Tỉnh Cao Bằng"])
    #expect(
      units.units.filter { $0.level == .district }.map(\.name) == ["Huyện Nguyên Bình", "Huyện Thạch An"])
    #expect(units.communes.count == 10)
    let dongKhe = try #require(units.unit(try UnitCode("01786")))
    #expect(dongKhe.name == "Thị trấn Đông Khê" && dongKhe.kind == "Thị trấn")
    #expect(units.ancestors(of: dongKhe.code).map(\.name) == ["Huyện Thạch An", "Tỉnh Cao Bằng"])
    #expect(units.fullName(of: dongKhe.code) == "Thị trấn Đông Khê, Huyện Thạch An, Tỉnh Cao Bằng")
    #expect(units.communes(in: try UnitCode("04")).count == 10)
    #expect(
      units.communes(in: try UnitCode("053")).map(\.code.rawValue) == [
        "01786", "01789", "01792", "01795", "01822",
      ])
    #expect(units.unit(try UnitCode("052"))?.kind == "Huyện")

    // What `units import` writes reads back the same.
    let written = units.csvText()
    #expect(written.hasPrefix("level,code,name,kind,parent\nprovince,04,Tỉnh Cao Bằng,Tỉnh,\ndistrict,052,"))
    #expect(try UnitHierarchy.parse(Data(written.utf8), path: "units.csv") == units)
  }

  @Test func theStatisticsOfficesTwoTierListImportsWithLostLeadingZerosRestored() throws {
    let units = try StatisticsOfficeList.parse(
      try Fixture.data("statistics-office-2025-lai-chau.csv"), path: "lai-chau.csv")
    #expect(!units.hasDistricts)
    #expect(units.communes.map(\.code.rawValue) == ["03388", "03408", "03595", "03618", "03637", "03640"])
    #expect(units.communes.allSatisfy { $0.parentCode?.rawValue == "12" })
    // The same units as the shipped sample, under the same codes and names.
    let shipped = try UnitHierarchy.load(
      path: Fixture.repositoryRoot.appendingPathComponent(UnitHierarchy.defaultPath).path)
    for unit in units.units { #expect(shipped.unit(unit.code) == unit) }
  }

  @Test func badRowsAreAllReportedWithTheirLines() throws {
    #expect {
      try StatisticsOfficeList.parse(try Fixture.data("statistics-office-bad-rows.csv"), path: "bad.csv")
    } throws: { error in
      guard case UnitsError.several(let problems) = error else { return false }
      let lines = problems.map { $0.text(in: .english) }
      return lines == [
        "bad.csv:3: column 'Mã PX': '0364O' is not a code",
        "bad.csv:4: code 12 is named 'Tinh Lai Chau' here but 'Tỉnh Lai Châu' on line 2",
        "bad.csv:5: code 03637 already appears on line 2",
        "bad.csv:6: column 'Phường Xã' is empty",
        "bad.csv:7: column 'Mã PX': code '036160' is longer than 5 digits",
      ]
    }
  }

  @Test func aFileWithoutTheColumnsSaysWhichAreExpected() throws {
    let data = Data("STT,Họ và tên,Chức vụ\n1,Lò Văn Thắng,Chủ tịch\n".utf8)
    #expect(
      throws: UnitsError.invalidFile(
        path: "roster.csv", line: 1,
        problem: .noHeader(expected: ["Tỉnh / Thành Phố", "Mã TP", "Phường Xã", "Mã PX"]))
    ) { try StatisticsOfficeList.parse(data, path: "roster.csv") }
    let halfDistrict = Data("Tỉnh / Thành Phố,Mã TP,Quận Huyện,Phường Xã,Mã PX\n".utf8)
    #expect(
      throws: UnitsError.invalidFile(path: "h.csv", line: 1, problem: .missingColumns(["Mã QH"]))
    ) { try StatisticsOfficeList.parse(halfDistrict, path: "h.csv") }
  }

  @Test func theUnitsFileIsCheckedForParentsAndLevels() throws {
    let text = """
      level,code,name,kind,parent
      province,12,Tỉnh Lai Châu,Tỉnh,
      commune,03637,Xã Mường Kim,Xã,13
      village,03640,Xã Khoen On,Xã,12
      commune,03595,Xã Than Uyên,Xã,03637
      district,105,Thành phố Lai Châu,Thành phố,12
      province,12,Tỉnh Lai Châu,Tỉnh,

      """
    #expect {
      try UnitHierarchy.parse(Data(text.utf8), path: "units.csv")
    } throws: { error in
      guard case UnitsError.several(let problems) = error else { return false }
      return problems.map { $0.text(in: .english) } == [
        "units.csv:3: unit 03637: no parent unit with code 13",
        "units.csv:4: unknown level 'village' (province, district or commune)",
        "units.csv:5: unit 03595: 03637 cannot be its parent",
        "units.csv:7: code 12 already appears on line 2",
      ]
    }
    #expect(throws: UnitsError.invalidFile(path: "u.csv", line: 1, problem: .missingColumns(["parent"]))) {
      try UnitHierarchy.parse(Data("level,code,name,kind\n".utf8), path: "u.csv")
    }
  }
}

@Suite struct CodeTests {
  @Test func codesThatAreNotDigitsNeverBecomePaths() throws {
    for bad in [
      "../../x", "", "0363/7", "03637.sqlite", "１２３４５", "12 34", "-1", "0x1F",
      String(repeating: "1", count: 13),
    ] {
      #expect(throws: UnitsError.invalidCode(bad)) { try UnitCode(bad) }
      #expect(throws: UnitsError.invalidCode(bad)) { try CommuneCode(bad) }
    }
    #expect(try UnitCode("03637").rawValue == "03637")
    #expect(try CommuneCode("03637").unitCode == UnitCode("03637"))
    #expect(
      try [CommuneCode("10"), CommuneCode("03637"), CommuneCode("9")].sorted().map(\.rawValue) == [
        "9", "10", "03637",
      ])
    #expect((try? JSONDecoder().decode([UnitCode].self, from: Data(#"["../etc"]"#.utf8))) == nil)
    #expect((try? JSONDecoder().decode([CommuneCode].self, from: Data(#"["../etc"]"#.utf8))) == nil)
    let encoded = try JSONEncoder().encode([CommuneCode("03637")])
    #expect(String(decoding: encoded, as: UTF8.self) == #"["03637"]"#)
  }

  @Test func errorsAreToldInVietnameseAndEnglish() {
    let error = UnitsError.invalidFile(path: "u.csv", line: 3, problem: .duplicateCode("03637", firstLine: 2))
    #expect(error.text(in: .vietnamese) == "u.csv:3: mã 03637 đã có ở dòng 2")
    #expect(error.text(in: .english) == "u.csv:3: code 03637 already appears on line 2")
    #expect(
      UnitsError.invalidCode("x").text(in: .vietnamese).hasPrefix("mã đơn vị hành chính 'x' không hợp lệ"))
  }
}
