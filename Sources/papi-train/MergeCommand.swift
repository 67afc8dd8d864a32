import ArgumentParser
import Foundation
import Gradebook
import Localization
import Units

/// `papi-train merge FILE|DIR...`: brings results files from other machines into the results folder.
struct MergeCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "merge",
    abstract: "Gộp kết quả từ máy khác / merge results files from other machines.",
    discussion: """
      Each FILE is a commune's results file (03637.sqlite); a DIR stands for the .sqlite files in it.
      Merging is keyed by stable ids, so merging the same file twice adds nothing. Inputs are only
      read, never changed. Exits 1 if a file was refused (not a results file, damaged, or newer).
      """
  )

  @Argument(help: "Results files or folders of results files.")
  var paths: [String]

  @OptionGroup var resultsOption: ResultsOption
  @OptionGroup var languageOption: LanguageOption

  func run() throws {
    let language = languageOption.language
    try requireRole(.trainer, language: language)
    let report = ResultsMerger(destination: resultsOption.directory).merge(paths: paths)
    for file in report.files {
      switch file.outcome {
      case .merged(let commune, let added, let conflicts, let duplicates):
        print(MergeMessage.merged(path: file.path, commune: commune, added: added).text(in: language))
        for conflict in conflicts { print("  " + MergeMessage.conflict(conflict).text(in: language)) }
        for group in duplicates { print("  " + MergeMessage.possibleDuplicate(group).text(in: language)) }
      case .skippedDestination(let commune):
        print(MergeMessage.skipped(path: file.path, commune: commune).text(in: language))
      case .refused(let error):
        printError(error.text(in: language), in: language)
      }
    }
    let totals = report.totals
    if !totals.isEmpty {
      print(MergeMessage.totalsHeader(destination: resultsOption.directory.url.path).text(in: language))
      for commune in totals.keys.sorted() {
        print(
          "  "
            + MergeMessage.total(commune: commune, added: totals[commune] ?? MergeCounts()).text(in: language)
        )
      }
    }
    if report.hasRefusals { throw ExitCode(1) }
  }
}

/// The merge command's messages.
enum MergeMessage: LocalizedMessage {
  case merged(path: String, commune: CommuneCode, added: MergeCounts)
  case skipped(path: String, commune: CommuneCode)
  case conflict(MergeConflict)
  case possibleDuplicate([Official])
  case totalsHeader(destination: String)
  case total(commune: CommuneCode, added: MergeCounts)

  func text(in language: Language) -> String {
    let vi = language == .vietnamese
    switch self {
    case .merged(let path, let commune, let added):
      return "\(path): " + Self.total(commune: commune, added: added).text(in: language)
    case .skipped(let path, let commune):
      return vi
        ? "\(path): đây chính là tệp kết quả của xã \(commune) ở thư mục đích; bỏ qua"
        : "\(path): this is commune \(commune)'s results file in the destination itself; skipped"
    case .conflict(let conflict):
      let what: String
      switch conflict {
      case .official(let id): what = vi ? "cán bộ \(id.uuidString)" : "official \(id.uuidString)"
      case .trainingClass(let id):
        what = vi ? "lớp tập huấn \(id.uuidString)" : "training class \(id.uuidString)"
      case .attempt(let id): what = vi ? "lượt làm bài \(id.uuidString)" : "attempt \(id.uuidString)"
      case .answer(let attempt, let question):
        what =
          vi
          ? "câu trả lời '\(question)' của lượt \(attempt.uuidString)"
          : "answer to '\(question)' in attempt \(attempt.uuidString)"
      }
      return vi
        ? "khác nhau ở hai bên: \(what); giữ bản đã có trong thư mục kết quả"
        : "differs between the two sides: \(what); the results folder's version is kept"
    case .possibleDuplicate(let officials):
      let names = officials.map { "\($0.name) (\($0.position), \($0.id.uuidString.prefix(8)))" }
        .joined(separator: ", ")
      return vi
        ? "có thể là cùng một người, được thêm trên hai máy: \(names)"
        : "possibly the same person, added on two machines: \(names)"
    case .totalsHeader(let destination):
      return vi ? "Tổng cộng đã thêm vào \(destination):" : "Added to \(destination) in all:"
    case .total(let commune, let added):
      if added.isEmpty { return vi ? "xã \(commune): không có gì mới" : "commune \(commune): nothing new" }
      let updated = added.attemptsUpdated
      return vi
        ? "xã \(commune): thêm \(added.officials) cán bộ, \(added.classes) lớp, \(added.attempts) lượt làm bài, "
          + "\(added.answers) câu trả lời" + (updated > 0 ? "; \(updated) lượt làm bài được cập nhật" : "")
        : "commune \(commune): added \(added.officials) officials, \(added.classes) classes, \(added.attempts) attempts, "
          + "\(added.answers) answers" + (updated > 0 ? "; \(updated) attempts updated" : "")
    }
  }
}
