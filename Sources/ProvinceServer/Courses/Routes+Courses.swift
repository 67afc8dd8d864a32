import Crypto
import Foundation
import Hummingbird
import NIOCore
import SyncProtocol

/// The published course versions, for enrolled machines only (signed requests, as sync's):
/// `GET /v1/courses` lists them, `GET /v1/courses/{course}/{version}` serves one package as it
/// was published. The machine trusts a package for its signature with the publishing key it
/// learnt at enrolment, not for where it came from.
extension Routes {
  func addCourseRoutes(to router: Router<BasicRequestContext>) {
    router.get("v1/courses") { request, _ in await guarded { try await courseList(request) } }
    router.get("v1/courses/:course/:version") { request, context in
      await guarded { try await coursePackage(request, context: context) }
    }
  }

  func courseList(_ request: Request) async throws -> Response {
    let body = try await Self.body(request)
    _ = try await authenticate(request, body: body)
    return Self.json(PublishedCourseList(courses: try await repository.publishedCourses()), status: .ok)
  }

  func coursePackage(_ request: Request, context: BasicRequestContext) async throws -> Response {
    let body = try await Self.body(request)
    let device = try await authenticate(request, body: body)
    guard let course = context.parameters.get("course"), let version = context.parameters.get("version"),
      let package = try await repository.coursePackage(course: course, version: version)
    else { throw Refusal(.notFound, "unknown-course-version", .notFound) }
    logger.info(
      "course package served",
      metadata: ["commune": "\(device.machine.commune)", "course": "\(course)", "version": "\(version)"])
    return Response(
      status: .ok, headers: [.contentType: "application/json"],
      body: ResponseBody(byteBuffer: ByteBuffer(bytes: package)))
  }

  /// The public half of the publishing key, given to a machine at enrolment; nil before the
  /// province has one (`papi-server enrol` makes it with the first code, so only a code made
  /// otherwise meets none).
  func publisherKey() async throws -> String? {
    try await repository.publishingPublicKey()
  }
}
