import Foundation
import PapiTrainTesting
import ProvinceServer
import ProvinceServerTesting
import Testing

/// The server as a process: health, its API document, migrations, TLS, graceful shutdown.
@Suite(.serialized, .enabled(if: serverTestsCanRun)) struct ServerTests {
  @Test func theServedAPIDocumentIsDocsOpenAPIYAML() async throws {
    let file = try String(
      contentsOf: Repository.root.appendingPathComponent("docs/openapi.yaml"), encoding: .utf8)
    #expect(APIDocument.text == file)
    let province = try Province()
    let served = try await province.request("GET", "/openapi.yaml")
    #expect(served.status == 200)
    #expect(String(decoding: served.body, as: UTF8.self) == file)
    let health = try await province.request("GET", "/health")
    #expect(health.status == 200)
    #expect(String(decoding: health.body, as: UTF8.self).contains("\"database\":\"ok\""))
  }

  @Test func migrationsRecordTheirVersionAndRunOnce() throws {
    let province = try Province()
    #expect(try province.count("SELECT max(version) FROM schema_migrations") == Migrations.latestVersion)
    // Versions are applied by number, and may have gaps while branches land (v5 before v3).
    let applied = try province.count("SELECT count(*) FROM schema_migrations")
    let again = try province.papiServer(["migrate"])
    #expect(again.status == 0, "\(again.error)")
    #expect(try province.count("SELECT count(*) FROM schema_migrations") == applied)
    #expect(
      try province.count(
        "SELECT count(*) FROM pg_partitioned_table p JOIN pg_class c ON c.oid = p.partrelid WHERE c.relname = 'answers'"
      )
        == 1)
  }

  @Test func itServesOverTLSWithTheCertificateGivenAndStopsGracefully() throws {
    let folder = try TemporaryFolder("papi-tls")
    let openssl = Process()
    openssl.executableURL = URL(fileURLWithPath: "/usr/bin/openssl")
    openssl.arguments = [
      "req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1", "-nodes", "-days", "1",
      "-subj",
      "/CN=127.0.0.1", "-addext", "subjectAltName=IP:127.0.0.1", "-keyout", folder.path("key.pem"), "-out",
      folder.path("cert.pem"),
    ]
    openssl.standardError = FileHandle.nullDevice
    try openssl.run()
    openssl.waitUntilExit()
    #expect(openssl.terminationStatus == 0)
    let cluster = try TemporaryPostgres.shared()
    let server = try ServerProcess.start(
      databaseURL: try cluster.createDatabase(),
      extra: ["--tls-cert", folder.path("cert.pem"), "--tls-key", folder.path("key.pem")])
    #expect(server.url.hasPrefix("https://"))
    let curl = Process()
    curl.executableURL = URL(fileURLWithPath: "/usr/bin/curl")
    curl.arguments = ["-sS", "--cacert", folder.path("cert.pem"), server.url + "/health"]
    let output = Pipe()
    curl.standardOutput = output
    try curl.run()
    let body = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
    curl.waitUntilExit()
    #expect(body.contains("\"status\":\"ok\""), "\(body)")
    #expect(server.stop() == 0, "SIGTERM ends the server gracefully: \(server.logText)")
  }
}
