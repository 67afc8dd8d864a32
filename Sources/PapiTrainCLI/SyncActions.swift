import ArgumentParser
import Foundation
import Localization
import Sync

#if canImport(Glibc)
  import Glibc
#endif

/// `papi-train sync [push]` and `sync enrol URL CODE`.
public enum SyncActions {
  /// `sync push`: sends what the province server lacks, with progress on a terminal, then pulls
  /// the province's current course versions over the shipped ones at `courses`; Ctrl-C stops it
  /// (exit 130), a refused course package makes the status 1.
  public static func push(_ results: ResultsOption, courses: CoursesOption, language: Language) throws {
    let directory = results.directory
    let coursesPath = courses.courses
    let environment = ProcessInfo.processInfo.environment
    let onTerminal = isatty(STDERR_FILENO) == 1
    let outcome = try reportingErrors(in: language) {
      defer { if onTerminal { FileHandle.standardError.write(Data("\r\u{1B}[K".utf8)) } }
      do {
        let observer = Self.observer(onTerminal: onTerminal, language: language)
        return try SyncRun.blocking {
          try await SyncRun.sync(
            results: directory, coursesPath: coursesPath, environment: environment, observer: observer)
        }
      } catch SyncMessage.stopped {
        printToStandardError(SyncMessage.stopped.text(in: language))
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

  /// Progress on one line of a terminal, retries said on standard error.
  static func observer(onTerminal: Bool, language: Language) -> SyncRun.Observer {
    SyncRun.Observer(
      progress: { progress, elapsed in
        guard onTerminal else { return }
        let line = SyncRun.progressLine(progress, elapsed: elapsed, in: language)
        FileHandle.standardError.write(Data("\r\u{1B}[K\(line)".utf8))
      },
      retry: { seconds, reason in
        let line = SyncMessage.retrying(seconds: seconds, reason: reason).text(in: language)
        printToStandardError((onTerminal ? "\r\u{1B}[K" : "") + line)
      })
  }

  /// `sync enrol URL CODE`: this machine enrolled with the province server.
  public static func enrol(server url: String, code: String, language: Language) throws {
    let environment = ProcessInfo.processInfo.environment
    let message = try reportingErrors(in: language) {
      try SyncRun.blocking { try await SyncRun.enrol(server: url, code: code, environment: environment) }
    }
    print(message.text(in: language))
  }
}
