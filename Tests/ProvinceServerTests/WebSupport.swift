import Foundation
import PapiTrainTesting
import ProvinceServerTesting
import Testing

/// The leaders' pages through curl, the way a browser without script talks to them: cookies
/// kept from one request to the next, redirects not followed (a test looks at each).
struct WebClient {
  let base: String
  var cookies: [String: String] = [:]

  /// What came back.
  struct Reply {
    var status: Int
    var headers: [(name: String, value: String)]
    var body: String

    func header(_ name: String) -> [String] {
      headers.filter { $0.name.lowercased() == name.lowercased() }.map(\.value)
    }

    /// The `Set-Cookie` header for cookie `name`.
    func setCookie(_ name: String) -> String? { header("Set-Cookie").first { $0.hasPrefix(name + "=") } }

    /// The CSRF token of the page's first form.
    var csrf: String? {
      guard let start = body.range(of: "name=\"csrf\" value=\""),
        let end = body.range(of: "\"", range: start.upperBound..<body.endIndex)
      else { return nil }
      return String(body[start.upperBound..<end.lowerBound])
    }
  }

  init(base: String) { self.base = base }

  mutating func get(_ path: String) throws -> Reply { try send("GET", path, body: nil) }

  /// POSTs `fields` as a form.
  mutating func post(_ path: String, _ fields: [(String, String)]) throws -> Reply {
    let body = fields.map { name, value in
      let allowed = CharacterSet.alphanumerics.union(CharacterSet(charactersIn: "-._~"))
      return name + "=" + (value.addingPercentEncoding(withAllowedCharacters: allowed) ?? "")
    }.joined(separator: "&")
    return try send("POST", path, body: body)
  }

  mutating func send(_ method: String, _ path: String, body: String?) throws -> Reply {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/curl")
    var arguments = ["-sS", "-D", "-", "-X", method, base + path]
    if !cookies.isEmpty {
      arguments += [
        "-H", "Cookie: " + cookies.sorted { $0.key < $1.key }.map { "\($0)=\($1)" }.joined(separator: "; "),
      ]
    }
    let input = Pipe()
    if body != nil {
      arguments += ["-H", "Content-Type: application/x-www-form-urlencoded", "--data-binary", "@-"]
    }
    process.arguments = arguments
    process.standardInput = input
    let output = Pipe()
    process.standardOutput = output
    try process.run()
    input.fileHandleForWriting.write(Data((body ?? "").utf8))
    try input.fileHandleForWriting.close()
    let data = output.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    let reply = try Self.parse(String(decoding: data, as: UTF8.self))
    keepCookies(reply)
    return reply
  }

  static func parse(_ text: String) throws -> Reply {
    guard let split = text.range(of: "\r\n\r\n") else {
      throw FixtureError("no HTTP reply: \(text.prefix(300))")
    }
    let lines = text[..<split.lowerBound].components(separatedBy: "\r\n")
    let status = Int(lines.first?.split(separator: " ").dropFirst().first ?? "") ?? 0
    let headers = lines.dropFirst().compactMap { line -> (String, String)? in
      guard let colon = line.firstIndex(of: ":") else { return nil }
      return (String(line[..<colon]), line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces))
    }
    return Reply(
      status: status, headers: headers.map { (name: $0.0, value: $0.1) },
      body: String(text[split.upperBound...]))
  }

  private mutating func keepCookies(_ reply: Reply) {
    for header in reply.header("Set-Cookie") {
      let pair = header.split(separator: ";")[0].split(
        separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
      guard pair.count == 2 else { continue }
      let name = String(pair[0])
      if pair[1].isEmpty || header.contains("Max-Age=0") {
        cookies[name] = nil
      } else {
        cookies[name] = String(pair[1])
      }
    }
  }

  /// Signs in as `name`: the form, then the post; returns the post's reply.
  @discardableResult
  mutating func signIn(_ name: String, _ passphrase: String) throws -> Reply {
    let form = try get("/leaders/sign-in")
    return try post(
      "/leaders/sign-in", [("csrf", form.csrf ?? ""), ("name", name), ("passphrase", passphrase)])
  }
}

extension Province {
  /// The classes of the machine's results file (its id and code), read with sqlite3.
  func machineClasses() throws -> [(id: UUID, code: String)] {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/sqlite3")
    process.arguments = [
      "-separator", "|", results.appendingPathComponent("\(Province.commune).sqlite").path,
      "SELECT id, code FROM classes ORDER BY code",
    ]
    let output = Pipe()
    process.standardOutput = output
    try process.run()
    let text = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
    process.waitUntilExit()
    return text.split(separator: "\n").compactMap { line in
      let parts = line.split(separator: "|", maxSplits: 1)
      guard parts.count == 2, let id = UUID(uuidString: String(parts[0])) else { return nil }
      return (id, String(parts[1]))
    }
  }

  /// A leader's passphrase in the tests.
  static let leaderPassphrase = "đồng lúa chín 2026"

  /// Adds leader `name` of Lai Châu (12) through `papi-server leaders add`, the passphrase on
  /// standard input.
  func addLeader(_ name: String = "lanh.dao") throws {
    let run = try papiServer(
      ["leaders", "add", name, "--province", "12"], input: Province.leaderPassphrase + "\n")
    #expect(run.status == 0, "\(run.output) \(run.error)")
  }

  /// A class of `commune` (registered in province `province` first), written straight into the
  /// server's tables as a synced class would be; its id.
  @discardableResult
  func insertClass(
    code: String, id: UUID = UUID(), commune: String = Province.commune, province: String = "12"
  ) throws -> UUID {
    try cluster.psql(
      database,
      """
      INSERT INTO communes (code, province_code, name) VALUES ('\(commune)', '\(province)', 'Xã \(commune)')
        ON CONFLICT (code) DO NOTHING;
      INSERT INTO classes (id, commune_code, code, name, trainer, place, status, opened_at, ends_on,
        closed_at, updated_at)
      VALUES ('\(id.uuidString.lowercased())', '\(commune)', '\(code)', 'Lớp \(code)', 'Giàng A Páo',
        'Hội trường xã', 'closed', '2026-11-02', '2026-11-04', now(), now())
      """)
    return id
  }
}

extension Province {
  /// The province's readiness as `papi-server readiness --json` computes it in SQL: the commune's
  /// score per dimension (nil: insufficient data).
  func sqlReadiness(approvedOnly: Bool, commune: String = Province.commune) throws -> [String: Double?] {
    let run = try papiServer(
      ["readiness", "--province", "12", "--json"] + (approvedOnly ? ["--approved-only"] : []))
    #expect(run.status == 0, "\(run.error)")
    let document = try JSONSerialization.jsonObject(with: Data(run.output.utf8)) as? [String: Any]
    let communes = document?["communes"] as? [[String: Any]] ?? []
    let row = try #require(communes.first { $0["code"] as? String == commune })
    let cells = row["dimensions"] as? [[String: Any]] ?? []
    return Dictionary(
      uniqueKeysWithValues: cells.map { cell in (cell["code"] as? String ?? "", cell["score"] as? Double) })
  }
}
