import Foundation
import Gradebook
import Localization
import TerminalUI

/// `roster` (trainer session): the commune's roster, numbered, and changes to it by number:
/// `roster remove N`, `roster rename N NEW NAME`, `roster merge N-GOES N-KEPT`. Each change is kept
/// in the commune's record of changes with the trainer's name.
enum RosterCommand: ShellCommand {
  static let name = "roster"
  static let helpOrder = 115
  static let aliases = ["danh sách"]
  static let usage = "roster [remove|rename|merge]"
  static let needs: Set<CommandNeed> = [.trainer]
  static let summary = LocalizedText(
    vi: "cho giảng viên: sửa danh sách cán bộ", en: "for trainers: fix the roster")
  static let details = LocalizedText(
    vi:
      "Chỉ trong phiên giảng viên. 'roster' đánh số danh sách; 'roster remove 3' xoá mục chưa làm bài nào; 'roster rename 3 Nguyễn Thị Hoa' sửa tên; 'roster merge 4 3' gộp mục 4 vào mục 3 (bài làm chuyển sang mục 3). Mỗi thay đổi được ghi lại: ai, khi nào, việc gì.",
    en:
      "Trainer session only. 'roster' numbers the roster; 'roster remove 3' removes an entry with no attempts; 'roster rename 3 Nguyễn Thị Hoa' fixes a name; 'roster merge 4 3' merges entry 4 into entry 3 (its attempts move to 3). Every change is recorded: who, when, what."
  )

  static func run(_ argument: String, in context: CommandContext) -> CommandOutcome {
    guard let trainer = context.trainer, let roster = context.reading(trainer.store.officials) else {
      return .proceed
    }
    let words = argument.split(whereSeparator: \.isWhitespace).map(String.init)
    guard let verb = words.first else {
      for (index, official) in roster.enumerated() {
        context.say(
          ClassSessionText.rosterLine(
            number: index + 1, name: official.name,
            position: context.library.positionName(official.position, in: context.language)))
      }
      return .proceed
    }
    func entry(_ text: String?) -> Official? {
      guard let text, let number = Int(text), roster.indices.contains(number - 1) else { return nil }
      return roster[number - 1]
    }
    let now = context.now()
    do {
      switch (verb.lowercased(), entry(words.dropFirst().first)) {
      case ("remove", let official?):
        let change = try trainer.store.removeOfficial(official.id, by: trainer.name, at: now)
        context.say(
          ClassSessionText.rosterDone(RosterChangeText.removed(change.oldName).text(in: context.language)))
      case ("rename", let official?) where words.count > 2:
        let change = try trainer.store.renameOfficial(
          official.id, to: words.dropFirst(2).joined(separator: " "), by: trainer.name, at: now)
        context.say(
          ClassSessionText.rosterDone(
            RosterChangeText.renamed(change.oldName, change.newName).text(in: context.language)))
      case ("merge", let official?):
        guard let kept = entry(words.dropFirst(2).first) else { return context.sayUsageOfRoster() }
        let change = try trainer.store.mergeOfficial(official.id, into: kept.id, by: trainer.name, at: now)
        context.say(
          ClassSessionText.rosterDone(
            RosterChangeText.merged(change.oldName, into: kept.name).text(in: context.language)))
      default:
        return context.sayUsageOfRoster()
      }
    } catch {
      context.say(ClassSessionText.rosterRefused(context.console.reason(error)))
    }
    return .proceed
  }
}

extension CommandContext {
  fileprivate func sayUsageOfRoster() -> CommandOutcome {
    say(ClassSessionText.rosterUsage)
    return .proceed
  }
}

/// What a roster change did, in words.
enum RosterChangeText: LocalizedMessage {
  case removed(String)
  case renamed(String, String)
  case merged(String, into: String)

  func text(in language: Language) -> String {
    let vi = language == .vietnamese
    switch self {
    case .removed(let name):
      return vi ? "Đã xoá '\(name)' khỏi danh sách." : "Removed '\(name)' from the roster."
    case .renamed(let old, let new):
      return vi ? "Đã sửa tên '\(old)' thành '\(new)'." : "Renamed '\(old)' to '\(new)'."
    case .merged(let name, let kept):
      return vi ? "Đã gộp '\(name)' vào '\(kept)'." : "Merged '\(name)' into '\(kept)'."
    }
  }
}
