import Foundation
import PapiTrainTesting
import Testing

@testable import Gradebook

/// Finding an official (the one rule of the shell and the reports) and adding one by the roster's
/// rules, on a real results file.
@Suite struct RosterRulesTests {
  static let positions = [
    PositionName(id: "chairman", names: ["Chủ tịch UBND xã", "Chairman"]),
    PositionName(id: "vice-chairman", names: ["Phó Chủ tịch UBND xã", "Vice-chairman"]),
  ]

  @Test func anOfficialIsFoundByIdOrByNameWithoutDiacriticsAndSeveralAreListed() throws {
    let folder = try TemporaryFolder()
    let store = try folder.results.store(for: Commune.muongKim)
    let hoa = try store.addOfficial(name: "Nguyễn Thị Hoa", position: "chairman")
    let lan = try store.addOfficial(name: "Lò Thị Lan", position: "chairman")
    let lanAgain = try store.addOfficial(name: "Lò Thị  Lan", position: "vice-chairman")
    guard case .one(let byID) = try store.findOfficial(hoa.id.uuidString.lowercased()) else {
      Issue.record("not found by id")
      return
    }
    #expect(byID.id == hoa.id)
    guard case .one(let byName) = try store.findOfficial("  nguyen thi   HOA ") else {
      Issue.record("not found by name")
      return
    }
    #expect(byName.id == hoa.id)
    guard case .several(let both) = try store.findOfficial("lo thi lan") else {
      Issue.record("two officials of one name are not told apart")
      return
    }
    #expect(Set(both.map(\.id)) == [lan.id, lanAgain.id])
    guard case .none = try store.findOfficial("Hoa") else {
      Issue.record("a part of a name found someone")
      return
    }
  }

  @Test func theLookupWorksOnAnyRoster() {
    let roster = [("1", "Nguyễn Văn Bình"), ("2", "Đặng Thu Hà")]
    guard case .one(let found) = OfficialLookup.find("dang thu ha", in: roster, id: \.0, name: \.1) else {
      Issue.record("đ is not folded")
      return
    }
    #expect(found.0 == "2")
  }

  @Test func addingTakesAPositionByNameAndRefusesTheSamePersonTwice() throws {
    let folder = try TemporaryFolder()
    let store = try folder.results.store(for: Commune.muongKim)
    let added = try store.addToRoster(
      name: "Nguyễn Thị Hoa", position: "chu tich ubnd xa", positions: Self.positions)
    #expect(added.position == "chairman")
    #expect(
      throws: RosterMessage.alreadyOnRoster(name: "Nguyễn Thị Hoa", position: "chairman", commune: "03637")
    ) {
      try store.addToRoster(name: "nguyễn thị  hoa", position: "chairman", positions: Self.positions)
    }
    #expect(throws: RosterMessage.unknownPosition("thủ quỹ", known: ["chairman", "vice-chairman"])) {
      try store.addToRoster(name: "Lò Văn A", position: "thủ quỹ", positions: Self.positions)
    }
    #expect(try store.officials().count == 1)
  }
}
