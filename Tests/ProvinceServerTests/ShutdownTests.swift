import Foundation
import PapiTrainTesting
import ProvinceServer
import ProvinceServerTesting
import Testing

#if canImport(Glibc)
  import Glibc
#endif

/// SIGTERM always stops papi-server: a graceful stop lets requests finish, but no client and no
/// unreachable database can hold it up for good.
@Suite(.serialized, .enabled(if: serverTestsCanRun)) struct ShutdownTests {
  @Test func aClientThatSentHalfARequestDoesNotHoldUpAGracefulStop() throws {
    let cluster = try TemporaryPostgres.shared()
    let server = try ServerProcess.start(databaseURL: try cluster.createDatabase())
    let port = try #require(URL(string: server.url)?.port)
    // One connection idle after a whole request, one stopped in the middle of a body.
    let idle = try RawConnection(port: port)
    try idle.send("GET /health HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n")
    #expect(try idle.receive().hasPrefix("HTTP/1.1 200"))
    let stalled = try RawConnection(port: port)
    try stalled.send(
      "POST /v1/sync/batches HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
        + "Content-Length: 100\r\n\r\n{\"format\":")
    Thread.sleep(forTimeInterval: 0.5)
    let started = Date()
    let status = server.stop(grace: 40)
    let took = Date().timeIntervalSince(started)
    #expect(status != -1, "SIGTERM stopped the server by itself")
    #expect(took < 10 + 15, "within the grace for requests in flight (took \(took) s)")
    #expect(try idle.receive().isEmpty, "the idle connection was closed")
  }

  @Test func aStopWhileTheStartUpMigrationWaitsForTheDatabaseIsNotIgnored() throws {
    // Nothing listens on port 1: the migration waits for a database that never comes.
    let process = Process()
    process.executableURL = ServerProcess.binary
    process.arguments = [
      "serve", "--host", "127.0.0.1", "--port", "0", "--database-url", "postgres://papi@127.0.0.1:1/none",
      "--courses", Repository.courses.path,
    ]
    process.standardOutput = FileHandle.nullDevice
    process.standardError = FileHandle.nullDevice
    process.standardInput = FileHandle.nullDevice
    try process.run()
    defer { if process.isRunning { kill(process.processIdentifier, SIGKILL) } }
    Thread.sleep(forTimeInterval: 3)
    #expect(process.isRunning, "still waiting for its database")
    kill(process.processIdentifier, SIGTERM)
    let deadline = Date().addingTimeInterval(15)
    while process.isRunning, Date() < deadline { Thread.sleep(forTimeInterval: 0.05) }
    #expect(!process.isRunning, "SIGTERM stops a server that is still starting")
  }
}

/// A TCP connection to the server on loopback, written and read byte for byte.
final class RawConnection {
  let descriptor: Int32

  init(port: Int) throws {
    descriptor = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
    var address = sockaddr_in()
    address.sin_family = sa_family_t(AF_INET)
    address.sin_port = in_port_t(UInt16(port).bigEndian)
    address.sin_addr.s_addr = inet_addr("127.0.0.1")
    var timeout = timeval(tv_sec: 30, tv_usec: 0)
    setsockopt(descriptor, SOL_SOCKET, SO_RCVTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
    let connected = withUnsafePointer(to: &address) {
      $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
        connect(descriptor, $0, socklen_t(MemoryLayout<sockaddr_in>.size))
      }
    }
    guard descriptor >= 0, connected == 0 else { throw FixtureError("cannot connect to port \(port)") }
  }

  deinit { close(descriptor) }

  func send(_ text: String) throws {
    let bytes = Array(text.utf8)
    guard write(descriptor, bytes, bytes.count) == bytes.count else { throw FixtureError("write failed") }
  }

  /// What the server sent next: empty once it closed the connection.
  func receive() throws -> String {
    var buffer = [UInt8](repeating: 0, count: 65_536)
    let count = read(descriptor, &buffer, buffer.count)
    guard count >= 0 else { throw FixtureError("read failed: \(errno)") }
    return String(decoding: buffer[0..<count], as: UTF8.self)
  }
}
