import Curriculum
import Foundation
import VietnameseText
import Yams

/// The courses already under a Courses/ folder, as far as an import needs them: each course's id,
/// folder, areas, and every question id with the file and line it stands at. Read with Yams
/// alone (not the full loader), so questions still marked to be filled, which the loader
/// refuses, are found too.
struct ExistingCourses {
  struct Place: Hashable {
    var file: URL
    var line: Int
  }

  struct Course {
    var id: String
    var folder: URL
    var areas: Set<String>
    var modules: Set<String>
    /// Module ids by their Vietnamese title, folded (for categories named like a module).
    var moduleTitles: [String: String] = [:]
    var questions: [QuestionID: Place]
  }

  var courses: [Course] = []

  static func scan(_ root: URL) -> ExistingCourses {
    let fileManager = FileManager.default
    let names = (try? fileManager.contentsOfDirectory(atPath: root.path)) ?? []
    var found = ExistingCourses()
    for name in names.sorted() where !name.hasPrefix(".") {
      let folder = root.appendingPathComponent(name)
      guard let course = course(in: folder) else { continue }
      found.courses.append(course)
    }
    return found
  }

  static func course(in folder: URL) -> Course? {
    let courseFile = folder.appendingPathComponent("course.yaml")
    guard let root = compose(courseFile) else { return nil }
    let id = root["id"]?.string ?? folder.lastPathComponent
    let areas = Set((root["areas"]?.sequence ?? []).compactMap { $0["id"]?.string })
    let moduleNodes = root["modules"]?.sequence.map(Array.init) ?? []
    let modules = Set(moduleNodes.compactMap { $0["id"]?.string })
    var moduleTitles: [String: String] = [:]
    for node in moduleNodes {
      guard let id = node["id"]?.string, let title = node["title"]?["vi"]?.string ?? node["title"]?.string
      else {
        continue
      }
      moduleTitles[title.matchKey(foldingDiacritics: true)] = id
    }
    var questions: [QuestionID: Place] = [:]
    let questionFolder = folder.appendingPathComponent("questions")
    let files = (try? FileManager.default.contentsOfDirectory(atPath: questionFolder.path)) ?? []
    for name in files.sorted() where name.hasSuffix(".yaml") || name.hasSuffix(".yml") {
      let file = questionFolder.appendingPathComponent(name)
      for item in compose(file)?["questions"]?.sequence ?? [] {
        guard let questionID = item["id"]?.string.map({ QuestionID($0) }), questions[questionID] == nil else {
          continue
        }
        questions[questionID] = Place(file: file, line: item.mark?.line ?? 1)
      }
    }
    return Course(
      id: id, folder: folder, areas: areas, modules: modules, moduleTitles: moduleTitles, questions: questions
    )
  }

  private static func compose(_ file: URL) -> Node? {
    guard let data = FileManager.default.contents(atPath: file.path),
      let text = String(data: data, encoding: .utf8)
    else { return nil }
    return try? Yams.compose(yaml: text, .basic)
  }

  func course(_ id: String) -> Course? { courses.first { $0.id == id } }

  /// The course holding question `id`, and where.
  func owner(of id: QuestionID) -> (course: Course, place: Place)? {
    for course in courses {
      if let place = course.questions[id] { return (course, place) }
    }
    return nil
  }
}
