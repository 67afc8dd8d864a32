import Foundation
import PapiTrainTesting
import Testing

/// Every lesson of the shipped courses, read through the real binary at 60, 80 and 120 columns:
/// no line wider than the terminal, no Markdown table left as pipes.
@Suite struct LessonLayoutTests {
  /// The ids of the shipped lessons, from the lesson files.
  static var lessonIDs: [String] {
    let courses = PapiTrainProcess.repositoryRoot.appendingPathComponent("Courses")
    let folders = (try? FileManager.default.contentsOfDirectory(atPath: courses.path)) ?? []
    return folders.flatMap { folder in
      let lessons = courses.appendingPathComponent(folder).appendingPathComponent("lessons")
      let files = (try? FileManager.default.contentsOfDirectory(atPath: lessons.path)) ?? []
      return files.filter { $0.hasSuffix(".md") && !$0.hasSuffix(".en.md") }.map { String($0.dropLast(3)) }
    }.sorted()
  }

  func tooWide(_ output: String, width: Int) -> [String] {
    output.replacingOccurrences(of: "\u{1B}\\[[?0-9;]*[a-zA-Z]", with: "", options: .regularExpression)
      .split(separator: "\n").map(String.init).filter { $0.count > width }
  }

  @Test(arguments: [60, 80, 120])
  func everyLessonFitsThroughAPipe(columns: Int) throws {
    let ids = Self.lessonIDs
    #expect(ids.count >= 27)
    let results = FileManager.default.temporaryDirectory.appendingPathComponent("papi-layout-\(UUID())")
    for language in ["vi", "en"] {
      let input = ["03390", "Lò Văn Tú", "c", "3"] + ids.map { "read \($0)" } + ["quit"]
      let run = try PapiTrainProcess.run(
        ["--results", results.path, "--lang", language], input: input.joined(separator: "\n") + "\n",
        environment: ["COLUMNS": String(columns)])
      #expect(run.status == 0, "\(run.error)")
      #expect(!run.output.contains("|---"))
      #expect(!run.output.split(separator: "\n").contains { $0.hasPrefix("|") })
      #expect(tooWide(run.output, width: columns).isEmpty, "\(tooWide(run.output, width: columns).prefix(3))")
    }
  }

  @Test(arguments: [60, 80, 120])
  func aTableLessonFitsOnARealTerminal(columns: Int) throws {
    let home = FileManager.default.temporaryDirectory.appendingPathComponent("papi-layout-pty-\(UUID())")
    let terminal = try PseudoTerminalSession(
      ["--results", home.appendingPathComponent("Results").path],
      environment: ["XDG_STATE_HOME": home.path, "COLUMNS": "200"], columns: columns, rows: 500)
    #expect(terminal.expect("Xã/phường của bạn"))
    terminal.type("03390\r")
    #expect(terminal.expect("Họ và tên"))
    terminal.type("Lò Văn Tú\r")
    #expect(terminal.expect("(c/k)"))
    terminal.type("c\r")
    #expect(terminal.expect("(gõ số)"))
    terminal.type("3\r")
    #expect(terminal.expect("papi> "))
    terminal.type("read papi-l-plan\r")
    #expect(terminal.expect("papi> "))
    terminal.type("quit\r")
    #expect(terminal.waitForExit() == 0)
    let shown = terminal.transcript.replacingOccurrences(of: "\r", with: "")
    #expect(!shown.contains("|---"))
    #expect(tooWide(shown, width: columns).isEmpty, "\(tooWide(shown, width: columns).prefix(3))")
  }
}
