import Access
import ArgumentParser
import CoursePublishing
import Curriculum
import Foundation

/// `papi-train courses pack|install|list`: course versions the province publishes and the
/// commune machines pull (docs/course-versions.md).
struct CoursesCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "courses",
    abstract: "Phiên bản khoá học của tỉnh / course versions published by the province and pulled here.",
    subcommands: [Pack.self, Install.self, List.self])

  static var environment: [String: String] { ProcessInfo.processInfo.environment }

  struct Pack: ParsableCommand {
    static let configuration = CommandConfiguration(
      abstract: "Kiểm tra, đóng gói và ký một khoá học / lint, pack and sign one course folder.")

    @Argument(help: "Thư mục khoá học / the course folder (e.g. Courses/one-stop-shop).")
    var folder: String

    @Option(name: .shortAndLong, help: "Tệp gói / the package file to write (.papicourse).")
    var output: String

    @Option(name: .long, help: "Khoá ký / the signing key file (default: this machine's key).")
    var key: String?

    @OptionGroup var languageOption: LanguageOption

    func run() throws {
      let language = languageOption.language
      try requireRole(.leader, language: language)
      try reportingErrors(in: language) {
        let environment = CoursesCommand.environment
        let keyURL = key.map { URL(fileURLWithPath: $0) } ?? MachineKey.defaultURL(environment: environment)
        print(try CourseDistribution.pack(folder: folder, output: output, keyURL: keyURL).text(in: language))
      }
    }
  }

  struct Install: ParsableCommand {
    static let configuration = CommandConfiguration(
      abstract: "Kiểm tra chữ ký và cài một gói khoá học / verify and install a course package.",
      discussion: "The installed version replaces the shipped course with the same id in the shell.")

    @Argument(help: "Tệp gói / the package file (.papicourse).")
    var file: String

    @Option(name: .long, help: "Khoá của tỉnh / the province's public key (base64, or a file holding it).")
    var publisherKey: String

    @Option(name: .long, help: "Thư mục khoá học / the Courses folder (default: Courses).")
    var courses: String = "Courses"

    @OptionGroup var languageOption: LanguageOption

    func run() throws {
      let language = languageOption.language
      try reportingErrors(in: language) {
        let trusted: Set<String> = [try CourseDistribution.publisherKey(publisherKey)]
        print(
          try CourseDistribution.install(
            file: file, trusted: trusted, coursesPath: courses,
            into: .default(environment: CoursesCommand.environment)
          ).text(in: language))
      }
    }
  }

  struct List: ParsableCommand {
    static let configuration = CommandConfiguration(
      abstract: "Các phiên bản đã cài / the course versions installed here.")

    @OptionGroup var languageOption: LanguageOption

    func run() throws {
      let installed = InstalledCourses.default(environment: CoursesCommand.environment)
      for manifest in installed.manifests() {
        print("\(manifest.course)  \(manifest.version)  \(manifest.publishedAt)  \(manifest.keyID)")
      }
    }
  }
}
