import Localization

/// Everything `papi-train import` and `export-questions` can say, in Vietnamese and English.
public enum QuestionBankMessage: LocalizedMessage, Hashable {
  // Files.
  case unreadableFile(reason: String)
  case notUTF8
  case unknownFormat(String)
  case emptyBank
  // Question types papi-train has no counterpart for.
  case unsupportedType(String)
  case numericalRange(String)
  case partialCreditDropped
  case embeddedFile(String)
  case unevenWeights
  case distractorDropped(String)
  // GIFT.
  case unclosedAnswers
  case textAfterAnswers
  case noRightAnswer
  case tooFewOptions(minimum: Int)
  case mixedAnswerKinds
  case badWeight(String)
  case badNumber(String)
  case unknownFormatMarker(String)
  // Aiken.
  case aikenNoAnswerLine
  case aikenAnswerNotAnOption(String)
  case aikenOptionOutOfOrder(String)
  case aikenStrayLine
  // Moodle XML.
  case xmlSyntax(String)
  case notMoodleXML
  case missingElement(String)
  // Spreadsheets.
  case missingColumn(String)
  case unknownType(String)
  case badKey(String)
  case emptyCell(String)
  case badPair(String)
  case notAWorkbook(String)
  // Legal sources, in a cell, a feedback line or `--source`.
  case malformedSource(SourceText.Malformed)
  case malformedSourceOption(SourceText.Malformed)
  // Import.
  case invalidID(String)
  case duplicateID(String, first: String)
  case idExists(String, file: String)
  case idInAnotherCourse(String, course: String)
  case courseNotLoadable(String)
  case areaNotDeclared(String)
  case writeFailed(String)
  // Results.
  case imported(count: Int, course: String, file: String)
  case skipped(count: Int)
  case toFill(papi: Int, source: Int, explanation: Int)
  case importFailed(errors: Int)
  case exported(count: Int, file: String)
  case unknownCourseOrQuiz(String)
  case nothingToExport
  case fileExists(String)
  case leftOutOfAiken(Int)

  public func text(in language: Language) -> String {
    switch language {
    case .vietnamese: vietnamese
    case .english: english
    }
  }

