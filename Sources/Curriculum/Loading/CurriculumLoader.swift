import Foundation
import Toolkit
import UserFolders

/// What loading a Courses/ folder produced: the library (when the files could be read at all) and
/// every problem found, errors and warnings, in file order.
public struct LoadedCurriculum: Sendable {
  public var library: CourseLibrary?
  public var diagnostics: [Diagnostic]

  public var errors: [Diagnostic] { diagnostics.filter { $0.severity == .error } }
  public var warnings: [Diagnostic] { diagnostics.filter { $0.severity == .warning } }
  /// Whether the content can be taught: it loaded and has no errors.
  public var isValid: Bool { library != nil && errors.isEmpty }
}

/// Loads and validates course content from disk.
///
/// ```swift
/// let loaded = CurriculumLoader().load(path: "Courses")
/// for diagnostic in loaded.diagnostics { print(diagnostic.formatted(in: .english)) }
/// ```
public struct CurriculumLoader: Sendable {
  /// The name of the taxonomy file, looked for in the folder loaded and the folders above it.
  public static let taxonomyFileName = "papi-taxonomy.yaml"
  /// The name of the positions file, looked for beside the taxonomy file.
  public static let positionsFileName = "positions.yaml"
  /// The name of the legal-source registry, looked for beside the taxonomy file.
  public static let registryFileName = "legal-sources.yaml"
  /// The name of the file that makes a folder a course.
  public static let courseFileName = "course.yaml"

  public init() {}

  /// Loads `path`: a Courses/ folder with course folders in it, or one course folder.
  ///
  /// - Parameters:
  ///   - path: the Courses/ folder, or one course folder.
  ///   - taxonomyPath: the taxonomy file to use; by default `papi-taxonomy.yaml` in `path` or the
  ///     nearest folder above it. `positions.yaml` is read from beside it.
  ///   - pulledCourses: a folder of course versions pulled from the province (one course folder
  ///     each, see ``pulledCoursesURL(environment:)``); a course there replaces the course of
  ///     `path` with the same id, whatever their versions, and a new id is added.
  public func load(path: String, taxonomyPath: String? = nil, pulledCourses: String? = nil)
    -> LoadedCurriculum
  {
    let fileManager = FileManager.default
    let log = DiagnosticLog()
    let root = URL(fileURLWithPath: path).standardizedFileURL
    let start = SourceLocation(file: path, line: 1, column: 1)

    var isDirectory: ObjCBool = false
    guard fileManager.fileExists(atPath: root.path, isDirectory: &isDirectory), isDirectory.boolValue else {
      log.error(.unreadableFile(reason: "not a folder"), at: start)
      return LoadedCurriculum(library: nil, diagnostics: log.diagnostics)
    }

    // The taxonomy and the positions beside it.
    let taxonomyDisplay: String
    let taxonomyURL: URL
    if let taxonomyPath {
      taxonomyDisplay = taxonomyPath
      taxonomyURL = URL(fileURLWithPath: taxonomyPath)
    } else if let found = Self.findUpward(Self.taxonomyFileName, from: root, fileManager: fileManager) {
      taxonomyURL = found.url
      taxonomyDisplay = Self.display(found.url, levelsUp: found.levelsUp, root: path)
    } else {
      log.error(.missingTaxonomy(searchedFrom: path), at: start)
      return LoadedCurriculum(library: nil, diagnostics: log.diagnostics)
    }
    let taxonomy = TaxonomyLoader.loadTaxonomy(taxonomyURL, displayPath: taxonomyDisplay, log: log)
    let positionsURL = taxonomyURL.deletingLastPathComponent().appendingPathComponent(Self.positionsFileName)
    let positionsDisplay = join(
      (taxonomyDisplay as NSString).deletingLastPathComponent, Self.positionsFileName)
    var positions: [Position] = []
    if fileManager.fileExists(atPath: positionsURL.path) {
      positions = TaxonomyLoader.loadPositions(positionsURL, displayPath: positionsDisplay, log: log)
    } else {
      log.error(.missingPositions(expected: positionsDisplay), at: start)
    }

    // The legal-source registry beside them, when there is one.
    let registryURL = taxonomyURL.deletingLastPathComponent().appendingPathComponent(Self.registryFileName)
    var registry: LegalRegistry?
    if fileManager.fileExists(atPath: registryURL.path) {
      let display = join((taxonomyDisplay as NSString).deletingLastPathComponent, Self.registryFileName)
      registry = LegalRegistryLoader.load(registryURL, displayPath: display, log: log)
    }

    // The courses: the folder itself, or the folders in it that hold a course file.
    var courseFolders: [(url: URL, display: String)] = []
    if fileManager.fileExists(atPath: root.appendingPathComponent(Self.courseFileName).path) {
      courseFolders = [(root, path)]
    } else {
      let names = (try? fileManager.contentsOfDirectory(atPath: root.path)) ?? []
      for name in names.sorted() where !name.hasPrefix(".") {
        let folder = root.appendingPathComponent(name)
        if fileManager.fileExists(atPath: folder.appendingPathComponent(Self.courseFileName).path) {
          courseFolders.append((folder, join(path, name)))
        }
      }
    }
    if courseFolders.isEmpty {
      log.error(.noCourses(directory: path), at: start)
    }
    let pulledFolders = pulledCourses.map { Self.courseFolders(in: $0, fileManager: fileManager) } ?? []
    let courses = Self.loadCourses(in: courseFolders, over: pulledFolders, into: log)

    guard let taxonomy else {
      return LoadedCurriculum(library: nil, diagnostics: log.diagnostics.sorted())
    }
    var library = CourseLibrary(
      taxonomy: taxonomy, positions: positions, registry: registry, courses: courses)
    CurriculumValidator(library: library, log: log).validate()
    if let registry { library.courses = library.courses.map { $0.citingNames(from: registry) } }
    return LoadedCurriculum(library: library, diagnostics: log.diagnostics.sorted())
  }

