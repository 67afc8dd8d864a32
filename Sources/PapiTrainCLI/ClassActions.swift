import ArgumentParser
import Localization
import ResultsAnalysis
import TerminalUI

extension FolderOptions {
  /// `papi-train class create|list|show|close`: prints what `action` says of the desk over the
  /// results folder, after the trainer passphrase.
  public func classDesk(_ action: (ClassDesk) throws -> [String]) throws {
    let language = self.language
    try requireRole(.trainer, language: language)
    let desk = ClassDesk(
      directory: resultsOption.directory, units: unitsOption.loadIfPresent(),
      library: coursesOption.load().library, language: language, width: Terminal.current().width)
    printLines(try reportingErrors(in: language) { try action(desk) })
  }
}