  private var vietnamese: String {
    switch self {
    case .unreadableFile(let reason): "không đọc được tệp: \(reason)"
    case .notUTF8:
      "tệp không phải văn bản UTF-8 (tệp GIFT Moodle lưu bằng Windows-1252 thường gặp lỗi này); hãy lưu lại dưới dạng UTF-8"
    case .unknownFormat(let name):
      "không nhận ra định dạng của '\(name)'; dùng --format gift|aiken|moodle-xml|xlsx|csv"
    case .emptyBank: "tệp không có câu hỏi nào"
    case .unsupportedType(let kind): "câu hỏi loại '\(kind)' không có trong papi-train: không nhập câu này"
    case .numericalRange(let detail):
      "câu hỏi số với khoảng \(detail) không viết được thành các đáp án ngắn: không nhập câu này"
    case .partialCreditDropped:
      "papi-train không cho điểm một phần với câu chọn một: chỉ giữ phương án 100%"
    case .unevenWeights:
      "các phương án đúng có trọng số khác nhau; papi-train chấm câu chọn nhiều theo số phương án phân loại đúng, không giữ trọng số"
    case .distractorDropped(let text):
      "phương án thừa '\(text)' của câu ghép đôi không được giữ (papi-train ghép từng cặp)"
    case .embeddedFile(let name): "tệp nhúng '\(name)' không được lưu; hãy đưa nội dung vào bài học nếu cần"
    case .unclosedAnswers: "thiếu dấu '}' đóng phần đáp án"
    case .textAfterAnswers: "có chữ sau phần đáp án '{...}' mà không thuộc câu hỏi điền từ"
    case .noRightAnswer: "không có đáp án đúng ('=' hoặc trọng số dương)"
    case .tooFewOptions(let minimum): "cần ít nhất \(minimum) phương án"
    case .mixedAnswerKinds: "các đáp án trộn lẫn kiểu ghép đôi ('->') với kiểu khác"
    case .badWeight(let text): "trọng số '\(text)' không hợp lệ (cần dạng %50%)"
    case .badNumber(let text): "'\(text)' không phải là số"
    case .unknownFormatMarker(let text): "định dạng văn bản '[\(text)]' không được hỗ trợ"
    case .aikenNoAnswerLine: "khối câu hỏi Aiken thiếu dòng 'ANSWER: X'"
    case .aikenAnswerNotAnOption(let letter): "đáp án '\(letter)' không phải là một phương án của câu hỏi"
    case .aikenOptionOutOfOrder(let letter): "phương án '\(letter)' không theo thứ tự A, B, C, ..."
    case .aikenStrayLine: "dòng này không phải phương án 'A. ...' hay dòng 'ANSWER:'"
    case .xmlSyntax(let problem): "lỗi cú pháp XML: \(problem)"
    case .notMoodleXML: "không phải tệp Moodle XML (phần tử gốc phải là <quiz>)"
    case .missingElement(let name): "thiếu phần tử <\(name)>"
    case .missingColumn(let name): "thiếu cột '\(name)' ở dòng tiêu đề"
    case .unknownType(let value): "loại câu hỏi '\(value)' không có; xem docs/question-bank-template.csv"
    case .badKey(let value): "đáp án '\(value)' không khớp với các phương án"
    case .emptyCell(let name): "ô '\(name)' đang trống"
    case .badPair(let line): "'\(line)' không phải một cặp 'trái -> phải'"
    case .notAWorkbook(let reason): "không phải tệp Excel (.xlsx) đọc được: \(reason)"
    case .malformedSource(let source):
      "căn cứ '\(source.text)' không đọc được: \(source.reason.text(in: .vietnamese)); viết dạng 'nd-118-2025 | Điều 3, khoản 1, điểm a', nhiều căn cứ ngăn cách bằng ' ; '"
    case .malformedSourceOption(let source):
      "--source '\(source.text)' không đọc được: \(source.reason.text(in: .vietnamese)); viết dạng 'nd-118-2025 | Điều 3, khoản 1, điểm a'"
    case .invalidID(let id):
      "mã '\(id)' không hợp lệ: chỉ chữ thường ASCII, số và dấu '-', bắt đầu bằng chữ cái"
    case .duplicateID(let id, let first): "mã câu hỏi '\(id)' trùng với câu ở \(first)"
    case .idExists(let id, let file):
      "câu hỏi '\(id)' đã có trong \(file); dùng --replace để thay thế"
    case .idInAnotherCourse(let id, let course):
      "câu hỏi '\(id)' đã có trong khoá học '\(course)'; mã câu hỏi là duy nhất trong mọi khoá học"
    case .courseNotLoadable(let detail): "không đọc được khoá học hiện có: \(detail)"
    case .areaNotDeclared(let area):
      "không thêm được lĩnh vực '\(area)' vào course.yaml (danh sách 'areas' viết trên một dòng): hãy thêm bằng tay"
    case .writeFailed(let reason): "không ghi được khoá học: \(reason)"
    case .imported(let count, let course, let file):
      "đã nhập \(count) câu hỏi vào khoá học '\(course)' (\(file))."
    case .skipped(let count): "\(count) câu hỏi không được nhập (lý do ở trên)."
    case .toFill(let papi, let source, let explanation):
      "cần điền: \(papi) mã PAPI, \(source) căn cứ pháp lý, \(explanation) lời giải thích (đánh dấu 'CẦN ĐIỀN'); chạy 'papi-train lint' để xem từng chỗ."
    case .importFailed(let errors): "không nhập gì: \(errors) lỗi. Sửa tệp rồi chạy lại."
    case .exported(let count, let file): "đã xuất \(count) câu hỏi ra \(file)."
    case .unknownCourseOrQuiz(let id): "không có khoá học hay bài kiểm tra '\(id)'"
    case .nothingToExport: "không có câu hỏi nào để xuất"
    case .fileExists(let path): "tệp '\(path)' đã có; dùng --force để ghi đè"
    case .leftOutOfAiken(let count):
      "\(count) câu hỏi không phải loại chọn một không được xuất (Aiken chỉ có câu chọn một)"
    }
  }

