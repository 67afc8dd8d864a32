import Foundation
import Localization
import Units

extension MergeReport {
  /// What `papi-train merge` tells: per file what it added (with conflicts and possible duplicate
  /// people), skipped or refused, then the totals per commune added to `destination`.
  public func messages(destination: String) -> (lines: [MergeMessage], refusals: [GradebookError]) {
    var lines: [MergeMessage] = []
    var refusals: [GradebookError] = []
    for file in files {
      switch file.outcome {
      case .merged(let commune, let added, let conflicts, let duplicates):
        lines.append(.merged(path: file.path, commune: commune, added: added))
        lines +=
          conflicts.map { .indented(.conflict($0)) } + duplicates.map { .indented(.possibleDuplicate($0)) }
      case .skippedDestination(let commune): lines.append(.skipped(path: file.path, commune: commune))
      case .refused(let error): refusals.append(error)
      }
    }
    let totals = self.totals
    if !totals.isEmpty {
      lines.append(.totalsHeader(destination: destination))
      for commune in totals.keys.sorted() {
        lines.append(.indented(.total(commune: commune, added: totals[commune] ?? MergeCounts())))
      }
    }
    let skipped = files.count { if case .skippedDestination = $0.outcome { true } else { false } }
    lines.append(
      .summary(merged: files.count - skipped - refusals.count, skipped: skipped, refused: refusals.count))
    return (lines, refusals)
  }
}

/// Every message of `papi-train merge`, Vietnamese first.
public indirect enum MergeMessage: MessageCatalogue, Hashable {
  case merged(path: String, commune: CommuneCode, added: MergeCounts)
  case skipped(path: String, commune: CommuneCode)
  case conflict(MergeConflict)
  case possibleDuplicate([Official])
  case totalsHeader(destination: String)
  case total(commune: CommuneCode, added: MergeCounts)
  /// The last line: how many files were merged, skipped and refused.
  case summary(merged: Int, skipped: Int, refused: Int)
  /// A message under the one before it.
  case indented(MergeMessage)

  public func text(in language: Language) -> String {
    let vi = language == .vietnamese
    switch self {
    case .merged(let path, let commune, let added):
      return "\(path): " + Self.total(commune: commune, added: added).text(in: language)
    case .skipped(let path, let commune):
      return vi
        ? "\(path): đây chính là tệp kết quả của xã \(commune) ở thư mục đích; bỏ qua"
        : "\(path): this is commune \(commune)'s results file in the destination itself; skipped"
    case .conflict(let conflict):
      let what = Self.describe(conflict, vi: vi)
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
    case .total(let commune, let added): return Self.total(commune, added, vi: vi)
    case .indented(let message): return "  " + message.text(in: language)
    case .summary(let merged, let skipped, let refused):
      let skippedText = skipped > 0 ? (vi ? ", \(skipped) tệp bỏ qua" : ", \(skipped) skipped") : ""
      return vi
        ? "Tệp: \(merged) đã gộp, \(refused) bị từ chối\(skippedText)"
        : "Files: \(merged) merged, \(refused) refused\(skippedText)"
    }
  }

  private static func describe(_ conflict: MergeConflict, vi: Bool) -> String {
    switch conflict {
    case .official(let id): vi ? "cán bộ \(id.uuidString)" : "official \(id.uuidString)"
    case .trainingClass(let id): vi ? "lớp tập huấn \(id.uuidString)" : "training class \(id.uuidString)"
    case .attempt(let id): vi ? "lượt làm bài \(id.uuidString)" : "attempt \(id.uuidString)"
    case .answer(let attempt, let question):
      vi
        ? "câu trả lời '\(question)' của lượt \(attempt.uuidString)"
        : "answer to '\(question)' in attempt \(attempt.uuidString)"
    }
  }

  private static func total(_ commune: CommuneCode, _ added: MergeCounts, vi: Bool) -> String {
    if added.isEmpty { return vi ? "xã \(commune): không có gì mới" : "commune \(commune): nothing new" }
    let updated = added.attemptsUpdated
    return vi
      ? "xã \(commune): thêm \(added.officials) cán bộ, \(added.classes) lớp, \(added.attempts) lượt làm bài, "
        + "\(added.answers) câu trả lời" + (added.reviews > 0 ? ", \(added.reviews) lượt ôn tập" : "")
        + (updated > 0 ? "; \(updated) lượt làm bài được cập nhật" : "")
      : "commune \(commune): added \(added.officials) officials, \(added.classes) classes, \(added.attempts) attempts, "
        + "\(added.answers) answers" + (added.reviews > 0 ? ", \(added.reviews) reviews" : "")
        + (updated > 0 ? "; \(updated) attempts updated" : "")
  }

  /// One of every case, for the test that renders every message in both languages.
  public static var samples: [MergeMessage] {
    guard let commune = try? CommuneCode("03637") else { return [] }
    var added = MergeCounts()
    added.officials = 2
    added.answers = 40
    added.attemptsUpdated = 1
    added.reviews = 3
    let official = Official(
      id: OfficialID(), name: "Nguyễn Thị Hoa", position: "chairman", communeCode: commune, createdAt: Date())
    return [
      .merged(path: "a/03637.sqlite", commune: commune, added: added),
      .skipped(path: "Results/03637.sqlite", commune: commune), .conflict(.official(official.id)),
      .conflict(.trainingClass(ClassID())), .conflict(.attempt(AttemptID())),
      .conflict(.answer(attempt: AttemptID(), question: "oss-q01")),
      .indented(.possibleDuplicate([official, official])), .totalsHeader(destination: "Results"),
      .total(commune: commune, added: MergeCounts()), .total(commune: commune, added: added),
      .summary(merged: 3, skipped: 0, refused: 1), .summary(merged: 0, skipped: 1, refused: 2),
    ]
  }
}
