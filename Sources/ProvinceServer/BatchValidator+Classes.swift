import Foundation
import Gradebook
import SyncProtocol
import Units

/// The checks of a batch's classes, memberships and roster changes: Gradebook's
/// ``ResultsRules`` as for a results file's `classes`, `class_communes`, `class_members` and
/// `roster_changes`, and what the server's tables require besides (a class is one of the
/// batch's commune, ends on or after its first day; only a merge names a kept entry).
extension BatchValidator {
  static let moment = "yyyy-MM-dd HH:mm:ss.SSS"

  func trainingClass(_ wire: WireClass, row: Int, commune: CommuneCode, _ problems: inout Problems)
    -> TrainingClass?
  {
    let before = problems.count
    let id = WireID.uuid(wire.id)
    let code = wire.code.isEmpty ? nil : ClassCode(wire.code)
    let updated = WireTime.date(wire.updatedAt)
    let closed = wire.closedAt.map { WireTime.date($0) }
    let communes = wire.communeCodes.map { try? CommuneCode($0) }
    for (ok, column, rule) in [
      (id != nil, "id", "uuid"), (wire.code.isEmpty || code?.rawValue == wire.code, "code", "LC-2612-A"),
      (updated != nil, "updated_at", Self.moment), (closed != .some(nil), "closed_at", Self.moment),
      (!communes.contains(nil), "commune_codes", "commune codes"),
      (communes.contains(commune), "commune_codes", "includes \(commune.rawValue)"),
      (wire.endDate >= wire.date, "end_date", "on or after date"),
    ] where !ok {
      problems.add("classes", row, column, rule)
    }
    for (column, text) in [
      ("code", wire.code), ("title", wire.title), ("trainer", wire.trainer), ("date", wire.date),
      ("end_date", wire.endDate), ("place", wire.place), ("pretest_quiz_id", wire.pretestQuizID ?? ""),
      ("posttest_quiz_id", wire.posttestQuizID ?? ""),
    ] where Self.hasNUL(text) {
      problems.add("classes", row, column, Self.noNUL)
    }
    guard let id, let updated, problems.count == before else { return nil }
    let found = TrainingClass(
      id: ClassID(rawValue: id), code: code, title: wire.title, trainer: wire.trainer, date: wire.date,
      endDate: wire.endDate, place: wire.place, communeCodes: communes.compactMap { $0 },
      pretestQuizID: wire.pretestQuizID, posttestQuizID: wire.posttestQuizID, closedAt: closed.flatMap { $0 },
      updatedAt: updated)
    problems.add(rules.problems(in: found), row: row)
    return problems.count == before ? found : nil
  }

  func member(_ wire: WireClassMember, row: Int, _ problems: inout Problems) -> ClassMember? {
    let before = problems.count
    let classID = WireID.uuid(wire.classID)
    let official = WireID.uuid(wire.officialID)
    let joined = WireTime.date(wire.joinedAt)
    for (ok, column, rule) in [
      (classID != nil, "class_id", "uuid"), (official != nil, "official_id", "uuid"),
      (joined != nil, "joined_at", Self.moment),
    ] where !ok {
      problems.add("class_members", row, column, rule)
    }
    guard let classID, let official, let joined, problems.count == before else { return nil }
    let found = ClassMember(
      classID: ClassID(rawValue: classID), officialID: OfficialID(rawValue: official), joinedAt: joined)
    problems.add(rules.problems(in: found), row: row)
    return problems.count == before ? found : nil
  }

  func change(_ wire: WireRosterChange, row: Int, _ problems: inout Problems) -> RosterChange? {
    let before = problems.count
    let id = WireID.uuid(wire.id)
    let kind = RosterChange.Kind(rawValue: wire.kind)
    let official = WireID.uuid(wire.officialID)
    let kept = wire.keptID.map { WireID.uuid($0) }
    let changed = WireTime.date(wire.changedAt)
    for (ok, column, rule) in [
      (id != nil, "id", "uuid"), (kind != nil, "kind", "remove | rename | merge"),
      (official != nil, "official_id", "uuid"), (kept != .some(nil), "kept_id", "uuid"),
      ((kind == .merge) == (kept != nil), "kept_id", "set for a merge, and only then"),
      (kept.flatMap { $0 } != official, "kept_id", "another entry"),
      (kind != .rename || !wire.newName.isEmpty, "new_name", "the new name"),
      (changed != nil, "changed_at", Self.moment),
    ] where !ok {
      problems.add("roster_changes", row, column, rule)
    }
    for (column, text) in [
      ("old_name", wire.oldName), ("new_name", wire.newName), ("changed_by", wire.changedBy),
    ]
    where Self.hasNUL(text) {
      problems.add("roster_changes", row, column, Self.noNUL)
    }
    guard let id, let kind, let official, let changed, problems.count == before else { return nil }
    let found = RosterChange(
      id: id, kind: kind, officialID: OfficialID(rawValue: official),
      keptID: kept.flatMap { $0 }.map { OfficialID(rawValue: $0) }, oldName: wire.oldName,
      newName: wire.newName, changedBy: wire.changedBy, changedAt: changed)
    problems.add(rules.problems(in: found), row: row)
    return problems.count == before ? found : nil
  }

  /// Every attempt's class and every membership's class is a class of the batch; every
  /// membership's official an official of the batch.
  func checkClassReferences(
    officials: [Official], classes: [TrainingClass], members: [ClassMember], attempts: [Attempt],
    _ problems: inout Problems
  ) {
    let officialIDs = Set(officials.map(\.id))
    let classIDs = Set(classes.map(\.id))
    for (row, attempt) in attempts.enumerated() {
      if let classID = attempt.classID, !classIDs.contains(classID) {
        problems.add("attempts", row, "class_id", "a class of the batch")
      }
    }
    for (row, member) in members.enumerated() {
      if !classIDs.contains(member.classID) {
        problems.add("class_members", row, "class_id", "a class of the batch")
      }
      if !officialIDs.contains(member.officialID) {
        problems.add("class_members", row, "official_id", "an official of the batch")
      }
    }
  }
}
