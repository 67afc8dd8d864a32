import Foundation

/// A certificate as a printable page: one HTML file, everything inline (no script runs, nothing is
/// fetched), that prints on exactly one A4 landscape page; Vietnamese first, English beneath in
/// smaller type. The signed certificate travels inside it as JSON, and the page is made from the
/// signed facts alone, so ``CertificateVerifier`` can make it again and compare: a page edited
/// after issuing is refused.
public enum CertificatePage {
  /// The id of the `<script type="application/json">` element that holds the signed certificate.
  static let dataElement = "papi-train-certificate"

  /// The page of `certificate`: the same certificate always gives the same bytes.
  public static func html(_ certificate: SignedCertificate) throws -> String {
    let facts = certificate.facts
    let embedded = String(decoding: try certificate.json(), as: UTF8.self)
      .replacingOccurrences(of: "<", with: "\\u003c").replacingOccurrences(of: ">", with: "\\u003e")
    return """
      <!DOCTYPE html>
      <html lang="vi">
      <head>
      <meta charset="utf-8">
      <title>Giấy chứng nhận · \(escape(facts.name)) · \(certificate.code)</title>
      <style>
      \(style)
      </style>
      </head>
      <body>
      <main class="page">
      <div class="frame">
      \(body(facts, code: certificate.code, publicKey: certificate.publicKey))
      </div>
      </main>
      <script type="application/json" id="\(dataElement)">
      \(embedded)
      </script>
      </body>
      </html>

      """
  }

  /// The signed certificate inside a page, if there is one.
  static func embedded(in html: String) -> SignedCertificate? {
    guard let start = html.range(of: "<script type=\"application/json\" id=\"\(dataElement)\">"),
      let end = html.range(of: "</script>", range: start.upperBound..<html.endIndex)
    else { return nil }
    return SignedCertificate.read(json: Data(html[start.upperBound..<end.lowerBound].utf8))
  }

  private static func body(_ facts: CertificateFacts, code: String, publicKey: String) -> String {
    let classLine =
      facts.classCode.map { "\(escape(facts.classTitle)) (\(escape($0)))" } ?? escape(facts.classTitle)
    let positionEnglish = facts.position.en.map { "<span class=\"en\">\(escape($0))</span>" } ?? "<br>"
    return """
      <p class="programme">Chương trình tập huấn cán bộ, công chức cấp xã theo chỉ số PAPI
      <span class="en">Training for commune officials on the PAPI dimensions</span></p>
      <h1>Giấy chứng nhận</h1>
      <p class="subtitle">hoàn thành khoá tập huấn<span class="en">Certificate of completion</span></p>
      <p class="lead">Chứng nhận ông/bà <span class="en">This certifies that</span></p>
      <p class="name">\(escape(facts.name))</p>
      <p class="who">\(escape(facts.position.vi))\(positionEnglish)\(escape(facts.communeName)) \
      (mã \(escape(facts.communeCode)))</p>
      <p class="lead">đã hoàn thành lớp tập huấn <span class="en">has completed the training class</span></p>
      <p class="class">\(classLine)</p>
      <p class="course">Khoá học: \(escape(facts.course.vi))\(english(facts.course.en, prefix: "Course: "))</p>
      <p class="result">Đạt bài kiểm tra cuối khoá «\(escape(facts.postTest.vi))» ngày \
      \(vietnameseDate(facts.passedOn)) với kết quả <strong>\(escape(facts.score))%</strong> \
      (điểm đạt \(escape(facts.passMark))%)<span class="en">Passed the post-test \
      “\(escape(facts.postTest.en ?? facts.postTest.vi))” on \(escape(facts.passedOn)) with \
      \(escape(facts.score))% (pass mark \(escape(facts.passMark))%)</span></p>
      <div class="foot">
      <div class="issued">Giảng viên: \(escape(facts.trainer))<br>Ngày cấp: \(vietnameseDate(facts.issuedOn))\
      <span class="en">Trainer · issued \(escape(facts.issuedOn))</span></div>
      <div class="verify">Mã xác minh <span class="en-inline">verification code</span>
      <span class="code">\(escape(code))</span>
      <span class="how">papi-train certificate verify \(escape(code))</span>
      <span class="key">Ký bằng khoá \(escape(String(publicKey.prefix(16))))… của máy \(escape(facts.issuer))</span></div>
      </div>
      """
  }

