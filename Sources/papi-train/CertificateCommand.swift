import ArgumentParser
import Certificates
import Curriculum
import Foundation

/// `papi-train certificate issue|verify`: completion certificates of a class, and checking one.
struct CertificateCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "certificate",
    abstract: "Giấy chứng nhận hoàn thành / completion certificates: issue a class's, verify one.",
    subcommands: [Issue.self, Verify.self])

  struct Issue: ParsableCommand {
    static let configuration = CommandConfiguration(
      abstract: "Cấp giấy chứng nhận cho người đạt bài cuối khoá / certify who passed the class's post-test.",
      discussion: """
        Writes CODE.html (one A4 page), CODE.json (the signed certificate) and, when Chromium is
        installed, CODE.pdf for each official who passed; signs with this computer's key and keeps
        each certificate in $XDG_DATA_HOME/papi-train/certificates.json for `certificate verify`.
        """)

    @Option(
      name: .customLong("class"),
      help: "Lớp tập huấn (mã, như LC-2612-A) / the training class: its code or id.")
    var classID: String

    @Option(name: .long, help: "Thư mục ghi / the folder to write into (default: certificates).")
    var out = "certificates"

    @Flag(name: .long, help: "Chỉ ghi HTML, không in PDF / HTML pages only, no PDF.")
    var htmlOnly = false

    @OptionGroup var resultsOption: ResultsOption
    @OptionGroup var coursesOption: CoursesOption
    @OptionGroup var unitsOption: UnitsOption
    @OptionGroup var languageOption: LanguageOption

    func run() throws {
      let language = languageOption.language
      try requireRole(.trainer, language: language)
      try reportingErrors(in: language) {
        let environment = ProcessInfo.processInfo.environment
        let loaded = CurriculumLoader().load(
          path: coursesOption.courses, cache: .default(environment: environment))
        printLines(
          try CertificateIssue(trainingClass: classID, output: out, pdf: !htmlOnly).run(
            loaded: loaded, courses: coursesOption.courses, directory: resultsOption.directory,
            unitsPath: unitsOption.path, environment: environment, language: language))
      }
    }
  }

  struct Verify: ParsableCommand {
    static let configuration = CommandConfiguration(
      abstract:
        "Kiểm tra giấy chứng nhận / check a certificate offline: its code, or its .html or .json file.",
      discussion:
        "Exits 1 unless the certificate is intact and signed by this computer or an enrolled machine.")

    @Argument(help: "Mã xác minh hoặc tệp / the verification code, or the certificate's .html or .json file.")
    var subject: String

    @OptionGroup var languageOption: LanguageOption

    func run() throws {
      let language = languageOption.language
      let verdict = try reportingErrors(in: language) {
        try CertificateVerifier.default(environment: ProcessInfo.processInfo.environment).verify(subject)
      }
      print(CertificateMessage.verdict(verdict).text(in: language))
      if !verdict.isValid { throw ExitCode(1) }
    }
  }
}
