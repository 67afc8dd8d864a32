import Access
import CoursePublishing
import Foundation
import Gradebook
import Localization
import SyncProtocol

/// The second half of `papi-train sync`: the course versions the province publishes. For each
/// course, the version published last is installed unless this machine has it already. Each
/// package is untrusted input: it is installed through ``CourseDistribution`` only when it is
/// signed by the publishing key this machine learnt at enrolment and passes every check; a
/// refused package is reported with the reason and nothing of it is installed, and the shell
/// keeps teaching the version it had.
public struct CoursePuller: Sendable {
  public var connection: SyncConnection
  /// The province's publishing key (base64), from enrolment.
  public var publisherKey: String
  /// The shipped courses, which a pulled version is loaded over before it is installed.
  public var coursesPath: String
  public var installed: InstalledCourses

  public init(
    connection: SyncConnection, publisherKey: String, coursesPath: String, installed: InstalledCourses
  ) {
    self.connection = connection
    self.publisherKey = publisherKey
    self.coursesPath = coursesPath
    self.installed = installed
  }

  /// Installs the current version of each published course this machine lacks.
  public func run() async throws -> CoursePullReport {
    let list: PublishedCourseList = try await connection.send(
      "GET", "/v1/courses", body: Data(), signed: true)
    let current = list.courses.filter(\.current)
    guard !current.isEmpty else { return CoursePullReport(messages: [.nonePublished]) }
    let have = Dictionary(
      installed.manifests().map { ($0.course, $0) }, uniquingKeysWith: { first, _ in first })
    let wanted = current.filter { course in
      have[course.course].map { $0.version != course.version || $0.keyID != course.keyID } ?? true
    }
    guard !wanted.isEmpty else { return CoursePullReport(messages: [.upToDate(courses: current.count)]) }
    var messages: [CoursePullMessage] = []
    for course in wanted {
      try Task.checkCancellation()
      messages.append(try await pull(course))
    }
    return CoursePullReport(messages: messages)
  }

  /// Fetches one package and installs it, or says why not.
  func pull(_ course: PublishedCourse) async throws -> CoursePullMessage {
    let name = "\(course.course)-\(course.version).\(CoursePackage.fileExtension)"
    guard Self.isPlain(course.course), Self.isPlain(course.version) else {
      let refusal = CoursePackageMessage.badCourseID(package: name, id: "\(course.course) \(course.version)")
      return .refused(
        package: name, reason: refusal.text(in: .vietnamese), reasonEnglish: refusal.text(in: .english))
    }
    let data = try await connection.sendForData("GET", course.packagePath, body: Data(), signed: true)
    do {
      _ = try CourseDistribution.install(
        data, name: name, trusted: [publisherKey], coursesPath: coursesPath, into: installed)
      return .installed(course: course.course, version: course.version)
    } catch let refusal as any LocalizedMessage & Error {
      return .refused(
        package: name, reason: refusal.text(in: .vietnamese), reasonEnglish: refusal.text(in: .english))
    }
  }

  /// A course id or version that can be one segment of a path: letters, digits, `.`, `-`, `_`,
  /// not starting with a dot.
  static func isPlain(_ text: String) -> Bool {
    !text.isEmpty && text.utf8.count <= 100 && !text.hasPrefix(".")
      && text.utf8.allSatisfy { byte in
        (0x30...0x39).contains(byte) || (0x41...0x5A).contains(byte) || (0x61...0x7A).contains(byte)
          || byte == 0x2D || byte == 0x2E || byte == 0x5F
      }
  }
}

/// What pulling courses came to.
public struct CoursePullReport: Sendable, Hashable {
  public var messages: [CoursePullMessage]

  public init(messages: [CoursePullMessage]) { self.messages = messages }

  /// Whether a package was refused.
  public var refused: Bool {
    messages.contains {
      if case .refused = $0 { return true }
      return false
    }
  }
}

