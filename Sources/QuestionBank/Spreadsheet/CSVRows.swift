/// Reads CSV text (RFC 4180: quoted fields may hold commas, quotes doubled and line breaks; a
/// comma or, as Excel writes in some locales, a semicolon between fields) into rows numbered
/// by the line each starts on.
enum CSVRows {
  static func rows(_ text: String) -> SheetRows {
    let separator = separator(of: text)
    var rows: [SheetRows.Row] = []
    var cells: [Int: String] = [:]
    var field = ""
    var column = 0
    var line = 1
    var rowLine = 1
    var quoted = false
    var atFieldStart = true
    func endField() {
      if !field.isEmpty { cells[column] = field }
      field = ""
      column += 1
      atFieldStart = true
    }
    func endRow() {
      endField()
      rows.append(SheetRows.Row(number: rowLine, cells: cells))
      cells = [:]
      column = 0
    }
    var iterator = text.makeIterator()
    var pending: Character?
    while let character = pending ?? iterator.next() {
      pending = nil
      let isBreak = character == "\n" || character == "\r\n" || character == "\r"
      if quoted {
        if character == "\"" {
          if let next = iterator.next() {
            if next == "\"" {
              field.append("\"")
            } else {
              quoted = false
              pending = next
            }
          } else {
            quoted = false
          }
        } else {
          if isBreak { line += 1 }
          field.append(isBreak ? "\n" : character)
        }
      } else if character == "\"", atFieldStart {
        quoted = true
        atFieldStart = false
      } else if character == separator {
        endField()
      } else if isBreak {
        endRow()
        line += 1
        rowLine = line
      } else {
        field.append(character)
        atFieldStart = false
      }
    }
    if !field.isEmpty || !cells.isEmpty || column > 0 { endRow() }
    return SheetRows(sheet: nil, rows: rows)
  }

  /// A semicolon when the first line has more of them than commas outside quotes, else a comma.
  private static func separator(of text: String) -> Character {
    var commas = 0
    var semicolons = 0
    var quoted = false
    for character in text {
      if character == "\"" { quoted.toggle() }
      if quoted { continue }
      if character == "\n" || character == "\r\n" || character == "\r" { break }
      if character == "," { commas += 1 }
      if character == ";" { semicolons += 1 }
    }
    return semicolons > commas ? ";" : ","
  }
}
