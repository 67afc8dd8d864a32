import Curriculum
import Foundation
import Testing

/// Broken course files, hand-written and found by the fuzz target (scripts/fuzz), fed to the real
/// loader and validator: none may crash or hang, and every error must say file:line:column.
@Suite struct FuzzCorpusTests {
  static let corpus = URL(fileURLWithPath: Fixtures.root).appendingPathComponent("fuzz-corpus")

  func files(_ slot: BrokenCourse.Slot) throws -> [URL] {
    let folder = Self.corpus.appendingPathComponent(slot.rawValue)
    return try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted().map {
      folder.appendingPathComponent($0)
    }
  }

  @Test(.timeLimit(.minutes(2))) func everyCorpusFileLoadsWithoutCrashingAndEveryErrorIsLocated() throws {
    let course = try BrokenCourse(fixtures: URL(fileURLWithPath: Fixtures.root))
    var broken = 0
    for slot in BrokenCourse.Slot.allCases {
      let files = try files(slot)
      #expect(files.count >= 4, "\(slot)")
      for file in files {
        let loaded = try course.load(try Data(contentsOf: file), in: slot)
        let unlocated = BrokenCourse.unlocated(loaded)
        #expect(unlocated.isEmpty, "\(slot)/\(file.lastPathComponent): \(unlocated)")
        if !loaded.errors.isEmpty { broken += 1 }
        #expect(loaded.isValid == loaded.errors.isEmpty)
      }
    }
    #expect(broken >= 12)
  }

  /// The hand-written broken files each name the file they are in, with a line and a column.
  @Test(arguments: [
    (BrokenCourse.Slot.course, "wrong-types.yaml"), (.course, "missing-keys.yaml"),
    (.course, "duplicate-keys.yaml"), (.course, "invalid-utf8.yaml"), (.course, "nfd-text.yaml"),
    (.course, "deep-nesting.yaml"), (.course, "alias-bomb.yaml"), (.questions, "wrong-types.yaml"),
    (.questions, "missing-keys.yaml"), (.questions, "duplicate-keys.yaml"), (.questions, "not-a-list.yaml"),
    (.questions, "invalid-utf8.yaml"), (.questions, "nfd-text.yaml"), (.lessons, "no-front-matter.md"),
    (.lessons, "invalid-utf8.md"), (.lessons, "broken-front-matter.md"), (.lessons, "nfd-text.md"),
  ])
  func aHandWrittenBrokenFileIsRefusedWithALocatedError(slot: BrokenCourse.Slot, name: String) throws {
    let course = try BrokenCourse(fixtures: URL(fileURLWithPath: Fixtures.root))
    let bytes = try Data(contentsOf: Self.corpus.appendingPathComponent("\(slot.rawValue)/\(name)"))
    let loaded = try course.load(bytes, in: slot)
    let file = course.root.appendingPathComponent(slot.relativePath).path
    let here = loaded.errors.filter { $0.location.file == file }
    #expect(!here.isEmpty, "\(loaded.diagnostics.map { $0.formatted(in: .english) })")
    #expect(here.allSatisfy { $0.location.line >= 1 && $0.location.column >= 1 })
  }

  /// Seven lines of aliases of aliases stand for ten million values: the document is refused at
  /// the alias where the values reached through aliases pass the limit, before anything walks
  /// them all (relocating every one took seconds, which the fuzzer's time limit caught under
  /// load); a few aliases within the limit are still read.
  @Test func anAliasBombIsRefusedAtTheAliasThatPassesTheLimit() throws {
    let course = try BrokenCourse(fixtures: URL(fileURLWithPath: Fixtures.root))
    let bomb = try Data(contentsOf: Self.corpus.appendingPathComponent("course/alias-bomb.yaml"))
    let loaded = try course.load(bomb, in: .course)
    let refusal = try #require(loaded.errors.first { $0.message == .tooManyAliasedValues(limit: 100_000) })
    // The limit is passed at an alias on line 5 (e: ten aliases of d, 11,111 nodes each).
    #expect(refusal.location.line == 5 && refusal.location.column > 1, "\(refusal.formatted(in: .english))")

    let fewer = String(decoding: bomb, as: UTF8.self).split(separator: "\n").prefix(4).joined(separator: "\n")
    let small = try course.load(Data((fewer + "\nid: *d\n").utf8), in: .course)
    #expect(!small.errors.contains { $0.message == .tooManyAliasedValues(limit: 100_000) })
    #expect(
      small.errors.contains { $0.location.line == 5 },
      "\(small.diagnostics.map { $0.formatted(in: .english) })")
  }

  @Test(.timeLimit(.minutes(2))) func aHugeDocumentIsReadOrRefusedWithoutHanging() throws {
    let course = try BrokenCourse(fixtures: URL(fileURLWithPath: Fixtures.root))
    // Two megabytes in one title, and ten thousand questions with one key each.
    let title = "id: mini\nversion: 1.0.0\ntitle: \(String(repeating: "Khoá học ", count: 200_000))\n"
    let loaded = try course.load(Data(title.utf8), in: .course)
    #expect(BrokenCourse.unlocated(loaded).isEmpty)
    #expect(!loaded.errors.isEmpty)
    let bank = (0..<10_000).map { "- id: q-\($0)\n" }.joined()
    let many = try course.load(Data(bank.utf8), in: .questions)
    #expect(BrokenCourse.unlocated(many).isEmpty)
    #expect(!many.errors.isEmpty)
  }
}
