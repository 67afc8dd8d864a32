import Access
import ArgumentParser
import Foundation
import Gradebook
import Localization

extension ResultsOption {
  /// `papi-train merge FILE|DIR...`: brings results files from other machines into this results
  /// folder (a trainer's); exits 1 when a file was refused.
  public func merge(_ paths: [String], requireSignature: Bool, language: Language) throws {
    try requireRole(.trainer, language: language)
    let destination = directory
    let environment = ProcessInfo.processInfo.environment
    let merger = ResultsMerger(
      destination: destination, requiredSigners: requireSignature ? .default(environment: environment) : nil,
      auditLog: .default(environment: environment))
    let report = merger.merge(paths: paths)
    let (lines, refusals) = report.messages(destination: destination.url.path)
    for refusal in refusals { printError(refusal.text(in: language), in: language) }
    printLines(lines.map { $0.text(in: language) })
    if report.hasRefusals { throw ExitCode(1) }
  }
}
