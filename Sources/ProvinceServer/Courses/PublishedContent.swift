import CoursePublishing
import Crypto
import Curriculum
import Foundation
import Logging
import SyncProtocol
import Synchronization
import Units

/// The quizzes and questions a batch may name: those of the server's own courses and of every
/// course version the province published (a machine may still teach an earlier one). Published
/// versions are read again from the database when a batch names something unknown and a version
/// was published since the last look, so a `courses publish` run beside a serving server needs
/// no restart.
final class PublishedContent: Sendable {
  let repository: ProvinceRepository
  let coursesPath: String
  /// The server's own courses' content.
  let base: KnownContent
  private let state: Mutex<(generation: String?, validator: BatchValidator)>

  init(validator: BatchValidator, repository: ProvinceRepository, coursesPath: String) {
    self.repository = repository
    self.coursesPath = coursesPath
    base = validator.content
    state = Mutex((generation: nil, validator: validator))
  }

  /// The batch as records, or the problems that refuse it; checked again against the published
  /// versions when it fails and one was published since.
  func validate(_ batch: SyncBatch, commune: CommuneCode, province: String) async -> Result<
    ValidatedBatch, APIError
  > {
    let first = state.withLock { $0.validator }.validate(batch, commune: commune, province: province)
    guard case .failure = first, let refreshed = await refreshed() else { return first }
    return refreshed.validate(batch, commune: commune, province: province)
  }

  /// A validator that knows every published version, when the publications changed since the
  /// last look; nil when they did not (or cannot be read now).
  private func refreshed() async -> BatchValidator? {
    guard let generation = try? await repository.publicationGeneration(),
      generation != state.withLock({ $0.generation }),
      let packages = try? await repository.coursePackages(),
      let key = try? await repository.publishingPublicKey()
    else { return nil }
    let trusted: Set<String> = [key]
    var content = base
    for package in packages {
      guard let published = knownContent(of: package, trusted: trusted) else { continue }
      content.formUnion(published)
    }
    return state.withLock { state in
      state.generation = generation
      state.validator.content = content
      return state.validator
    }
  }

  /// The content of one published package, loaded over the server's courses.
  private func knownContent(of package: Data, trusted: Set<String>) -> KnownContent? {
    let scratch = FileManager.default.temporaryDirectory.appendingPathComponent(
      "papi-server-content-\(UUID().uuidString)")
    defer { try? FileManager.default.removeItem(at: scratch) }
    do {
      let verified = try CoursePackage.verify(package, name: "course_packages", trusted: trusted)
      try InstalledCourses(root: scratch).install(verified, name: "course_packages", coursesPath: coursesPath)
    } catch {
      repository.logger.warning("published package skipped", metadata: ["error": "\(error)"])
      return nil
    }
    return CurriculumLoader().load(path: coursesPath, pulledCourses: scratch.path).library.map(
      KnownContent.init(library:))
  }
}

extension KnownContent {
  /// Adds the quizzes and questions of `other`.
  mutating func formUnion(_ other: KnownContent) {
    quizzes.merge(other.quizzes) { $0.union($1) }
    questions.formUnion(other.questions)
  }
}
