import ArgumentParser
import Foundation
import Localization

/// Runs `body`, printing any error a user can cause to standard error in `language` and exiting 1.
func reportingErrors<T>(in language: Language, _ body: () throws -> T) throws -> T {
  do {
    return try body()
  } catch let error as any LocalizedMessage & Error {
    printError(error.text(in: language), in: language)
    throw ExitCode(1)
  }
}

/// Writes `message` to standard error, after "lỗi: " or "error: ".
func printError(_ message: String, in language: Language) {
  let prefix = language == .vietnamese ? "lỗi: " : "error: "
  let lines = message.split(separator: "\n", omittingEmptySubsequences: false).map { prefix + $0 + "\n" }
  FileHandle.standardError.write(Data(lines.joined().utf8))
}

/// Writes `line` and a newline to standard error.
func printToStandardError(_ line: String) {
  FileHandle.standardError.write(Data((line + "\n").utf8))
}

/// Prints each line.
func printLines(_ lines: [String]) {
  for line in lines { print(line) }
}
