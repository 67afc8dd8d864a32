import Foundation

/// The rules a path inside a course package keeps, the same when packing and when unpacking: a
/// plain relative path of `/`-separated names, none empty, `.` or `..`, none hidden (starting
/// with `.`: the installed folder keeps its own `.package.json`), no backslash, control
/// character or NUL, at most `limit` UTF-8 bytes.
enum CoursePath {
  static func isSafe(_ path: String, limit: Int) -> Bool {
    guard !path.isEmpty, path.utf8.count <= limit, !path.hasPrefix("/") else { return false }
    guard !path.unicodeScalars.contains(where: { $0 == "\\" || $0.properties.generalCategory == .control })
    else { return false }
    return path.split(separator: "/", omittingEmptySubsequences: false).allSatisfy { name in
      !name.isEmpty && !name.hasPrefix(".")
    }
  }

  /// Whether `id` can name the folder a course is installed into.
  static func isCourseID(_ id: String) -> Bool {
    guard let first = id.unicodeScalars.first, id.utf8.count <= 100, first != "." && first != "-" else {
      return false
    }
    return id.unicodeScalars.allSatisfy { scalar in
      scalar.isASCII && (CharacterSet.alphanumerics.contains(scalar) || "-_.".unicodeScalars.contains(scalar))
    }
  }
}
