import Crypto
import Foundation
import PostgresNIO
import Units

/// A signed-in leader's session: who, and the token every form of theirs must carry.
struct WebSession: Sendable, Hashable {
  var leader: Leader
  /// The CSRF token: a hidden field of every form, checked on every POST.
  var csrfToken: String
  /// The name of the leader's province in the units list (the pages' frame shows it), if known.
  var provinceName: String?
}

/// Random tokens for cookies and forms, and how they are kept.
enum WebToken {
  /// 32 random bytes in base64url without padding (43 characters, safe in a cookie).
  static func random() -> String {
    var generator = SystemRandomNumberGenerator()
    let bytes = (0..<32).map { _ in UInt8.random(in: .min ... .max, using: &generator) }
    return Data(bytes).base64EncodedString().replacingOccurrences(of: "+", with: "-")
      .replacingOccurrences(of: "/", with: "_").replacingOccurrences(of: "=", with: "")
  }

  /// What the database keeps of a session's token: its SHA-256 in hex, so a copy of the
  /// database opens no session.
  static func hash(_ token: String) -> String {
    SHA256.hash(data: Data(token.utf8)).map { String(format: "%02x", $0) }.joined()
  }

  /// Whether two tokens are equal, compared in constant time.
  static func same(_ a: String, _ b: String) -> Bool {
    let a = Array(a.utf8)
    let b = Array(b.utf8)
    guard a.count == b.count, !a.isEmpty else { return false }
    return zip(a, b).reduce(UInt8(0)) { $0 | ($1.0 ^ $1.1) } == 0
  }

  /// Whether `text` looks like a token this server made.
  static func isWellFormed(_ text: String) -> Bool {
    text.utf8.count == 43
      && text.utf8.allSatisfy { byte in
        (0x30...0x39).contains(byte) || (0x41...0x5A).contains(byte) || (0x61...0x7A).contains(byte)
          || byte == 0x2D || byte == 0x5F
      }
  }
}

extension ProvinceRepository {
  /// A session lasts while it is used: it ends after ``sessionIdleMinutes`` without a request,
  /// and at the latest ``sessionHours`` after signing in.
  static let sessionIdleMinutes = 30
  static let sessionHours = 12
  /// How often a session's expiry is moved on at most.
  static let sessionTouchSeconds = 60

  /// Opens a session for `leader`; returns the cookie's token (only its hash is kept) and the
  /// session. Sessions that have expired are forgotten on the way.
  func openSession(for leader: Leader) async throws -> (token: String, session: WebSession) {
    let token = WebToken.random()
    let csrf = WebToken.random()
    let idle = "\(Self.sessionIdleMinutes) minutes"
    try await client.query("DELETE FROM web_sessions WHERE expires_at <= now()", logger: logger)
    try await client.query(
      """
      INSERT INTO web_sessions (token_hash, leader, csrf_token, expires_at)
      VALUES (\(WebToken.hash(token)), \(leader.name), \(csrf), now() + \(idle)::interval)
      """, logger: logger)
    return (token, WebSession(leader: leader, csrfToken: csrf))
  }

  /// The live session of the cookie's `token`, its expiry moved on; nil when there is none or it
  /// has expired, or its leader was disabled.
  ///
  /// The expiry moves on at most once every ``sessionTouchSeconds``: a page asked for within that
  /// time of the last one only reads the session, so that a leader's requests write nothing (a
  /// read commits without waiting for the disk). A session may so end up to that long before it
  /// has been idle for ``sessionIdleMinutes``.
  func session(token: String) async throws -> WebSession? {
    guard WebToken.isWellFormed(token) else { return nil }
    let idle = "\(Self.sessionIdleMinutes) minutes"
    let longest = "\(Self.sessionHours) hours"
    let touch = "\(Self.sessionTouchSeconds) seconds"
    let rows = try await client.query(
      """
      WITH found AS (
        SELECT s.token_hash, s.last_seen_at, s.csrf_token, l.name, l.province_code, l.created_at
        FROM web_sessions s JOIN leaders l ON l.name = s.leader
        WHERE s.token_hash = \(WebToken.hash(token)) AND s.expires_at > now() AND l.disabled_at IS NULL),
      touched AS (
        UPDATE web_sessions s SET last_seen_at = now(),
          expires_at = least(now() + \(idle)::interval, s.created_at + \(longest)::interval)
        FROM found f
        WHERE s.token_hash = f.token_hash AND f.last_seen_at < now() - \(touch)::interval
        RETURNING s.token_hash)
      SELECT name, province_code, created_at, csrf_token FROM found
      """, logger: logger)
    for try await (name, province, created, csrf) in rows.decode((String, String, Date, String).self) {
      return WebSession(
        leader: Leader(name: name, province: try UnitCode(province), createdAt: created), csrfToken: csrf)
    }
    return nil
  }

  /// Ends the session of `token`.
  func closeSession(token: String) async throws {
    try await client.query(
      "DELETE FROM web_sessions WHERE token_hash = \(WebToken.hash(token))", logger: logger)
  }
}