/// What `papi-train sync` says about courses, Vietnamese first.
public enum CoursePullMessage: Error, MessageCatalogue, Hashable {
  case installed(course: String, version: String)
  case refused(package: String, reason: String, reasonEnglish: String)
  case upToDate(courses: Int)
  case nonePublished
  case noPublisherKey

  public func text(in language: Language) -> String {
    let vi = language == .vietnamese
    switch self {
    case .installed(let course, let version):
      return vi
        ? "Đã nhận khoá học \(course) phiên bản \(version) do tỉnh công bố (chữ ký hợp lệ); từ giờ máy dạy phiên bản này"
        : "Received course \(course) version \(version) published by the province (signature verified); this machine teaches it from now on"
    case .refused(let package, let reason, let reasonEnglish):
      return vi
        ? "không cài \(package): \(reason). Máy vẫn dạy phiên bản đang có"
        : "not installed \(package): \(reasonEnglish). This machine keeps teaching the version it has"
    case .upToDate(let courses):
      return vi
        ? "Khoá học trên máy đã là các phiên bản tỉnh đang dùng (\(courses) khoá)"
        : "The courses here are the province's current versions (\(courses))"
    case .nonePublished:
      return vi
        ? "Tỉnh chưa công bố phiên bản khoá học nào" : "The province has published no course version yet"
    case .noPublisherKey:
      return vi
        ? "máy này đăng ký khi tỉnh chưa có khoá công bố khoá học: chạy lại papi-train sync enrol ĐỊA_CHỈ MÃ để nhận khoá"
        : "this machine was enrolled before the province had a course publishing key: run papi-train sync enrol URL CODE again to receive it"
    }
  }

  public static let samples: [CoursePullMessage] = [
    .installed(course: "one-stop-shop", version: "2.1.0"),
    .refused(
      package: "one-stop-shop-2.1.0.papicourse",
      reason: "one-stop-shop-2.1.0.papicourse: chữ ký sai, gói đã bị sửa hoặc giả mạo",
      reasonEnglish: "one-stop-shop-2.1.0.papicourse: the signature does not verify"),
    .upToDate(courses: 4), .nonePublished, .noPublisherKey,
  ]
}

extension SyncRun {
  /// What one `papi-train sync` did: the push of results, then the courses pulled.
  public struct Outcome: Sendable, Hashable {
    public var push: SyncMessage
    public var courses: CoursePullReport
  }

  /// Pushes this commune's results (a machine with none yet goes on), then pulls the province's
  /// current course versions over the shipped courses at `coursesPath`.
  public static func sync(
    results: ResultsDirectory, coursesPath: String, environment: [String: String], observer: Observer
  ) async throws -> Outcome {
    let pushed: SyncMessage
    do {
      pushed = try await push(results: results, environment: environment, observer: observer)
    } catch SyncMessage.noResults(let commune) {
      pushed = .noResults(commune: commune)
    }
    let courses = try await pullCourses(
      coursesPath: coursesPath, environment: environment, observer: observer)
    return Outcome(push: pushed, courses: courses)
  }

  /// Pulls the province's current course versions into this machine's pulled courses.
  public static func pullCourses(coursesPath: String, environment: [String: String], observer: Observer)
    async throws -> CoursePullReport
  {
    guard let settings = try SyncSettings.load(from: SyncSettings.url(environment: environment)) else {
      throw SyncMessage.notEnrolled
    }
    guard let publisherKey = settings.publisherKey else {
      return CoursePullReport(messages: [.noPublisherKey])
    }
    let key = try MachineKey.loadOrCreate(at: MachineKey.defaultURL(environment: environment))
    var connection = SyncConnection(server: try SyncConnection.serverURL(settings.server), key: key)
    connection.onRetry = observer.retry
    if let tries = environment["PAPI_SYNC_TRIES"].flatMap(Int.init), tries > 0 { connection.tries = tries }
    let puller = CoursePuller(
      connection: connection, publisherKey: publisherKey, coursesPath: coursesPath,
      installed: InstalledCourses.default(environment: environment))
    return try await puller.run()
  }
}
