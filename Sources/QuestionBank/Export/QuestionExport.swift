import Curriculum
import Foundation
import Reporting

/// The questions of a course or a quiz, ready to write in a bank format.
public enum QuestionExport {
  /// The questions of course `id`, or of quiz `id` (its fixed questions, then every question its
  /// draw rules can draw), in course order; nil when no course or quiz has that id.
  public static func questions(of id: String, in library: CourseLibrary) -> [BankQuestion]? {
    if let course = library.course(id) {
      return course.questions.map { bank($0, in: course) }
    }
    for course in library.courses {
      guard let quiz = course.quiz(id) else { continue }
      var chosen = quiz.questions.compactMap { course.question($0.questionID) }
      var listed = Set(chosen.map(\.id))
      for question in course.questions where !listed.contains(question.id) {
        if quiz.draw.contains(where: { $0.matches(question, in: library.taxonomy) }) {
          chosen.append(question)
          listed.insert(question.id)
        }
      }
      return chosen.map { bank($0, in: course) }
    }
    return nil
  }

  private static func bank(_ question: Question, in course: Course) -> BankQuestion {
    let area = course.area(question.area.id)?.title.vi ?? question.area.id
    return BankQuestion(question, category: [course.title.vi, area])
  }

  /// The questions written in `format` (GIFT, Moodle XML or XLSX).
  public static func data(_ questions: [BankQuestion], format: BankFormat) -> Data {
    switch format {
    case .gift: Data(GIFTWriter().text(for: questions).utf8)
    case .moodleXML: Data(MoodleXMLWriter().text(for: questions).utf8)
    case .xlsx: SpreadsheetWriter().xlsx(for: questions)
    case .csv: CSVWriter(byteOrderMark: true).data(for: SpreadsheetWriter().table(for: questions))
    case .aiken: Data(AikenWriter.text(for: questions).utf8)
    }
  }
}

/// What an export did, as lines to print, and whether it succeeded.
public struct ExportOutcome: Sendable {
  public var messages: [QuestionBankMessage]
  public var succeeded: Bool
}

extension QuestionExport {
  /// The file extension of a format.
  public static func fileExtension(_ format: BankFormat) -> String {
    switch format {
    case .gift: "gift"
    case .moodleXML: "xml"
    case .xlsx: "xlsx"
    case .csv: "csv"
    case .aiken: "txt"
    }
  }

  /// Loads the courses under `courses`, and writes the questions of course or quiz `id` to
  /// `output` (default `ID.gift`, `ID.xml`, `ID.xlsx`) through a temporary file; an existing file is
  /// replaced only with `force`.
  public static func run(id: String, courses: String, format: BankFormat, output: String?, force: Bool)
    -> ExportOutcome
  {
    let path = output ?? "\(id).\(fileExtension(format))"
    if FileManager.default.fileExists(atPath: path), !force {
      return ExportOutcome(messages: [.fileExists(path)], succeeded: false)
    }
    let loaded = CurriculumLoader().load(path: courses)
    guard let library = loaded.library else {
      let detail = loaded.errors.first.map { "\($0.location): \($0.message.text(in: .english))" } ?? courses
      return ExportOutcome(messages: [.courseNotLoadable(detail)], succeeded: false)
    }
    guard let questions = self.questions(of: id, in: library) else {
      return ExportOutcome(messages: [.unknownCourseOrQuiz(id)], succeeded: false)
    }
    guard !questions.isEmpty else { return ExportOutcome(messages: [.nothingToExport], succeeded: false) }
    let url = URL(fileURLWithPath: path)
    let temporary = url.deletingLastPathComponent().appendingPathComponent(
      ".\(url.lastPathComponent).\(ProcessInfo.processInfo.processIdentifier).tmp")
    do {
      try data(questions, format: format).write(to: temporary)
      if FileManager.default.fileExists(atPath: path) { try FileManager.default.removeItem(at: url) }
      try FileManager.default.moveItem(at: temporary, to: url)
    } catch {
      try? FileManager.default.removeItem(at: temporary)
      return ExportOutcome(messages: [.writeFailed(error.localizedDescription)], succeeded: false)
    }
    guard format == .aiken else {
      return ExportOutcome(messages: [.exported(count: questions.count, file: path)], succeeded: true)
    }
    let written = AikenWriter.writable(questions).count
    return ExportOutcome(
      messages: [.exported(count: written, file: path), .leftOutOfAiken(questions.count - written)],
      succeeded: true)
  }
}
