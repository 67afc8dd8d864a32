import Foundation
import PapiTrainTesting

@testable import Units

enum Fixture {
  static let folder = Repository.fixtures(of: "UnitsTests")
  static let repositoryRoot = Repository.root

  static func data(_ name: String) throws -> Data {
    try Data(contentsOf: folder.appendingPathComponent(name))
  }
}

/// The commune codes the tests use: real codes from the shipped Lai Châu sample.
enum Commune {
  static let muongKim = try! CommuneCode("03637")
}
