import ArgumentParser
import Foundation
import ResultsAnalysis
import TerminalUI
import Units

/// `papi-train class create|list|show|close`: a trainer's classes (needs the trainer passphrase).
struct ClassCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "class",
    abstract: "Lớp tập huấn / training classes: create, list, show, close.",
    subcommands: [Create.self, List.self, Show.self, Close.self])

  /// The options every class command takes.
  struct Source: ParsableArguments {
    @OptionGroup var resultsOption: ResultsOption
    @OptionGroup var unitsOption: UnitsOption
    @OptionGroup var coursesOption: CoursesOption
    @OptionGroup var languageOption: LanguageOption

    /// The desk over the results folder, after the trainer passphrase.
    func desk() throws -> ClassDesk {
      let language = languageOption.language
      try requireRole(.trainer, language: language)
      return ClassDesk(
        directory: resultsOption.directory, units: try? UnitHierarchy.load(path: unitsOption.path),
        library: coursesOption.load().library, language: language, width: Terminal.current().width)
    }
  }

  struct Create: ParsableCommand {
    static let configuration = CommandConfiguration(
      abstract: "Tạo lớp / create a class (its code, such as LC-2612-A, is printed).")

    @Option(name: .long, help: "Tên lớp / the class's title.") var title: String
    @Option(name: .long, help: "Giảng viên / the trainer.") var trainer: String
    @Option(name: .long, help: "Nơi học / the place.") var place: String
    @Option(name: .long, help: "Ngày bắt đầu / first day (YYYY-MM-DD).") var start: String
    @Option(name: .long, help: "Ngày kết thúc / last day (default: the first).") var end: String?
    @Option(name: .long, help: "Xã (mã hoặc tên), lặp lại / a commune, code or name (repeatable).")
    var commune: [String] = []
    @Option(name: .long, help: "Bài kiểm tra đầu vào / the pre-test's quiz id.") var pretest: String?
    @Option(name: .long, help: "Bài kiểm tra cuối khoá / the post-test's quiz id.") var posttest: String?
    @OptionGroup var source: Source

    func run() throws {
      let desk = try source.desk()
      let draft = ClassDesk.Draft(
        title: title, trainer: trainer, place: place, start: start, end: end, communes: commune,
        pretest: pretest,
        posttest: posttest)
      printLines(try reportingErrors(in: desk.language) { try desk.create(draft).1 })
    }
  }

  struct List: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Liệt kê các lớp / list the classes.")

    @Flag(name: .long, help: "Chỉ lớp đang mở / only open classes.") var open = false
    @Flag(name: .long, help: "Chỉ lớp đã đóng / only closed classes.") var closed = false
    @Option(name: .long, help: "Chỉ lớp của xã này (mã hoặc tên) / only this commune's classes.")
    var commune: String?
    @OptionGroup var source: Source

    func run() throws {
      let desk = try source.desk()
      let filter: ClassDesk.Filter = open == closed ? .all : (open ? .open : .closed)
      printLines(try reportingErrors(in: desk.language) { try desk.list(filter, commune: commune) })
    }
  }

  struct Show: ParsableCommand {
    static let configuration = CommandConfiguration(
      abstract: "Xem một lớp / who joined a class and their pre- and post-test.")

    @Argument(help: "Mã lớp / the class code (LC-2612-A, any case, dashes optional) or id.") var code: String
    @OptionGroup var source: Source

    func run() throws {
      let desk = try source.desk()
      printLines(try reportingErrors(in: desk.language) { try desk.show(code) })
    }
  }

  struct Close: ParsableCommand {
    static let configuration = CommandConfiguration(
      abstract: "Đóng lớp / close a class: nobody joins it any more.")

    @Argument(help: "Mã lớp / the class code or id.") var code: String
    @OptionGroup var source: Source

    func run() throws {
      let desk = try source.desk()
      printLines(try reportingErrors(in: desk.language) { try desk.close(code) })
    }
  }
}
