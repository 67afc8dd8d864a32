import Foundation
internal import GRDB
import Toolkit
import Units
import VietnameseText

extension CommuneStore {
  /// Every training class stored in this commune's file, by date.
  public func classes() throws -> [TrainingClass] {
    try read { db in try Self.classes(db, where: "1", []) }
  }

  /// The class with this id, if stored here.
  public func trainingClass(id: ClassID) throws -> TrainingClass? {
    try read { db in try Self.classes(db, where: "id = ?", [id.uuidString]).first }
  }

  /// Adds a class, or updates it when a class with its id is already stored. Its communes must
  /// include this one (use ``ResultsDirectory/saveClass(_:)`` to store it in every commune's file).
  @discardableResult
  public func saveClass(_ trainingClass: TrainingClass) throws -> TrainingClass {
    let saved = try Self.validated(trainingClass)
    guard saved.communeCodes.contains(communeCode) else {
      throw GradebookError.classNotForCommune(saved.id, communeCode)
    }
    try write { db in
      try db.execute(
        sql: """
          INSERT INTO classes (id, trainer, date, place) VALUES (?, ?, ?, ?)
          ON CONFLICT (id) DO UPDATE SET trainer = excluded.trainer, date = excluded.date, place = excluded.place
          """, arguments: [saved.id.uuidString, saved.trainer, saved.date, saved.place])
      try db.execute(sql: "DELETE FROM class_communes WHERE class_id = ?", arguments: [saved.id.uuidString])
      for code in saved.communeCodes {
        try db.execute(
          sql: "INSERT INTO class_communes (class_id, commune_code) VALUES (?, ?)",
          arguments: [saved.id.uuidString, code.rawValue])
      }
    }
    return saved
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

  static func validated(_ trainingClass: TrainingClass) throws -> TrainingClass {
    var saved = trainingClass
    saved.trainer = clean(saved.trainer)
    saved.place = clean(saved.place)
    saved.date = clean(saved.date)
    guard !saved.trainer.isEmpty else { throw GradebookError.emptyField("trainer") }
    guard !saved.place.isEmpty else { throw GradebookError.emptyField("place") }
    guard isCalendarDate(saved.date) else { throw GradebookError.invalidDate(saved.date) }
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
