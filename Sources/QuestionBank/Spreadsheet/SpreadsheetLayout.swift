import Curriculum
import VietnameseText

/// The columns of a question bank laid out in a spreadsheet, one question a row
/// (docs/question-bank-template.csv). A header cell names its column in English or Vietnamese,
/// with or without diacritics, or both as `Câu hỏi / question`.
enum SpreadsheetColumn: String, CaseIterable, Sendable {
  case id, type, question
  case questionEnglish = "question_en"
  case options
  case optionsEnglish = "options_en"
  case key,
    explanation
  case explanationEnglish = "explanation_en"
  case source, papi, area, positions, difficulty, module, tags,
    scenario, match, category

  /// The Vietnamese label written in the template and exports.
  var vietnamese: String {
    switch self {
    case .id: "Mã"
    case .type: "Loại"
    case .question: "Câu hỏi"
    case .questionEnglish: "Câu hỏi tiếng Anh"
    case .options: "Phương án"
    case .optionsEnglish: "Phương án tiếng Anh"
    case .key: "Đáp án"
    case .explanation: "Giải thích"
    case .explanationEnglish: "Giải thích tiếng Anh"
    case .source: "Căn cứ"
    case .papi: "Mã PAPI"
    case .area: "Lĩnh vực"
    case .positions: "Vị trí"
    case .difficulty: "Độ khó"
    case .module: "Học phần"
    case .tags: "Nhãn"
    case .scenario: "Tình huống"
    case .match: "So khớp"
    case .category: "Danh mục"
    }
  }

  /// The header cell as papi-train writes it: `Câu hỏi / question`.
  var header: String { vietnamese + " / " + rawValue }

  /// Other names a trainer might use.
  private var aliases: [String] {
    switch self {
    case .id: ["ma cau hoi"]
    case .type: ["loai cau hoi"]
    case .question: ["noi dung", "prompt"]
    case .options: ["cac phuong an", "lua chon"]
    case .key: ["answer", "dap an dung"]
    case .source: ["can cu phap ly", "nguon"]
    case .papi: ["papi codes", "chi so papi", "papi code"]
    case .positions: ["chuc danh", "position"]
    default: []
    }
  }

  /// The column a header cell names, if any.
  static func named(_ header: String) -> SpreadsheetColumn? {
    for part in header.components(separatedBy: "/") {
      let key = normalize(part)
      for column in allCases
      where key == normalize(column.rawValue) || key == normalize(column.vietnamese)
        || column.aliases.contains(key)
      {
        return column
      }
    }
    return nil
  }

  static func normalize(_ text: String) -> String {
    text.foldingDiacritics.lowercased().map { "_()".contains($0) ? " " : $0 }.reduce(into: "") {
      $0.append($1)
    }
    .split(separator: " ").joined(separator: " ")
  }
}

/// The question types as a spreadsheet names them: papi-train's names or Vietnamese ones.
enum SpreadsheetType {
  static func named(_ text: String) -> QuestionType? {
    let key = SpreadsheetColumn.normalize(text)
    if let type = QuestionType(rawValue: key.replacingOccurrences(of: " ", with: "_")) { return type }
    switch key {
    case "single", "mc", "chon mot", "mot lua chon", "mot dap an", "trac nghiem": return .singleChoice
    case "multiple", "chon nhieu", "nhieu lua chon", "nhieu dap an": return .multipleChoice
    case "true false", "truefalse", "dung sai", "dung/sai": return .trueFalse
    case "ghep doi", "ghep cap", "noi": return .matching
    case "sap xep", "thu tu": return .ordering
    case "short", "tra loi ngan", "dien tu", "dien": return .shortAnswer
    default: return nil
    }
  }
}