  private static func english(_ text: String?, prefix: String) -> String {
    text.map { "<span class=\"en\">\(prefix)\(escape($0))</span>" } ?? ""
  }

  /// `ngày 3 tháng 12 năm 2026` from `2026-12-03` (the text as it is when it is not a date).
  static func vietnameseDate(_ day: String) -> String {
    let parts = day.split(separator: "-").compactMap { Int($0) }
    guard parts.count == 3 else { return escape(day) }
    return "\(parts[2]) tháng \(parts[1]) năm \(parts[0])"
  }

  static func escape(_ text: String) -> String {
    var escaped = ""
    for character in text {
      switch character {
      case "&": escaped += "&amp;"
      case "<": escaped += "&lt;"
      case ">": escaped += "&gt;"
      case "\"": escaped += "&quot;"
      case "'": escaped += "&#39;"
      default: escaped.append(character)
      }
    }
    return escaped
  }

  /// One A4 landscape page: `@page` without margins and a page box 1 mm short of the sheet (so
  /// rounding never spills onto a second page), everything inside it, nothing overflowing.
  static let style = """
    @page { size: A4 landscape; margin: 0; }
    * { box-sizing: border-box; }
    html, body { margin: 0; padding: 0; background: #fff; }
    body { font-family: "DejaVu Serif", "Noto Serif", "Liberation Serif", "Times New Roman", serif;
      color: #1b1b1b; -webkit-print-color-adjust: exact; print-color-adjust: exact; }
    .page { width: 297mm; height: 209mm; padding: 10mm; overflow: hidden; break-after: avoid;
      page-break-after: avoid; break-inside: avoid; }
    .frame { height: 100%; border: 2.2mm double #8b1a1a; padding: 8mm 18mm 6mm; text-align: center;
      display: flex; flex-direction: column; justify-content: space-between; }
    p { margin: 0; }
    .en { display: block; font-size: 9.5pt; color: #555; font-style: italic; margin-top: 0.6mm; }
    .en-inline { font-size: 9pt; color: #555; font-style: italic; }
    .programme { font-size: 11pt; letter-spacing: 0.3pt; color: #333; }
    h1 { margin: 0; font-size: 34pt; text-transform: uppercase; color: #8b1a1a; letter-spacing: 2pt; }
    .subtitle { font-size: 15pt; text-transform: uppercase; letter-spacing: 1pt; }
    .lead { font-size: 12pt; }
    .name { font-size: 26pt; font-weight: bold; color: #12325e; }
    .who { font-size: 13pt; }
    .class { font-size: 15pt; font-weight: bold; }
    .course { font-size: 12pt; }
    .result { font-size: 12.5pt; }
    .foot { display: flex; justify-content: space-between; align-items: flex-end; text-align: left;
      font-size: 11pt; }
    .verify { text-align: right; font-size: 10pt; }
    .code { display: block; font-family: "DejaVu Sans Mono", "Liberation Mono", monospace; font-size: 18pt;
      font-weight: bold; letter-spacing: 1.5pt; color: #12325e; }
    .how, .key { display: block; font-family: "DejaVu Sans Mono", "Liberation Mono", monospace; font-size: 8pt;
      color: #555; }
    @media screen { html { background: #d9d9d9; } .page { margin: 8mm auto; background: #fff;
      box-shadow: 0 1mm 4mm rgba(0, 0, 0, 0.25); } }
    """
}
