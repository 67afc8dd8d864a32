import ArgumentParser
import Certificates
import PapiTrainCLI

/// `papi-train certificate issue|verify`: completion certificates of a class, and checking one.
struct CertificateCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    .certificate, name: "certificate", subcommands: [Issue.self, Verify.self])

  struct Issue: ParsableCommand {
    static let configuration = CommandConfiguration(.certificateIssue)

    @Option(name: .customLong("class"), help: .help(.certificateClass)) var classID: String
    @Option(name: .long, help: .help(.certificateOut)) var out = "certificates"
    @Flag(name: .long, help: .help(.htmlOnly)) var htmlOnly = false
    @OptionGroup var folders: FolderOptions

    func run() throws {
      try CertificateActions.issue(
        CertificateIssue(trainingClass: classID, output: out, pdf: !htmlOnly), from: folders)
    }
  }

  struct Verify: ParsableCommand {
    static let configuration = CommandConfiguration(.certificateVerify)

    @Argument(help: .help(.certificateSubject)) var subject: String
    @OptionGroup var languageOption: LanguageOption

    func run() throws { try CertificateActions.verify(subject, language: languageOption.language) }
  }
}
