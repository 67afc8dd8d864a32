import Curriculum
import Foundation

/// Writes imported questions into a course folder without ever leaving half an import: the course
/// is built in a hidden folder beside it (a copy of the course when it exists), then put in
/// place by renaming.
struct CourseFolderWriter {
  let root: URL
  let options: ImportOptions
  let existing: ExistingCourses
  let bankName: String

  private var fileManager: FileManager { FileManager.default }

  /// Writes the course; returns the question files' paths as the user would name them.
  func write(
    _ questions: [ImportedQuestion], replacing replaced: [QuestionID: ExistingCourses.Place],
    log: inout ProblemLog
  ) throws -> String {
    let course = existing.course(options.courseID)
    let target = course?.folder ?? root.appendingPathComponent(options.courseID)
    if course == nil, fileManager.fileExists(atPath: target.path) {
      // A folder of that name that is not a readable course: never replaced.
      throw CocoaError(.fileWriteFileExists, userInfo: [NSFilePathErrorKey: target.path])
    }
    let stage = root.appendingPathComponent(
      ".\(options.courseID).import-\(ProcessInfo.processInfo.processIdentifier)")
    try? fileManager.removeItem(at: stage)
    defer { try? fileManager.removeItem(at: stage) }
    if let course {
      try fileManager.copyItem(at: course.folder, to: stage)
      try removeReplaced(replaced, courseFolder: course.folder, stage: stage)
      addAreas(questions, known: course.areas, stage: stage, log: &log)
    } else {
      try fileManager.createDirectory(at: stage, withIntermediateDirectories: true)
      try Data(newCourseFile(questions).utf8).write(to: stage.appendingPathComponent("course.yaml"))
    }
    let folder = stage.appendingPathComponent("questions")
    try fileManager.createDirectory(at: folder, withIntermediateDirectories: true)
    var names: [String] = []
    for text in CourseYAML.files(questions, from: bankName) {
      let name = freeName(in: folder)
      try Data(text.utf8).write(to: folder.appendingPathComponent(name))
      names.append(name)
    }
    try swap(stage, into: target)
    return names.map {
      (options.coursesDirectory as NSString).appendingPathComponent(
        "\(target.lastPathComponent)/questions/\($0)")
    }.joined(separator: ", ")
  }

  private func freeName(in folder: URL) -> String {
    let stem =
      Slug.make((bankName as NSString).deletingPathExtension).isEmpty
      ? "imported" : Slug.make((bankName as NSString).deletingPathExtension)
    var name = stem + ".yaml"
    var suffix = 2
    while fileManager.fileExists(atPath: folder.appendingPathComponent(name).path) {
      name = "\(stem)-\(suffix).yaml"
      suffix += 1
    }
    return name
  }

  /// Moves the built folder into place: the old course (if any) aside, the new one in, the old
  /// one removed.
  private func swap(_ stage: URL, into target: URL) throws {
    guard fileManager.fileExists(atPath: target.path) else {
      try fileManager.moveItem(at: stage, to: target)
      return
    }
    let aside = root.appendingPathComponent(
      ".\(options.courseID).old-\(ProcessInfo.processInfo.processIdentifier)")
    try? fileManager.removeItem(at: aside)
    try fileManager.moveItem(at: target, to: aside)
    do {
      try fileManager.moveItem(at: stage, to: target)
    } catch {
      try? fileManager.moveItem(at: aside, to: target)
      throw error
    }
    try? fileManager.removeItem(at: aside)
  }

  // MARK: A new course

  private func newCourseFile(_ questions: [ImportedQuestion]) -> String {
    var lines = [
      "# Khoá học tạo bởi papi-train import từ / course made by papi-train import from: \(bankName)",
      "id: \(options.courseID)",
      "version: 0.1.0",
      "title: \(CourseYAML.quoted(options.courseID))  " + CourseYAML.toFill("tên khoá học", "course title"),
      "audience: [all]",
      "areas:",
    ]
    lines += areaLines(questions, known: [], indent: "  ")
    lines.append("modules: []")
    return lines.joined(separator: "\n") + "\n"
  }

  private func areaLines(_ questions: [ImportedQuestion], known: Set<String>, indent: String) -> [String] {
    var added = known
    var lines: [String] = []
    for question in questions where added.insert(question.area).inserted {
      lines.append("\(indent)- { id: \(question.area), title: \(CourseYAML.quoted(question.areaTitle)) }")
    }
    return lines
  }

  // MARK: An existing course

  /// Adds the areas the questions use and course.yaml lacks to its `areas:` list.
  private func addAreas(
    _ questions: [ImportedQuestion], known: Set<String>, stage: URL, log: inout ProblemLog
  ) {
    let file = stage.appendingPathComponent("course.yaml")
    guard let text = try? String(contentsOf: file, encoding: .utf8) else { return }
    var lines = text.components(separatedBy: "\n")
    guard let start = lines.firstIndex(where: { $0.hasPrefix("areas:") }) else { return }
    var end = start
    var indent = "  "
    for index in lines.indices.dropFirst(start + 1) {
      let line = lines[index]
      let trimmed = line.trimmingWhitespace
      if trimmed.isEmpty || trimmed.hasPrefix("#") { continue }
      guard line.first == " " || line.first == "-" else { break }
      if end == start { indent = String(line.prefix { $0 == " " }) }
      end = index
    }
    let new = areaLines(questions, known: known, indent: indent)
    guard !new.isEmpty else { return }
    let header = lines[start].trimmingWhitespace
    if header == "areas:" {
      lines.insert(contentsOf: new, at: end + 1)
    } else if header.replacingOccurrences(of: " ", with: "") == "areas:[]" {
      lines[start] = "areas:"
      lines.insert(contentsOf: new, at: start + 1)
    } else {
      for question in questions where !known.contains(question.area) {
        log.note(.areaNotDeclared(question.area), at: question.question.location)
      }
      return
    }
    try? Data(lines.joined(separator: "\n").utf8).write(to: file)
  }

  /// Cuts each replaced question out of its file (from its line to the next question's), and
  /// removes a file left without questions.
  private func removeReplaced(_ replaced: [QuestionID: ExistingCourses.Place], courseFolder: URL, stage: URL)
    throws
  {
    let byFile = Dictionary(grouping: replaced.values, by: \.file)
    guard let course = existing.course(options.courseID) else { return }
    for (file, places) in byFile {
      let staged = stage.appendingPathComponent("questions").appendingPathComponent(file.lastPathComponent)
      let text = try String(contentsOf: staged, encoding: .utf8)
      var lines = text.components(separatedBy: "\n")
      let starts = course.questions.values.filter { $0.file == file }.map(\.line).sorted()
      let cut = Set(places.map(\.line))
      var remove = IndexSet()
      for (index, start) in starts.enumerated() where cut.contains(start) {
        var end = index + 1 < starts.count ? starts[index + 1] - 1 : lines.count
        if index + 1 == starts.count {
          end = start
          while end < lines.count, lines[end].first == " " || lines[end].trimmingWhitespace.isEmpty {
            end += 1
          }
        }
        remove.insert(integersIn: (start - 1)..<end)
      }
      if starts.count == cut.count {
        try fileManager.removeItem(at: staged)
        continue
      }
      for index in remove.reversed() { lines.remove(at: index) }
      try Data(lines.joined(separator: "\n").utf8).write(to: staged)
    }
  }
}
