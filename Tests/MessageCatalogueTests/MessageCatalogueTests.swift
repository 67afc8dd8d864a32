import Access
import Assessment
import Certificates
import CoursePublishing
import Curriculum
import DemoData
import Foundation
import Gradebook
import Localization
import PapiTrainCLI
import ProvinceServer
import QuestionBank
import ResultsAnalysis
import ResultsExport
import Sync
import Testing
import Units

/// Every message of every catalogue renders in Vietnamese and English, and the Vietnamese holds
/// no English word meant for the user (command names, codes, format names and file names aside).
@Suite struct MessageCatalogueTests {
  /// Each catalogue's messages, rendered: name, Vietnamese, English.
  static let catalogues: [(name: String, rendered: [(vi: String, en: String)])] = [
    render(ReportMessage.self), render(RosterMessage.self), render(UnitsMessage.self),
    render(MergeMessage.self),
    render(ExportMessage.self), render(AccessMessage.self), render(LintMessage.self),
    render(DemoDataMessage.self), render(QuestionBankMessage.self),
    render(AccessError.self), render(ExportError.self), render(GradebookError.self),
    render(TrustMessage.self), render(ExportHeading.self), render(ExportGuide.self),
    render(NeedsHelpMessage.self), render(FeedbackMessage.self), render(AttemptMessage.self),
    render(CertificateMessage.self), render(ItemsMessage.self),
    render(ClassMessage.self), render(ClassRosterError.self), render(CoursePackageMessage.self),
    render(ServerMessage.self), render(SyncMessage.self), render(WebMessage.self),
    render(CLIMessage.self), render(CommandHelp.self), render(OptionHelp.self),
    render(CoursePublicationMessage.self), render(CoursePullMessage.self),
  ]

  static func render<Catalogue: MessageCatalogue>(_ type: Catalogue.Type) -> (
    name: String, rendered: [(vi: String, en: String)]
  ) {
    (
      String(describing: type),
      type.samples.map { ($0.text(in: .vietnamese), $0.text(in: .english)) }
    )
  }

  /// Common English words that never belong in a Vietnamese sentence.
  static let englishWords: Set<String> = [
    "the", "and", "file", "files", "not", "is", "are", "was", "of", "with", "cannot", "use", "from", "for",
    "this", "that", "has", "have", "no", "or", "be", "error", "warning", "wrote", "added", "missing",
    "unknown",
    "passphrase", "official", "officials", "commune", "communes", "attempt", "attempts", "answer", "answers",
    "question", "questions", "lesson", "lessons", "course", "courses", "class", "score", "scores", "weak",
    "signed", "key", "keys", "results", "roster", "position", "positions", "province", "readiness", "data",
    "insufficient", "already", "exists", "again", "name", "set", "wrong", "try", "intact", "altered",
  ]

  /// Words allowed in Vietnamese messages although they are English: the names of the folders
  /// papi-train ships and reads by default.
  static let allowed: Set<String> = ["Courses", "Results"]

  @Test(arguments: catalogues.map(\.name))
  func everyMessageRendersInBothLanguages(_ name: String) throws {
    let catalogue = try #require(Self.catalogues.first { $0.name == name })
    #expect(!catalogue.rendered.isEmpty, "\(name) lists no samples")
    for (vi, en) in catalogue.rendered {
      #expect(!vi.trimmingCharacters(in: .whitespaces).isEmpty, "\(name): an empty Vietnamese message")
      #expect(!en.trimmingCharacters(in: .whitespaces).isEmpty, "\(name): an empty English message")
      #expect(vi != en || !vi.contains(where: \.isLetter), "\(name): not translated: \(vi)")
    }
  }

  @Test(arguments: catalogues.map(\.name))
  func noVietnameseMessageHoldsEnglishWords(_ name: String) throws {
    let catalogue = try #require(Self.catalogues.first { $0.name == name })
    for (vi, _) in catalogue.rendered {
      let english = Self.words(vi).filter { Self.englishWords.contains($0) }
      #expect(english.isEmpty, "\(name): English in \"\(vi)\": \(english)")
    }
  }

  @Test func theStopListCatchesEnglishAndSparesOptionsAndFileNames() {
    #expect(Self.words("cannot read the courses").contains { Self.englishWords.contains($0) })
    #expect(
      !Self.words("dùng --force để ghi đè 'the' positions.yaml").contains { Self.englishWords.contains($0) })
  }

  /// The words of a message a user reads, lowercased: command-line options (`--force`), file
  /// names and paths (`positions.yaml`, `a/b`), the shipped folders' names, quoted arguments,
  /// environment variables (`PAPI_PASSPHRASE`) and anything with a digit (codes, ids) are left out.
  static func words(_ text: String) -> [String] {
    var kept: [String] = []
    for token in text.split(whereSeparator: { $0.isWhitespace }) {
      let bare = token.trimmingCharacters(in: .punctuationCharacters)
      if token.hasPrefix("-") || bare.contains(".") || token.contains("/") || token.contains("'")
        || token.contains("_") || token.contains(where: \.isNumber) || allowed.contains(bare)
      {
        continue
      }
      kept += token.split(whereSeparator: { !$0.isLetter }).map { $0.lowercased() }
    }
    return kept
  }
}
