import Localization

/// The command line's own messages: about the folders it is given.
public enum CLIMessage: Error, MessageCatalogue, Hashable {
  case noPositions(courses: String, details: [String])
  case coursesInvalid(String)

  public func text(in language: Language) -> String {
    let vi = language == .vietnamese
    switch self {
    case .noPositions(let courses, let details):
      return
        ([
          vi
            ? "không đọc được danh sách chức vụ (positions.yaml) từ \(courses)"
            : "cannot read the positions (positions.yaml) from \(courses)"
        ] + details).joined(separator: "\n")
    case .coursesInvalid(let path):
      return vi
        ? "Các khoá học trong \(path) có lỗi; hãy chạy 'papi-train lint \(path)'."
        : "The courses in \(path) have errors; run 'papi-train lint \(path)'."
    }
  }

  public static let samples: [CLIMessage] = [
    .noPositions(courses: "Courses", details: ["Courses/positions.yaml:1:1: x"]), .coursesInvalid("Courses"),
  ]
}
