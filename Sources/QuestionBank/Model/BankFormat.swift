import Foundation

/// The bank formats papi-train reads and writes.
public enum BankFormat: String, Sendable, CaseIterable {
  case gift
  case aiken
  case moodleXML = "moodle-xml"
  case xlsx
  case csv

  /// The format named by a file's extension, else guessed from its first bytes: a ZIP is a
  /// workbook, `<?xml`/`<quiz` Moodle XML, a line `ANSWER: X` Aiken, braces GIFT.
  public static func detect(path: String, data: Data) -> BankFormat? {
    switch (path as NSString).pathExtension.lowercased() {
    case "gift": return .gift
    case "xml": return .moodleXML
    case "xlsx": return .xlsx
    case "csv": return .csv
    case "aiken": return .aiken
    default: break
    }
    if data.starts(with: [0x50, 0x4B, 0x03, 0x04]) { return .xlsx }
    let head = String(decoding: data.prefix(4096), as: UTF8.self)
    let trimmed = head.drop { $0.isWhitespace || $0 == "\u{FEFF}" }
    if trimmed.hasPrefix("<?xml") || trimmed.hasPrefix("<quiz") { return .moodleXML }
    if head.range(of: #"(?m)^ANSWER:\s*[A-Z]\s*$"#, options: .regularExpression) != nil { return .aiken }
    if head.contains("{") { return .gift }
    return nil
  }
}
