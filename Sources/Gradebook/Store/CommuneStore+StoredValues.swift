import Curriculum
import Foundation
internal import GRDB
import VietnameseText

extension CommuneStore {
  static func uuid(_ text: String) throws -> UUID {
    guard let id = UUID(uuidString: text) else {
      throw GradebookError.database(path: "", message: "'\(text)' is not a UUID")
    }
    return id
  }

  static func encodeList<Item: Encodable>(_ list: [Item]) throws -> String {
    String(decoding: try JSONEncoder().encode(list), as: UTF8.self)
  }

  /// The list `encodeList` wrote. A list of plain ids (`["gd.q1","gd.q2"]`: no escapes, no
  /// spaces) is split directly, since an export decodes thousands of them; anything else goes
  /// through `JSONDecoder`.
  static func decodeList(_ text: String) throws -> [String] {
    if let plain = plainList(text, { $0 }) { return plain }
    return try JSONDecoder().decode([String].self, from: Data(text.utf8))
  }

  /// The question ids of an attempt, as `encodeList` wrote them (see ``decodeList(_:)``).
  static func decodeQuestionIDs(_ text: String) throws -> [QuestionID] {
    if let plain = plainList(text, { QuestionID($0) }) { return plain }
    return try JSONDecoder().decode([QuestionID].self, from: Data(text.utf8))
  }

  private static func plainList<Item>(_ text: String, _ item: (String) -> Item) -> [Item]? {
    var text = text
    return text.withUTF8 { bytes -> [Item]? in
      let quote = UInt8(ascii: "\"")
      let comma = UInt8(ascii: ",")
      guard bytes.count >= 2, bytes.first == UInt8(ascii: "["), bytes.last == UInt8(ascii: "]") else {
        return nil
      }
      if bytes.count == 2 { return [] }
      // Items are `"..."` joined by `,`: a backslash, a space or a quote inside means something else.
      var items: [Item] = []
      var index = 1
      let end = bytes.count - 1
      while index < end {
        guard bytes[index] == quote else { return nil }
        var close = index + 1
        while close < end, bytes[close] != quote {
          if bytes[close] == UInt8(ascii: "\\") { return nil }
          close += 1
        }
        guard close < end else { return nil }
        items.append(
          item(String(decoding: UnsafeBufferPointer(rebasing: bytes[(index + 1)..<close]), as: UTF8.self)))
        index = close + 1
        if index == end { return items }
        guard bytes[index] == comma else { return nil }
        index += 1
      }
      return nil
    }
  }
}

extension QuestionID {
  /// The id in Unicode's composed form (NFC), as the store keeps every text.
  var nfc: QuestionID { QuestionID(rawValue.nfc) }
}
