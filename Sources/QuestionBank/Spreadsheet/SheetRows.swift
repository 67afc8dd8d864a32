/// A spreadsheet's rows as the bank readers see them: each row's number (the line in a CSV file,
/// the row in a sheet) and its cells by column (0 = A).
struct SheetRows {
  struct Row {
    var number: Int
    var cells: [Int: String]

    func cell(_ column: Int?) -> String {
      guard let column else { return "" }
      return cells[column]?.trimmingWhitespace ?? ""
    }

    var isEmpty: Bool { cells.values.allSatisfy { $0.trimmingWhitespace.isEmpty } }
  }

  /// The sheet's name, for a workbook (problems then name the cell).
  var sheet: String?
  var rows: [Row]

  /// `A`, `B`, ..., `Z`, `AA`, ... for a column index.
  static func columnName(_ index: Int) -> String {
    var name = ""
    var value = index + 1
    while value > 0 {
      let remainder = (value - 1) % 26
      name = String(Character(Unicode.Scalar(UInt8(65 + remainder)))) + name
      value = (value - 1) / 26
    }
    return name
  }

  /// The column index of a reference such as `C5` (its letters), or nil.
  static func columnIndex(_ reference: Substring) -> Int? {
    var index = 0
    var seen = false
    for scalar in reference.unicodeScalars {
      guard ("A"..."Z").contains(scalar) else { break }
      index = index * 26 + Int(scalar.value - 64)
      seen = true
    }
    return seen ? index - 1 : nil
  }
}
