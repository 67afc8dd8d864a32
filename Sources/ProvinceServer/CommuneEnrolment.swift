import Foundation
import Units

/// A commune the leader makes an enrolment code for: checked against the units list, recorded
/// with its province (and the province's answers partition) before the code is made.
public struct CommuneEnrolment: Sendable {
  public let commune: CommuneCode
  public let province: UnitCode
  public let name: String

  /// The commune `communeText` of the units list at `unitsPath`.
  public init(communeText: String, unitsPath: String) throws {
    guard let commune = try? CommuneCode(communeText) else { throw ServerMessage.unknownCommune(communeText) }
    let units: UnitHierarchy
    do { units = try UnitHierarchy.load(path: unitsPath) } catch {
      throw ServerMessage.unitsDoNotLoad(unitsPath, "\(error)")
    }
    guard let unit = units.unit(commune), unit.level == .commune,
      let province = units.ancestors(of: commune.unitCode).first(where: { $0.level == .province })
    else { throw ServerMessage.unknownCommune(communeText) }
    self.commune = commune
    self.province = province.code
    self.name = unit.name
  }

  /// A one-time code valid until `expiresAt`.
  public func createCode(in repository: ProvinceRepository, expiresAt: Date) async throws -> String {
    try await repository.ensureCommune(commune, province: province, name: name)
    return try await repository.createEnrolmentCode(for: commune, expiresAt: expiresAt)
  }
}
