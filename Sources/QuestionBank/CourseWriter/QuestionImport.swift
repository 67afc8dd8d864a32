import Curriculum
import Foundation
import Localization
import VietnameseText

/// What `papi-train import` is asked to do.
public struct ImportOptions: Sendable {
  public var courseID: String
  /// The Courses/ folder.
  public var coursesDirectory: String
  /// PAPI codes given to every question that has none.
  public var defaultPAPI: [String]
  /// The legal sources given to every question that has none, written as a trainer types them in a
  /// spreadsheet (``SourceText``): `nd-118-2025 | Điều 3, khoản 1`, several separated by ` ; `.
  public var defaultSource: String?
  /// Whether a question whose id exists in the course is replaced.
  public var replace: Bool

  public init(
    courseID: String, coursesDirectory: String = "Courses", defaultPAPI: [String] = [],
    defaultSource: String? = nil,
    replace: Bool = false
  ) {
    self.courseID = courseID
    self.coursesDirectory = coursesDirectory
    self.defaultPAPI = defaultPAPI
    self.defaultSource = defaultSource
    self.replace = replace
  }
}

/// A bank question on its way into a course: its id and area settled.
struct ImportedQuestion: Sendable {
  var id: QuestionID
  var area: String
  var areaTitle: String
  var question: BankQuestion
}

/// What an import did: the problems found (all of them), and when it succeeded, what it wrote.
public struct ImportOutcome: Sendable {
  public var problems: [BankProblem]
  public var imported = 0
  /// Questions named with the reason they were not imported.
  public var skipped = 0
  /// The question files written (a bank larger than 2 MB of course text is split), when the import
  /// succeeded.
  public var file: String?
  public var missingPAPI = 0
  public var missingSource = 0
  public var missingExplanation = 0

  public var succeeded: Bool { file != nil }
  public var errors: [BankProblem] { problems.filter { $0.severity == .error } }

  /// The lines to print: every problem, then what was done.
  public func report(in language: Language) -> [String] {
    var lines = problems.sorted().map { $0.formatted(in: language) }
    if skipped > 0 { lines.append(QuestionBankMessage.skipped(count: skipped).text(in: language)) }
    guard let file else {
      lines.append(QuestionBankMessage.importFailed(errors: errors.count).text(in: language))
      return lines
    }
    lines.append(
      QuestionBankMessage.imported(count: imported, course: courseID, file: file).text(in: language))
    if missingPAPI + missingSource + missingExplanation > 0 {
      lines.append(
        QuestionBankMessage.toFill(papi: missingPAPI, source: missingSource, explanation: missingExplanation)
          .text(in: language))
    }
    return lines
  }

  var courseID = ""
}

/// Brings a question bank into a course as ordinary course files.
public enum QuestionImport {
  /// Reads the bank at `path` and writes its questions into the course; nothing is written when
  /// any error is found.
  public static func run(bank path: String, format: BankFormat?, options: ImportOptions) -> ImportOutcome {
    let contents = BankReader.read(path: path, format: format)
    return run(contents, bankName: (path as NSString).lastPathComponent, options: options)
  }

  public static func run(_ contents: BankContents, bankName: String, options: ImportOptions) -> ImportOutcome
  {
    var log = ProblemLog()
    log.append(contents.problems)
    var outcome = ImportOutcome(problems: [])
    outcome.courseID = options.courseID
    outcome.skipped =
      contents.problems.filter {
        switch $0.message {
        case .unsupportedType, .numericalRange: true
        default: false
        }
      }.count
    let here = BankLocation(file: bankName, line: 1)
    if !Identifier.isValid(options.courseID) { log.error(.invalidID(options.courseID), at: here) }
    let root = URL(fileURLWithPath: options.coursesDirectory)
    var isFolder: ObjCBool = false
    if !FileManager.default.fileExists(atPath: root.path, isDirectory: &isFolder) || !isFolder.boolValue {
      log.error(.writeFailed("\(options.coursesDirectory): not a folder"), at: here)
    }
    if contents.questions.isEmpty, !log.hasErrors { log.error(.emptyBank, at: here) }
    var defaultSources: [LegalSource] = []
    switch SourceText.parse(options.defaultSource ?? "") {
    case .success(let sources): defaultSources = sources
    case .failure(let malformed): log.error(.malformedSourceOption(malformed), at: here)
    }
    guard !log.hasErrors else {
      outcome.problems = log.problems
      return outcome
    }
    let existing = ExistingCourses.scan(root)
    var planner = ImportPlanner(
      options: options, defaultSources: defaultSources, existing: existing,
      bankStem: Slug.make(stem(bankName)))
    let planned = planner.plan(contents.questions, log: &log)
    guard !log.hasErrors else {
      outcome.problems = log.problems
      return outcome
    }
    do {
      let file = try CourseFolderWriter(root: root, options: options, existing: existing, bankName: bankName)
        .write(planned, replacing: planner.replaced, log: &log)
      outcome.file = file
      outcome.imported = planned.count
      outcome.missingPAPI = planned.filter { $0.question.papi.isEmpty }.count
      outcome.missingSource = planned.filter { $0.question.lacksSource }.count
      outcome.missingExplanation = planned.filter { $0.question.explanation == nil }.count
    } catch {
      log.error(.writeFailed(error.localizedDescription), at: here)
    }
    outcome.problems = log.problems
    return outcome
  }

  private static func stem(_ name: String) -> String { (name as NSString).deletingPathExtension }
}

