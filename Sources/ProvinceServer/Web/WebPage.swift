import Foundation
import Localization
import Reporting

/// The leaders' pages as HTML: the dashboard's look (Reporting's stylesheet), no script, every
/// text escaped, forms that carry the session's CSRF token. Vietnamese by default.
struct WebPage: Sendable {
  var language: Language = .vietnamese

  func say(_ message: WebMessage) -> String { html(message.text(in: language)) }

  /// A whole page: the frame (title, who is signed in, the links, signing out) around `body`;
  /// `current` is the path of the page among the links.
  func document(
    title: String, session: WebSession?, current: String? = nil, notice: String? = nil, body: String
  ) -> String {
    var page = """
      <!DOCTYPE html>
      <html lang="\(language == .vietnamese ? "vi" : "en")"><head><meta charset="utf-8">
      <meta name="viewport" content="width=device-width, initial-scale=1">
      <title>\(html(title)) · \(say(.siteTitle))</title>
      <style>\(DashboardRenderer.css)\n\(Self.css)</style></head><body>

      """
    if let session { page += frame(session, current: current) }
    page += "<h1>\(html(title))</h1>\n"
    if let notice { page += "<p class=\"notice\" role=\"status\">\(html(notice))</p>\n" }
    return page + body + "\n</body></html>\n"
  }

  static let css = """
    nav{display:flex;gap:16px;align-items:center;flex-wrap:wrap;border-bottom:1px solid #ccd;padding:0 0 8px;margin:0 0 12px}
    nav a{color:#1d4f8a;font-weight:600;text-decoration:none}nav a[aria-current]{color:#1d2733;border-bottom:2px solid #1d4f8a}
    nav .who{margin-left:auto;color:#566;font-size:13px}nav form{margin:0}
    .notice{background:#e8f4ec;border:1px solid #8fd19e;padding:6px 10px}.refusal{background:#fbe9e7;border:1px solid #e8736c;padding:8px 12px}
    .refusal .en{color:#566}form.review{display:inline-block;margin:2px}textarea{width:240px;height:44px;font:inherit}
    label{display:block;margin:8px 0 2px}input[type=text],input[type=password]{width:260px;padding:4px}
    button{padding:4px 10px;font:inherit;cursor:pointer}.choice a{margin-right:12px}td.note{text-align:left;max-width:280px}
    form.choose label{display:inline;margin:0 6px 0 0}form.choose{margin:4px 0 8px}
    .choice a[aria-current]{color:#1d2733;font-weight:600;text-decoration:none;border-bottom:2px solid #1d4f8a}
    @media print{nav,form,.choice{display:none}}
    """

  private func frame(_ session: WebSession, current: String?) -> String {
    let links: [(String, WebMessage)] = [
      ("/leaders/reporting", .reportingLink), ("/leaders/readiness", .readinessLink),
      ("/leaders/classes", .classesLink),
    ]
    var nav = "<nav>"
    for (path, label) in links {
      let marker = path == current ? " aria-current=\"page\"" : ""
      nav += "<a href=\"\(path)\"\(marker)>\(say(label))</a>"
    }
    nav +=
      "<span class=\"who\">\(say(.signedInAs(name: session.leader.name, province: session.provinceName ?? session.leader.province.rawValue)))</span>"
    nav += "<form method=\"post\" action=\"/leaders/sign-out\">\(tokenField(session.csrfToken))"
    nav += "<button type=\"submit\">\(say(.signOut))</button></form></nav>\n"
    return nav
  }

  /// The hidden field every form carries.
  func tokenField(_ token: String) -> String {
    "<input type=\"hidden\" name=\"csrf\" value=\"\(html(token))\">"
  }

  /// The sign-in form; `formToken` is also in the sign-in cookie.
  func signIn(formToken: String, problem: WebMessage?, notice: WebMessage? = nil) -> String {
    var body = ""
    if let problem { body += "<p class=\"refusal\" role=\"alert\">\(say(problem))</p>\n" }
    body += """
      <form method="post" action="/leaders/sign-in">\(tokenField(formToken))
      <label for="name">\(say(.nameLabel))</label><input type="text" id="name" name="name" autocomplete="username" required maxlength="100">
      <label for="passphrase">\(say(.passphraseLabel))</label><input type="password" id="passphrase" name="passphrase" autocomplete="current-password" required maxlength="1000">
      <p><button type="submit" id="sign-in">\(say(.signIn))</button></p></form>
      """
    return document(
      title: WebMessage.signInHeading.text(in: language), session: nil,
      notice: notice?.text(in: language), body: body)
  }

  /// A refusal: the reason in Vietnamese, then in English, and a way back.
  func refusal(_ reason: WebMessage, back: String, session: WebSession?) -> String {
    let body = """
      <div class="refusal" role="alert"><p>\(html(reason.text(in: .vietnamese)))</p>
      <p class="en" lang="en">\(html(reason.text(in: .english)))</p></div>
      <p><a href="\(html(back))">\(say(.backLink))</a></p>
      """
    return document(title: WebMessage.refusedHeading.text(in: language), session: session, body: body)
  }

  /// A day and time as the pages show them: `2026-12-03 14:05` in UTC.
  static func moment(_ date: Date) -> String {
    var calendar = Calendar(identifier: .gregorian)
    calendar.timeZone = TimeZone(identifier: "UTC") ?? .current
    let parts = calendar.dateComponents([.year, .month, .day, .hour, .minute], from: date)
    return String(
      format: "%04d-%02d-%02d %02d:%02d UTC", parts.year ?? 0, parts.month ?? 0, parts.day ?? 0,
      parts.hour ?? 0,
      parts.minute ?? 0)
  }
}

/// Text made safe inside HTML, in element content and in quoted attributes.
func html(_ text: String) -> String {
  // Most text (names, figures) has nothing to escape: given back as it is.
  guard text.utf8.contains(where: { $0 == 0x26 || $0 == 0x3C || $0 == 0x3E || $0 == 0x22 || $0 == 0x27 })
  else {
    return text
  }
  let replacements: [Character: String] = [
    "&": "&amp;", "<": "&lt;", ">": "&gt;", "\"": "&quot;", "'": "&#39;",
  ]
  return text.reduce(into: "") { result, character in
    if let replacement = replacements[character] { result += replacement } else { result.append(character) }
  }
}
