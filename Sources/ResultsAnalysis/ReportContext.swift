import Curriculum
import Foundation
import Gradebook
import Localization
import Toolkit
import Units

/// The options every report shares, as a user gives them: where the courses are, which attempts
/// (a class, a period of UTC days), the day the report is as of and the weak threshold.
public struct ReportRequest: Sendable {
  public var courses: String
  public var classID: String?
  public var from: String?
  public var to: String?
  public var asOf: String?
  public var threshold: Double
  /// Only attempts taken on this course version.
  public var courseVersion: String?

  public init(
    courses: String = "Courses", classID: String? = nil, from: String? = nil, to: String? = nil,
    asOf: String? = nil, threshold: Double = 0.7, courseVersion: String? = nil
  ) {
    self.courseVersion = courseVersion
    self.courses = courses
    self.classID = classID
    self.from = from
    self.to = to
    self.asOf = asOf
    self.threshold = threshold
  }

  /// The class asked for (its code looked up in `directory`), checked.
  public func trainingClass(in directory: ResultsDirectory? = nil) throws -> ClassID? {
    guard let classID else { return nil }
    guard let id = try directory?.classID(classID) ?? ClassID(classID) else {
      throw ReportMessage.badClass(classID)
    }
    return id
  }

  /// Loads the courses (through the course cache of `environment`) and checks every option; the
  /// context every report computes with. Answers given after the as-of day do not exist yet.
  public func context(
    environment: [String: String], now: Date = Date(), directory: ResultsDirectory? = nil
  ) throws -> ReportContext {
    // The course versions pulled from the province too, as the shell teaches them.
    let pulled = CurriculumLoader.pulledCoursesURL(environment: environment).path
    let loaded = CurriculumLoader().load(
      path: courses, pulledCourses: pulled, cache: .default(environment: environment))
    guard let library = loaded.library else {
      throw ReportMessage.coursesUnreadable(
        courses, loaded.errors.prefix(3).map { $0.formatted(in: .english) })
    }
    guard (0...1).contains(threshold) else { throw ReportMessage.badThreshold(threshold) }
    var selection = AnswerSelection()
    selection.classID = try trainingClass(in: directory)
    selection.courseVersion = courseVersion
    selection.from = try from.map { try Self.day($0).start }
    selection.until = try to.map { try Self.day($0).end }
    if let start = selection.from, let end = selection.until, start >= end {
      throw ReportMessage.emptyPeriod(from ?? "", to ?? "")
    }
    let asOfDay = try asOf.map(Self.day)
    let reference = asOfDay?.end ?? now
    if asOfDay != nil { selection.until = min(selection.until ?? reference, reference) }
    // Without --as-of, today as the computer's clock and time zone say.
    let today = Day(now.addingTimeInterval(Double(TimeZone.current.secondsFromGMT(for: now))))
    return ReportContext(
      index: QuestionIndex(library: library), selection: selection, reference: reference,
      threshold: threshold, generated: (asOfDay ?? today).description)
  }

  /// A `yyyy-MM-dd` day, strictly; throws ``ReportMessage/badDate(_:)`` for any other text.
  public static func day(_ text: String) throws -> Day {
    guard let day = Day(text) else { throw ReportMessage.badDate(text) }
    return day
  }
}

/// What every report computes with.
public struct ReportContext: Sendable {
  public var index: QuestionIndex
  public var selection: AnswerSelection
  /// The moment recency is measured from: the end of the as-of day, else now.
  public var reference: Date
  public var threshold: Double
  /// The as-of date, for titles.
  public var generated: String

  public init(
    index: QuestionIndex, selection: AnswerSelection, reference: Date, threshold: Double, generated: String
  ) {
    self.index = index
    self.selection = selection
    self.reference = reference
    self.threshold = threshold
    self.generated = generated
  }
}

/// The class labels of a results folder: class id → "2026-09-12 Phong Thổ".
public func classLabels(_ directory: ResultsDirectory) throws -> [String: String] {
  var labels: [String: String] = [:]
  for code in try directory.communeCodes() {
    guard let store = try? directory.checkedReadOnlyStore(for: code) else { continue }
    for trainingClass in (try? store.classes()) ?? [] {
      labels[trainingClass.id.uuidString] = "\(trainingClass.date) \(trainingClass.place)"
    }
  }
  return labels
}

extension ProvinceScores {
  /// Reads the CSV at `path`, with errors that name the file and line.
  public static func read(path: String, taxonomy: Taxonomy) throws -> ProvinceScores {
    guard let data = FileManager.default.contents(atPath: path) else { throw ReportMessage.cannotRead(path) }
    guard let text = String(data: data, encoding: .utf8) else { throw ReportMessage.notUTF8(path) }
    do {
      return try ProvinceScores(parsing: text, path: path, taxonomy: taxonomy)
    } catch let error as ParseError {
      throw ReportMessage.provinceScores(error)
    }
  }
}
