import ArgumentParser
import Units

#if canImport(Glibc)
  import Glibc
#endif

/// The `papi-train` command: training and self-assessment for commune officials, mapped onto PAPI.
@main
struct PapiTrain: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "papi-train",
    abstract: "Đào tạo và tự đánh giá cho cán bộ, công chức cấp xã theo các chỉ số PAPI.",
    discussion: """
      Training and self-assessment for Vietnamese commune officials, mapped onto the PAPI dimensions.
      Set PAPI_LANG=en (or --lang en) for English messages.
      """,
    subcommands: [
      ShellCommand.self, LintCommand.self, MergeCommand.self, RosterCommand.self, UnitsCommand.self,
      ReportCommand.self, ExportCommand.self, DemoDataCommand.self, AccessCommand.self, SignCommand.self,
      VerifyCommand.self, ImportCommand.self, ExportQuestionsCommand.self, KeysCommand.self,
      CertificateCommand.self,
      ClassCommand.self,
    ],
    defaultSubcommand: ShellCommand.self
  )

  /// Runs the command. A write past the file-size limit (`ulimit -f`) then fails with EFBIG, which
  /// the gradebook reports as a failed save, instead of SIGXFSZ killing the process mid-quiz.
  static func main() {
    signal(SIGXFSZ, SIG_IGN)
    main(nil)
  }
}
