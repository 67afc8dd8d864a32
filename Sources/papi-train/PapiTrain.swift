import ArgumentParser
import PapiTrainCLI

#if canImport(Glibc)
  import Glibc
#endif

/// The `papi-train` command: training and self-assessment for commune officials, mapped onto PAPI.
/// Each subcommand declares its arguments (their help from PapiTrainCLI's catalogues) and calls
/// one library entry point.
@main
struct PapiTrain: ParsableCommand {
  static let configuration = CommandConfiguration(
    .papiTrain, name: "papi-train",
    subcommands: [
      ShellCommand.self, LintCommand.self, MergeCommand.self, RosterCommand.self, UnitsCommand.self,
      ReportCommand.self, ExportCommand.self, DemoDataCommand.self, AccessCommand.self, SignCommand.self,
      VerifyCommand.self, ImportCommand.self, ExportQuestionsCommand.self, KeysCommand.self,
      CertificateCommand.self,
      ClassCommand.self, SyncCommand.self, CoursesCommand.self,
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
