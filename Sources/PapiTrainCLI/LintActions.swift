import ArgumentParser
import Curriculum
import Localization
import TerminalUI

/// `papi-train lint [PATH]`: checks course files and prints every problem compiler-style.
public struct LintRun {
  /// What to print besides the problems, and whether warnings fail.
  public var coverage = false, sources = false, strict = false

  public init(coverage: Bool, sources: Bool, strict: Bool) {
    (self.coverage, self.sources, self.strict) = (coverage, sources, strict)
  }

  /// Lints the courses at `path`; exits 1 on an error (or, when strict, a warning).
  public func run(path: String, taxonomy: String?, language: Language) throws {
    let loaded = CurriculumLoader().load(path: path, taxonomyPath: taxonomy)
    printLines(loaded.diagnostics.map { $0.formatted(in: language) })
    if coverage, let library = loaded.library {
      printCoverage(CoverageReport(library: library), in: language)
    }
    if sources, let library = loaded.library {
      printSources(SourceUsageReport(library: library), in: language)
    }
    let courses = loaded.library?.courses ?? []
    print(
      LintMessage.summary(
        courses: courses.count, lessons: courses.reduce(0) { $0 + $1.lessons.count },
        questions: courses.reduce(0) { $0 + $1.questions.count }, errors: loaded.errors.count,
        warnings: loaded.warnings.count
      ).text(in: language))
    if !loaded.errors.isEmpty || (strict && !loaded.warnings.isEmpty) {
      throw ExitCode(1)
    }
  }

  private func printCoverage(_ report: CoverageReport, in language: Language) {
    let coverage = report.table(in: language)
    let table = TextTable([coverage.header] + coverage.rows, alignments: [.left, .left, .right, .right])
    let lines = table.lines
    printLines([coverage.heading, lines[0], table.rule()] + lines.dropFirst() + [coverage.gaps])
  }

  private func printSources(_ report: SourceUsageReport, in language: Language) {
    guard let sources = report.table(in: language) else {
      return print(LintMessage.noRegistry.text(in: language))
    }
    let table = TextTable(
      [sources.header] + sources.rows, alignments: [.left, .left, .left, .right, .right])
    let lines = table.lines
    printLines(
      [sources.heading, lines[0], table.rule()] + lines.dropFirst() + (sources.legend.map { [$0] } ?? []))
  }
}