  /// Reads the course folders on every core, each with a log of its own; the courses come back
  /// in folder order (a pulled course in the place of the one it replaces, new ones last) and
  /// their diagnostics join `log`; a replaced course is neither kept nor reported on.
  private static func loadCourses(
    in folders: [(url: URL, display: String)], over pulled: [(url: URL, display: String)],
    into log: DiagnosticLog
  ) -> [Course] {
    let loaded = concurrentMap(folders + pulled) { folder in
      let courseLog = DiagnosticLog()
      let course = CourseLoader(
        directory: folder.url, displayPath: folder.display, log: courseLog, fileManager: FileManager()
      ).load()
      return (course: course, diagnostics: courseLog.diagnostics)
    }
    let shipped = loaded.prefix(folders.count)
    let pulledLoaded = loaded.dropFirst(folders.count)
    let pulledByID = Dictionary(
      pulledLoaded.compactMap { result in result.course.map { ($0.id, result) } }, uniquingKeysWith: { $1 })
    var used: Set<String> = []
    var courses: [Course] = []
    for result in shipped {
      if let id = result.course?.id, let replacement = pulledByID[id] {
        used.insert(id)
        log.append(replacement.diagnostics)
        if let course = replacement.course { courses.append(course) }
        continue
      }
      log.append(result.diagnostics)
      if let course = result.course { courses.append(course) }
    }
    for result in pulledLoaded where result.course.map({ !used.contains($0.id) }) ?? true {
      log.append(result.diagnostics)
      if let course = result.course { courses.append(course) }
    }
    return courses
  }

  /// Where `papi-train sync` and `courses install` put the course versions they pull:
  /// `$XDG_DATA_HOME/papi-train/courses` (else `~/.local/share/papi-train/courses`).
  public static func pulledCoursesURL(environment: [String: String]) -> URL {
    UserFolder.data.url(environment: environment).appendingPathComponent("courses")
  }

  /// The folders in `path` that hold a course file, skipping hidden ones (a pull's staging).
  private static func courseFolders(in path: String, fileManager: FileManager) -> [(
    url: URL, display: String
  )] {
    let root = URL(fileURLWithPath: path).standardizedFileURL
    let names = (try? fileManager.contentsOfDirectory(atPath: root.path)) ?? []
    return names.sorted().filter { !$0.hasPrefix(".") }.map { root.appendingPathComponent($0) }
      .filter { fileManager.fileExists(atPath: $0.appendingPathComponent(courseFileName).path) }
      .map { ($0, $0.path) }
  }

