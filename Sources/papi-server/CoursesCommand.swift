import ArgumentParser
import Foundation
import Localization
import ProvinceServer

/// `papi-server courses publish|list|key`: the course versions the province publishes to its
/// communes, signed with the publishing key the server keeps.
struct Courses: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    abstract: "Công bố phiên bản khoá học cho các xã / publish course versions to the communes",
    subcommands: [Publish.self, List.self, Key.self])

  struct Publish: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
      abstract:
        "Kiểm tra, đóng gói, ký và công bố một thư mục khoá học / lint, pack, sign and publish a course folder"
    )
    @OptionGroup var database: DatabaseOptions
    @Argument(help: "The course folder (its course.yaml and files)") var folder: String
    @Option(help: "The province's courses, which the new version must load over") var courses = "Courses"
    @Option(help: "The taxonomy (default: found above the folder, as lint finds it)") var taxonomy: String?

    func run() async throws {
      let logger = database.logger()
      let publication = CoursePublication(folder: folder, coursesPath: courses, taxonomyPath: taxonomy)
      try await reportCourses {
        try await ServerApplication.withDatabase(try database.settings(), logger: logger) {
          [try await publication.publish(in: $0)]
        }
      }
    }
  }

  struct List: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
      abstract: "Các phiên bản đã công bố / the published versions")
    @OptionGroup var database: DatabaseOptions

    func run() async throws {
      let logger = database.logger()
      try await reportCourses {
        let published = try await ServerApplication.withDatabase(try database.settings(), logger: logger) {
          try await $0.publishedCourses()
        }
        guard !published.isEmpty else { return [CoursePublicationMessage.nonePublished] }
        return published.map {
          CoursePublicationMessage.listed(
            course: $0.course, version: $0.version, publishedAt: $0.publishedAt, keyID: $0.keyID,
            current: $0.current)
        }
      }
    }
  }

  struct Key: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
      abstract: "Khoá công bố của tỉnh / the province's publishing key (public half)")
    @OptionGroup var database: DatabaseOptions

    func run() async throws {
      let logger = database.logger()
      try await reportCourses {
        [
          try await ServerApplication.withDatabase(try database.settings(), logger: logger) {
            try await CoursePublication.keyLine(in: $0)
          }
        ]
      }
    }
  }
}

/// Prints the messages `work` returns, one a line; a refusal it throws (lint's errors, a package
/// refusal, a server message) goes to standard error and the command exits 1.
func reportCourses(_ work: () async throws -> [any LocalizedMessage]) async throws {
  do {
    for message in try await work() { print(message.text(in: language)) }
  } catch let message as any LocalizedMessage & Error {
    FileHandle.standardError.write(Data(("papi-server: " + message.text(in: language) + "\n").utf8))
    throw ExitCode.failure
  }
}
