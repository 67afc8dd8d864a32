import Foundation
import GRDB
import Localization
import PapiTrainTesting
import Testing
import Units

@testable import Gradebook

@Suite struct IdentifierTests {
  @Test func idsParseTheirTextAndEncodeAsIt() throws {
    let text = "E621E1F8-C36C-495A-93FC-0C247A3E6E5F"
    let id = try #require(OfficialID(text))
    #expect(id.uuidString == text)
    #expect(id.description == text)
    #expect(OfficialID(text.lowercased()) == id)
    #expect(OfficialID("../x") == nil && AttemptID("") == nil && ClassID("03637") == nil)
    let encoded = try JSONEncoder().encode([id])
    #expect(String(decoding: encoded, as: UTF8.self) == "[\"\(text)\"]")
    #expect(try JSONDecoder().decode([OfficialID].self, from: encoded) == [id])
    #expect(throws: (any Error).self) {
      try JSONDecoder().decode([AttemptID].self, from: Data(#"["x"]"#.utf8))
    }
    #expect(OfficialID() != OfficialID())
  }

  @Test func anOfficialOfAMergedFileNamingAHostileCommuneIsRefusedWithTheCode() throws {
    let folder = try TemporaryFolder()
    let source = ResultsDirectory(url: folder.url.appendingPathComponent("elsewhere"))
    try source.store(for: Commune.muongKim).addOfficial(name: "Lò Văn A", position: "chairman")
    let path = source.fileURL(for: Commune.muongKim).path
    let queue = try DatabaseQueue(path: path)
    try queue.write { try $0.execute(sql: "UPDATE officials SET commune_code = '../x'") }
    try queue.close()
    let outcome = ResultsMerger(destination: folder.results).mergeFile(at: path)
    // Refused by the rules every row from outside keeps, before anything is read into Swift.
    #expect(
      outcome
        == .refused(
          .invalidRows(
            path: path, [RowProblem(table: "officials", row: 1, column: "commune_code", rule: .unitCode)])))
    guard case .refused(let error) = outcome else { return }
    #expect(error.text(in: .vietnamese).hasPrefix("\(path): có giá trị không hợp lệ"))
    #expect(error.text(in: .english).contains("commune_code"))
    #expect(try folder.results.communeCodes().isEmpty)
  }
}
