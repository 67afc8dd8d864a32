import Foundation
import Localization

/// What can go wrong choosing the results to export, each message naming what was asked for.
public enum ExportError: Error, Sendable, Hashable, LocalizedMessage {
  /// `--class` is not a class id (a UUID).
  case badClassID(String)
  /// No results file in the folder stores a class with this id.
  case unknownClass(String, folder: String)
  /// No results file for this commune in the folder.
  case unknownCommune(String, folder: String)
  /// The commune is not one of the class's communes.
  case communeNotInClass(commune: String, classID: String)
  /// A date that is not `YYYY-MM-DD`.
  case badDate(String)
  /// `--from` after `--to`.
  case emptyPeriod(from: String, to: String)
  /// A quiz id no course has.
  case unknownQuiz(String, known: [String])
  /// Nothing matches: no answer in the chosen class, communes, period and quizzes.
  case emptySelection(ExportSelection)

  public func text(in language: Language) -> String {
    let vi = language == .vietnamese
    switch self {
    case .badClassID(let text):
      return vi
        ? "'\(text)' không phải mã lớp tập huấn (dạng 8-4-4-4-12 chữ số hex)"
        : "'\(text)' is not a training class id (a UUID)"
    case .unknownClass(let id, let folder):
      return vi
        ? "không có lớp tập huấn mã \(id) trong thư mục kết quả \(folder)"
        : "no training class with id \(id) in the results folder \(folder)"
    case .unknownCommune(let code, let folder):
      return vi
        ? "không có kết quả của xã \(code) trong thư mục \(folder)"
        : "no results for commune \(code) in the folder \(folder)"
    case .communeNotInClass(let commune, let classID):
      return vi
        ? "xã \(commune) không thuộc lớp tập huấn \(classID)"
        : "commune \(commune) is not part of training class \(classID)"
    case .badDate(let text):
      return vi
        ? "ngày '\(text)' không hợp lệ: cần dạng NNNN-TT-NN (ví dụ 2026-10-15)"
        : "'\(text)' is not a date: write YYYY-MM-DD (for example 2026-10-15)"
    case .emptyPeriod(let from, let to):
      return vi ? "khoảng thời gian trống: từ \(from) đến \(to)" : "empty period: from \(from) to \(to)"
    case .unknownQuiz(let quiz, let known):
      let list = known.prefix(12).joined(separator: ", ") + (known.count > 12 ? ", …" : "")
      return vi
        ? "không có bài kiểm tra '\(quiz)' trong các khoá học; có: \(list)"
        : "no quiz '\(quiz)' in the courses; there are: \(list)"
    case .emptySelection(let selection):
      let what = selection.summary(in: language)
      return vi
        ? "không có câu trả lời nào khớp lựa chọn (\(what)); không ghi tệp nào"
        : "no answers match the selection (\(what)); no file written"
    }
  }
}
