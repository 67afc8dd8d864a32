import Foundation
internal import GRDB
import Toolkit
import Units
import VietnameseText

extension CommuneStore {
  /// Every training class stored in this commune's file, by first day.
  public func classes() throws -> [TrainingClass] {
    try read { db in try Self.classes(db, where: "1", []) }
  }

  /// The classes of this commune officials can still join, by first day.
  public func openClasses() throws -> [TrainingClass] {
    try read { db in try Self.classes(db, where: "closed_at IS NULL", []) }
  }

  /// The class with this id, if stored here.
  public func trainingClass(id: ClassID) throws -> TrainingClass? {
    try read { db in try Self.classes(db, where: "id = ?", [id.uuidString]).first }
  }

  /// Adds a class, or replaces it when a class with its id is already stored. Its communes must
  /// include this one (use ``ResultsDirectory/saveClass(_:)`` to store it in every commune's file).
  @discardableResult
  public func saveClass(_ trainingClass: TrainingClass) throws -> TrainingClass {
    let saved = try Self.validated(trainingClass)
    guard saved.communeCodes.contains(communeCode) else {
      throw GradebookError.classNotForCommune(saved.id, communeCode)
    }
    // Returned as read back, so it equals what any later read gives (times to the millisecond).
    return try write { db in
      try Self.upsert(saved, into: db)
      return try Self.classes(db, where: "id = ?", [saved.id.uuidString]).first ?? saved
    }
  }

  /// The columns of `classes` written, in the order of `StoredClass.values(_:)`.
  static let classColumns =
    "id, code, title, trainer, date, end_date, place, pretest_quiz_id, posttest_quiz_id, closed_at, updated_at"

  /// Writes every field of the class and its communes.
  static func upsert(_ saved: TrainingClass, into db: Database) throws {
    try db.execute(
      sql: """
        INSERT INTO main.classes (\(classColumns)) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
        ON CONFLICT (id) DO UPDATE SET code = excluded.code, title = excluded.title,
          trainer = excluded.trainer, date = excluded.date, end_date = excluded.end_date,
          place = excluded.place, pretest_quiz_id = excluded.pretest_quiz_id,
          posttest_quiz_id = excluded.posttest_quiz_id, closed_at = excluded.closed_at,
          updated_at = excluded.updated_at
        """, arguments: StoredClass.values(saved))
    try db.execute(
      sql: "DELETE FROM main.class_communes WHERE class_id = ?", arguments: [saved.id.uuidString])
    for code in saved.communeCodes {
      try db.execute(
        sql: "INSERT INTO main.class_communes (class_id, commune_code) VALUES (?, ?)",
        arguments: [saved.id.uuidString, code.rawValue])
    }
  }

  /// Deletes a class; attempts taken in it keep their answers and lose only the link. Returns
  /// whether there was such a class.
  @discardableResult
  public func deleteClass(id: ClassID) throws -> Bool {
    try write { db in
      try db.execute(sql: "DELETE FROM classes WHERE id = ?", arguments: [id.uuidString])
      return db.changesCount > 0
    }
  }

  // MARK: - Members

  /// Records that `officialID` (on this roster) joined the open class `classID`; joining again
  /// changes nothing. Throws when the class is not stored here or is closed.
  @discardableResult
  public func join(classID: ClassID, officialID: OfficialID, at date: Date = Date()) throws -> ClassMember {
    try write { db in
      guard let found = try Self.classes(db, where: "id = ?", [classID.uuidString]).first else {
        throw GradebookError.unknownClass(classID)
      }
      guard found.isOpen else { throw ClassRosterError.classClosed(found.label) }
      guard try Self.exists(db, table: "officials", id: officialID) else {
        throw GradebookError.unknownOfficial(officialID)
      }
      try db.execute(
        sql: "INSERT OR IGNORE INTO class_members (class_id, official_id, joined_at) VALUES (?, ?, ?)",
        arguments: [classID.uuidString, officialID.uuidString, date])
      let joined = try Date.fetchOne(
        db, sql: "SELECT joined_at FROM class_members WHERE class_id = ? AND official_id = ?",
        arguments: [classID.uuidString, officialID.uuidString])
      return ClassMember(classID: classID, officialID: officialID, joinedAt: joined ?? date)
    }
  }

  /// The officials of this commune who joined `classID`, by when they joined.
  public func members(of classID: ClassID) throws -> [ClassMember] {
    try read { db in
      try Row.fetchAll(
        db,
        sql:
          "SELECT official_id, joined_at FROM class_members WHERE class_id = ? ORDER BY joined_at, official_id",
        arguments: [classID.uuidString]
      ).map { row in
        ClassMember(
          classID: classID, officialID: OfficialID(rawValue: try Self.uuid(row["official_id"])),
          joinedAt: row["joined_at"])
      }
    }
  }

  // MARK: - Checks

  static func validated(_ trainingClass: TrainingClass) throws -> TrainingClass {
    var saved = trainingClass
    saved.title = clean(saved.title)
    saved.trainer = clean(saved.trainer)
    saved.place = clean(saved.place)
    saved.date = clean(saved.date)
    saved.endDate = clean(saved.endDate)
    saved.pretestQuizID = saved.pretestQuizID.map(clean).flatMap { $0.isEmpty ? nil : $0 }
    saved.posttestQuizID = saved.posttestQuizID.map(clean).flatMap { $0.isEmpty ? nil : $0 }
    guard !saved.trainer.isEmpty else { throw GradebookError.emptyField("trainer") }
    guard !saved.place.isEmpty else { throw GradebookError.emptyField("place") }
    guard isCalendarDate(saved.date) else { throw GradebookError.invalidDate(saved.date) }
    guard isCalendarDate(saved.endDate) else { throw GradebookError.invalidDate(saved.endDate) }
    guard saved.endDate >= saved.date else {
      throw ClassRosterError.endsBeforeItStarts(saved.date, saved.endDate)
    }
    saved.communeCodes = Array(Set(saved.communeCodes)).sorted()
    return saved
  }

  /// Whether `text` is exactly a `yyyy-MM-dd` day that exists (Toolkit's `Day`).
  static func isCalendarDate(_ text: String) -> Bool { Day(text) != nil }

  static func classes(_ db: Database, where condition: String, _ arguments: [String]) throws
    -> [TrainingClass]
  {
    let stored = try StoredClass.fetchAll(
      db, sql: "SELECT * FROM classes WHERE \(condition) ORDER BY date, id",
      arguments: StatementArguments(arguments))
    return try stored.map { stored in
      var trainingClass = stored.trainingClass
      let codes = try String.fetchAll(
        db, sql: "SELECT commune_code FROM class_communes WHERE class_id = ? ORDER BY commune_code",
        arguments: [trainingClass.id.uuidString])
      trainingClass.communeCodes = try codes.map(CommuneCode.init).sorted()
      return trainingClass
    }
  }
}