  /// Like ``load(path:taxonomyPath:pulledCourses:)``, but through `cache`: content already loaded and
  /// validated, from exactly the same files by the same papi-train, is read back from the cache
  /// instead of being parsed again. Without a cache (or without a way to tell which papi-train
  /// this is) it loads as usual.
  public func load(
    path: String, taxonomyPath: String? = nil, pulledCourses: String? = nil, cache: CurriculumCache?
  ) -> LoadedCurriculum {
    guard let cache, let key = cacheKey(path: path, taxonomyPath: taxonomyPath, pulledCourses: pulledCourses)
    else {
      return load(path: path, taxonomyPath: taxonomyPath, pulledCourses: pulledCourses)
    }
    if let cached = cache.entry(for: key) { return cached }
    let loaded = load(path: path, taxonomyPath: taxonomyPath, pulledCourses: pulledCourses)
    cache.writing { [self] in
      // Files edited while they were being read: keep nothing rather than a mixture under a key.
      if cacheKey(path: path, taxonomyPath: taxonomyPath, pulledCourses: pulledCourses) == key {
        cache.store(loaded, for: key)
      }
    }
    return loaded
  }

  /// The hash of everything a load of `path` reads and of the binary reading it, or nil when the
  /// binary cannot be identified.
  func cacheKey(path: String, taxonomyPath: String?, pulledCourses: String? = nil) -> String? {
    let fileManager = FileManager.default
    guard let binary = try? fileManager.destinationOfSymbolicLink(atPath: "/proc/self/exe"),
      let attributes = try? fileManager.attributesOfItem(atPath: binary),
      let size = attributes[.size] as? Int, let modified = attributes[.modificationDate] as? Date
    else { return nil }
    var hash = ContentHash()
    for part in [
      CurriculumCache.format, binary, "\(size)", "\(modified.timeIntervalSince1970)", path,
      taxonomyPath ?? "", pulledCourses ?? "",
    ] {
      hash.add(part)
    }
    let root = URL(fileURLWithPath: path).standardizedFileURL
    var files: [String] = []
    for folder in [root] + (pulledCourses.map { [URL(fileURLWithPath: $0).standardizedFileURL] } ?? []) {
      guard
        let walker = fileManager.enumerator(
          at: folder, includingPropertiesForKeys: [.isRegularFileKey], options: [.skipsHiddenFiles])
      else { continue }
      for case let url as URL in walker
      where (try? url.resourceValues(forKeys: [.isRegularFileKey]).isRegularFile) == true {
        files.append(url.standardizedFileURL.path)
      }
    }
    let taxonomy =
      taxonomyPath.map { URL(fileURLWithPath: $0) }
      ?? Self.findUpward(Self.taxonomyFileName, from: root, fileManager: fileManager)?.url
    if let taxonomy {
      files.append(taxonomy.standardizedFileURL.path)
      for name in [Self.positionsFileName, Self.registryFileName] {
        files.append(
          taxonomy.deletingLastPathComponent().appendingPathComponent(name).standardizedFileURL.path)
      }
    }
    for file in files.sorted() {
      hash.add(file)
      if let data = fileManager.contents(atPath: file) {
        hash.add("+")
        hash.add(data)
      } else {
        hash.add("-")
      }
    }
    return hash.value
  }

  private static func findUpward(
    _ name: String, from folder: URL, fileManager: FileManager
  ) -> (url: URL, levelsUp: Int)? {
    var current = folder
    for levelsUp in 0..<32 {
      let candidate = current.appendingPathComponent(name)
      if fileManager.fileExists(atPath: candidate.path) { return (candidate, levelsUp) }
      let parent = current.deletingLastPathComponent()
      if parent.path == current.path { break }
      current = parent
    }
    return nil
  }

  /// The taxonomy's path as the user would write it, relative to the path they gave.
  private static func display(_ url: URL, levelsUp: Int, root: String) -> String {
    var base = root
    for _ in 0..<levelsUp { base = join(base, "..") }
    return join(base, url.lastPathComponent)
  }
}
