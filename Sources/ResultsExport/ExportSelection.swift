import Foundation
import Gradebook
import Localization
import Toolkit
import Units

/// Which stored results an export covers. Conditions combine with "and"; with no class and no
/// commune, every commune of the results folder.
public struct ExportSelection: Sendable, Hashable {
  /// Only attempts taken in this training class (in every commune it spans).
  public var classID: ClassID?
  /// Only these communes (within the class's communes when a class is given).
  public var communes: [CommuneCode]
  /// Only attempts started on or after this day (`YYYY-MM-DD`, a UTC day, as reports count days).
  public var from: String?
  /// Only attempts started on or before this day (inclusive).
  public var to: String?
  /// Only these quizzes (empty: every quiz).
  public var quizIDs: [String]

  public init(
    classID: ClassID? = nil, communes: [CommuneCode] = [], from: String? = nil, to: String? = nil,
    quizIDs: [String] = []
  ) {
    self.classID = classID
    self.communes = communes
    self.from = from
    self.to = to
    self.quizIDs = quizIDs
  }

  /// The period as moments: `[start of from, start of the day after to)`, checked.
  func period() throws -> (start: Date?, end: Date?) {
    let start = try from.map { try Self.day($0).start }
    let end = try to.map { try Self.day($0).end }
    if let start, let end, start >= end { throw ExportError.emptyPeriod(from: from ?? "", to: to ?? "") }
    return (start, end)
  }

  /// A `yyyy-MM-dd` day, strictly.
  static func day(_ text: String) throws -> Day {
    guard let day = Day(text) else { throw ExportError.badDate(text) }
    return day
  }

  /// The selection in words, for messages: "lớp …, xã 03637, từ 2026-10-01".
  public func summary(in language: Language) -> String {
    let vi = language == .vietnamese
    var parts: [String] = []
    if let classID { parts.append((vi ? "lớp " : "class ") + classID.uuidString) }
    if !communes.isEmpty {
      parts.append((vi ? "xã " : "communes ") + communes.map(\.rawValue).joined(separator: ", "))
    }
    if let from { parts.append((vi ? "từ " : "from ") + from) }
    if let to { parts.append((vi ? "đến " : "to ") + to) }
    if !quizIDs.isEmpty { parts.append((vi ? "bài " : "quizzes ") + quizIDs.joined(separator: ", ")) }
    return parts.isEmpty ? (vi ? "mọi kết quả" : "all results") : parts.joined(separator: ", ")
  }
}