  private var english: String {
    switch self {
    case .unreadableFile(let reason): "cannot read the file: \(reason)"
    case .notUTF8:
      "the file is not UTF-8 text (as with Moodle GIFT files saved in Windows-1252); save it as UTF-8"
    case .unknownFormat(let name):
      "cannot tell the format of '\(name)'; use --format gift|aiken|moodle-xml|xlsx|csv"
    case .emptyBank: "the file holds no questions"
    case .unsupportedType(let kind): "papi-train has no '\(kind)' questions: this question is not imported"
    case .numericalRange(let detail):
      "a numerical question accepting \(detail) cannot be written as short answers: not imported"
    case .partialCreditDropped:
      "papi-train gives no partial credit in a single-choice question: only the 100% option is kept"
    case .unevenWeights:
      "the right options have different weights; papi-train scores multiple choice by the options classified correctly, the weights are not kept"
    case .distractorDropped(let text):
      "the extra matching answer '\(text)' is not kept (papi-train matches pair by pair)"
    case .embeddedFile(let name):
      "the embedded file '\(name)' is not stored; put its content in a lesson if needed"
    case .unclosedAnswers: "the answers opened with '{' are never closed by '}'"
    case .textAfterAnswers: "text follows the answers '{...}' outside a missing-word question"
    case .noRightAnswer: "no right answer ('=' or a positive weight)"
    case .tooFewOptions(let minimum): "at least \(minimum) options are needed"
    case .mixedAnswerKinds: "matching answers ('->') are mixed with other kinds"
    case .badWeight(let text): "the weight '\(text)' is not valid (expected the form %50%)"
    case .badNumber(let text): "'\(text)' is not a number"
    case .unknownFormatMarker(let text): "the text format '[\(text)]' is not supported"
    case .aikenNoAnswerLine: "the Aiken question has no 'ANSWER: X' line"
    case .aikenAnswerNotAnOption(let letter): "the answer '\(letter)' is not one of the question's options"
    case .aikenOptionOutOfOrder(let letter): "option '\(letter)' is out of the order A, B, C, ..."
    case .aikenStrayLine: "this line is neither an option 'A. ...' nor the 'ANSWER:' line"
    case .xmlSyntax(let problem): "XML syntax: \(problem)"
    case .notMoodleXML: "not a Moodle XML file (its root element must be <quiz>)"
    case .missingElement(let name): "missing element <\(name)>"
    case .missingColumn(let name): "the header row has no '\(name)' column"
    case .unknownType(let value): "no question type '\(value)'; see docs/question-bank-template.csv"
    case .badKey(let value): "the key '\(value)' does not match the options"
    case .emptyCell(let name): "the '\(name)' cell is empty"
    case .badPair(let line): "'\(line)' is not a pair 'left -> right'"
    case .notAWorkbook(let reason): "not a readable Excel workbook (.xlsx): \(reason)"
    case .malformedSource(let source):
      "cannot read the source '\(source.text)': \(source.reason.text(in: .english)); write it as 'nd-118-2025 | Article 3, clause 1, point a', several separated by ' ; '"
    case .malformedSourceOption(let source):
      "cannot read --source '\(source.text)': \(source.reason.text(in: .english)); write it as 'nd-118-2025 | Article 3, clause 1, point a'"
    case .invalidID(let id):
      "the id '\(id)' is not valid: lower-case ASCII letters, digits and '-', starting with a letter"
    case .duplicateID(let id, let first): "the question id '\(id)' is already used at \(first)"
    case .idExists(let id, let file):
      "the question '\(id)' already exists in \(file); use --replace to replace it"
    case .idInAnotherCourse(let id, let course):
      "the question '\(id)' already exists in course '\(course)'; question ids are unique across all courses"
    case .courseNotLoadable(let detail): "cannot read the existing course: \(detail)"
    case .areaNotDeclared(let area):
      "cannot add the area '\(area)' to course.yaml (its 'areas' list is written on one line): add it by hand"
    case .writeFailed(let reason): "cannot write the course: \(reason)"
    case .imported(let count, let course, let file):
      "imported \(count) questions into course '\(course)' (\(file))."
    case .skipped(let count): "\(count) questions were not imported (reasons above)."
    case .toFill(let papi, let source, let explanation):
      "to fill in: \(papi) PAPI codes, \(source) legal sources, \(explanation) explanations (marked 'CẦN ĐIỀN / TO FILL'); run 'papi-train lint' to see each place."
    case .importFailed(let errors): "nothing imported: \(errors) errors. Fix the file and run again."
    case .exported(let count, let file): "exported \(count) questions to \(file)."
    case .unknownCourseOrQuiz(let id): "no course or quiz '\(id)'"
    case .nothingToExport: "there are no questions to export"
    case .fileExists(let path): "'\(path)' exists; use --force to replace it"
    case .leftOutOfAiken(let count):
      "\(count) questions that are not single choice were left out (Aiken holds single choice only)"
    }
  }
}