/// Ids made from names: diacritics folded, lower case, anything else a hyphen.
enum Slug {
  static func make(_ text: String, limit: Int = 40) -> String {
    var slug = ""
    for scalar in text.foldingDiacritics.lowercased().unicodeScalars {
      if ("a"..."z").contains(scalar) || ("0"..."9").contains(scalar) {
        slug.unicodeScalars.append(scalar)
      } else if !slug.isEmpty, slug.last != "-" {
        slug.append("-")
      }
      if slug.count >= limit { break }
    }
    while slug.last == "-" { slug.removeLast() }
    return slug
  }
}

/// Settles each question's id (kept when the bank gives a valid one, else made from its name or
/// its place in the bank, the same on every import of the same bank), its area and the defaults,
/// and finds every id that is already taken.
struct ImportPlanner {
  let options: ImportOptions
  /// The sources `--source` gives every question that has none.
  let defaultSources: [LegalSource]
  let existing: ExistingCourses
  let bankStem: String
  private(set) var replaced: [QuestionID: ExistingCourses.Place] = [:]
  /// Categories' slugs, made once each.
  private var slugs: [String: String] = [:]

  init(options: ImportOptions, defaultSources: [LegalSource], existing: ExistingCourses, bankStem: String) {
    self.options = options
    self.defaultSources = defaultSources
    self.existing = existing
    self.bankStem = bankStem.isEmpty ? "bank" : bankStem
  }

  mutating func plan(_ questions: [BankQuestion], log: inout ProblemLog) -> [ImportedQuestion] {
    var seen: [QuestionID: BankLocation] = [:]
    var planned: [ImportedQuestion] = []
    for (index, question) in questions.enumerated() {
      var question = question.normalized
      guard let id = id(for: question, index: index, seen: seen, log: &log) else { continue }
      if let first = seen[id] {
        log.error(.duplicateID(id.rawValue, first: first.description), at: question.location)
        continue
      }
      seen[id] = question.location
      checkTaken(id, at: question.location, log: &log)
      if question.papi.isEmpty { question.papi = options.defaultPAPI }
      if question.sources.isEmpty { question.sources = defaultSources }
      question.module = module(for: question)
      let area = area(for: question)
      planned.append(ImportedQuestion(id: id, area: area.id, areaTitle: area.title, question: question))
    }
    return planned
  }

  private func id(
    for question: BankQuestion, index: Int, seen: [QuestionID: BankLocation], log: inout ProblemLog
  )
    -> QuestionID?
  {
    if let given = question.id?.trimmingWhitespace, !given.isEmpty {
      if Identifier.isValid(given) { return QuestionID(given) }
      let made = options.courseID + "-" + Slug.make(given)
      guard Identifier.isValid(made) else {
        log.error(.invalidID(given), at: question.location)
        return nil
      }
      return QuestionID(made)
    }
    var made: String
    if let name = question.name, !name.isEmpty, Identifier.isValid(name) {
      made = name
    } else {
      made =
        options.courseID + "-" + bankStem + "-"
        + String(repeating: "0", count: max(0, 3 - String(index + 1).count))
        + String(index + 1)
    }
    if made.count > 64 { made = String(made.prefix(64)) }
    var candidate = made
    var suffix = 2
    while seen[QuestionID(candidate)] != nil {
      candidate = made + "-\(suffix)"
      suffix += 1
    }
    guard Identifier.isValid(candidate) else {
      log.error(.invalidID(candidate), at: question.location)
      return nil
    }
    return QuestionID(candidate)
  }

  private mutating func checkTaken(_ id: QuestionID, at location: BankLocation, log: inout ProblemLog) {
    guard let (course, place) = existing.owner(of: id) else { return }
    if course.id != options.courseID {
      log.error(.idInAnotherCourse(id.rawValue, course: course.id), at: location)
    } else if options.replace {
      replaced[id] = place
    } else {
      log.error(.idExists(id.rawValue, file: "\(display(place.file)):\(place.line)"), at: location)
    }
  }

  /// The question's module when the course declares it; else the module whose id or title its
  /// category names (Moodle's categories are often a course's chapters); else none.
  private func module(for question: BankQuestion) -> String? {
    guard let course = existing.course(options.courseID) else { return nil }
    if let module = question.module, course.modules.contains(module) { return module }
    guard let category = question.category.last else { return nil }
    if course.modules.contains(category) { return category }
    return course.moduleTitles[category.matchKey(foldingDiacritics: true)]
  }

  /// A file under the Courses/ folder named as the user named that folder.
  private func display(_ file: URL) -> String {
    let root = URL(fileURLWithPath: options.coursesDirectory).standardizedFileURL.path
    let path = file.standardizedFileURL.path
    guard path.hasPrefix(root + "/") else { return path }
    return (options.coursesDirectory as NSString).appendingPathComponent(
      String(path.dropFirst(root.count + 1)))
  }

  private mutating func area(for question: BankQuestion) -> (id: String, title: String) {
    if let area = question.area, Identifier.isValid(area) { return (area, question.category.last ?? area) }
    if let category = question.category.last {
      let slug = slugs[category] ?? Slug.make(category)
      slugs[category] = slug
      if !slug.isEmpty, Identifier.isValid(options.courseID + "-" + slug) {
        return (String((options.courseID + "-" + slug).prefix(64)), category)
      }
    }
    return (String((options.courseID + "-" + bankStem).prefix(64)), bankStem)
  }
}

extension BankQuestion {
  /// Whether the question has no source, or one without its article (or indicator): what the
  /// course file marks to be filled.
  var lacksSource: Bool {
    sources.isEmpty || sources.contains { $0.article == nil && $0.indicator == nil }
  }
}
