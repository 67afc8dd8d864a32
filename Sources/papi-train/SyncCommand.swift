import ArgumentParser
import Foundation
import Sync

#if canImport(Glibc)
  import Glibc
#endif

/// `papi-train sync [enrol URL CODE]`: sends this commune's results to the province server.
struct SyncCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "sync",
    abstract: "Gửi kết quả lên máy chủ tỉnh / send this commune's results to the province server.",
    discussion:
      "First `papi-train sync enrol URL CODE` with the code the province gives (papi-server enrol).",
    subcommands: [Push.self, Enrol.self], defaultSubcommand: Push.self)

  struct Push: ParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "push", abstract: "Gửi phần máy chủ còn thiếu / send what the server lacks (the default).")

    @OptionGroup var resultsOption: ResultsOption
    @OptionGroup var coursesOption: CoursesOption
    @OptionGroup var languageOption: LanguageOption

    func run() throws {
      let language = languageOption.language
      let directory = resultsOption.directory
      let courses = coursesOption.courses
      let environment = ProcessInfo.processInfo.environment
      let onTerminal = isatty(STDERR_FILENO) == 1
      let observer = SyncRun.Observer(
        progress: { progress, elapsed in
          guard onTerminal else { return }
          let line = SyncRun.progressLine(progress, elapsed: elapsed, in: language)
          FileHandle.standardError.write(Data("\r\u{1B}[K\(line)".utf8))
        },
        retry: { seconds, reason in
          let line = SyncMessage.retrying(seconds: seconds, reason: reason).text(in: language)
          FileHandle.standardError.write(Data(((onTerminal ? "\r\u{1B}[K" : "") + line + "\n").utf8))
        })
      let outcome = try reportingErrors(in: language) {
        defer { if onTerminal { FileHandle.standardError.write(Data("\r\u{1B}[K".utf8)) } }
        do {
          return try SyncRun.blocking {
            try await SyncRun.sync(
              results: directory, coursesPath: courses, environment: environment, observer: observer)
          }
        } catch SyncMessage.stopped {
          FileHandle.standardError.write(Data((SyncMessage.stopped.text(in: language) + "\n").utf8))
          throw ExitCode(130)
        }
      }
      print(outcome.push.text(in: language))
      for message in outcome.courses.messages {
        guard case .refused = message else {
          print(message.text(in: language))
          continue
        }
        printError(message.text(in: language), in: language)
      }
      if outcome.courses.refused { throw ExitCode.failure }
    }
  }

  struct Enrol: ParsableCommand {
    static let configuration = CommandConfiguration(
      abstract: "Đăng ký máy này với tỉnh / enrol this machine with the province server.")

    @Argument(help: "Địa chỉ máy chủ / the server's address (https://…).") var url: String
    @Argument(help: "Mã đăng ký / the one-time code from papi-server enrol.") var code: String
    @OptionGroup var languageOption: LanguageOption

    func run() throws {
      let language = languageOption.language
      let (url, code) = (url, code)
      let environment = ProcessInfo.processInfo.environment
      let message = try reportingErrors(in: language) {
        try SyncRun.blocking { try await SyncRun.enrol(server: url, code: code, environment: environment) }
      }
      print(message.text(in: language))
    }
  }
}
