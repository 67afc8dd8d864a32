import Access
import Curriculum
import Foundation
import Units

/// What merging one file added to a commune's results.
public struct MergeCounts: Sendable, Hashable {
  /// Officials added to the roster.
  public var officials = 0
  /// Training classes added.
  public var classes = 0
  /// Attempts added.
  public var attempts = 0
  /// Attempts already present that the file carried further (in progress here, finished there).
  public var attemptsUpdated = 0
  /// Answers added, to new attempts or to attempts already present.
  public var answers = 0
  /// Classes already present that the file held a later edit of (closed, renamed, ...).
  public var classesUpdated = 0
  /// Officials' joining of a class, added.
  public var classMembers = 0
  /// Roster changes (removals, renames, merges of entries) added to the audit record and applied.
  public var rosterChanges = 0
  /// Reviews added to the review log (each official's review cards follow their latest review).
  public var reviews = 0

  /// Nothing added.
  public init() {}

  /// Whether the merge changed nothing.
  public var isEmpty: Bool { self == MergeCounts() }

  /// The counts of two merges together.
  public static func + (lhs: MergeCounts, rhs: MergeCounts) -> MergeCounts {
    var sum = lhs
    sum.officials += rhs.officials
    sum.classes += rhs.classes
    sum.attempts += rhs.attempts
    sum.attemptsUpdated += rhs.attemptsUpdated
    sum.answers += rhs.answers
    sum.classesUpdated += rhs.classesUpdated
    sum.classMembers += rhs.classMembers
    sum.rosterChanges += rhs.rosterChanges
    sum.reviews += rhs.reviews
    return sum
  }
}

/// A record that exists on both sides under the same id with different contents. Merge keeps
/// what the destination has and reports the difference.
public enum MergeConflict: Sendable, Hashable {
  case official(OfficialID)
  case trainingClass(ClassID)
  case attempt(AttemptID)
  case answer(attempt: AttemptID, question: QuestionID)
}

/// What happened to one file given to merge.
public enum MergeOutcome: Sendable, Hashable {
  /// Merged into the commune's results (possibly adding nothing, when merged before).
  case merged(
    commune: CommuneCode, added: MergeCounts, conflicts: [MergeConflict], possibleDuplicates: [[Official]])
  /// The file is the destination file itself.
  case skippedDestination(commune: CommuneCode)
  /// Refused; nothing was written.
  case refused(GradebookError)
}

/// One file given to merge and what happened to it.
public struct MergedFile: Sendable, Hashable {
  /// The file as named on the command line (or inside a folder named there).
  public var path: String
  /// What merging it did.
  public var outcome: MergeOutcome
  /// The trusted machine that signed it, when a signature was required and it was merged.
  public var signer: TrustedMachine? = nil
}

/// The result of a merge run: one outcome per file, in the order given.
public struct MergeReport: Sendable, Hashable {
  /// Every file, in the order given (a folder's files in name order).
  public var files: [MergedFile]

  /// What was added per commune, over all files.
  public var totals: [CommuneCode: MergeCounts] {
    var totals: [CommuneCode: MergeCounts] = [:]
    for file in files {
      if case .merged(let commune, let added, _, _) = file.outcome {
        totals[commune, default: MergeCounts()] = totals[commune, default: MergeCounts()] + added
      }
    }
    return totals
  }

  /// Whether some file was refused.
  public var hasRefusals: Bool {
    files.contains { if case .refused = $0.outcome { true } else { false } }
  }
}
