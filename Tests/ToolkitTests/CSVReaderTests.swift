import Foundation
import Testing
import Toolkit

@Suite struct CSVReaderTests {
  @Test func theCSVReaderHandlesWhatSpreadsheetsWrite() throws {
    let quoted = Data("a;b;c\r\n1;\"two; \"\"2\"\"\nlines\";3\r\n\r\n4;5;6".utf8)
    let records = try CSVReader.read(quoted, path: "q.csv")
    #expect(records.map(\.line) == [1, 2, 4, 5])
    #expect(records[1].fields == ["1", "two; \"2\"\nlines", "3"])
    #expect(records[2].isBlank)
    #expect(records[3].fields == ["4", "5", "6"])

    let utf16 = Data([0xFF, 0xFE]) + "Mã PX\tTên\n03637\tXã Mường Kim\n".data(using: .utf16LittleEndian)!
    #expect(try CSVReader.read(utf16, path: "u.txt").last?.fields == ["03637", "Xã Mường Kim"])

    #expect(throws: CSVReadError(path: "o.csv", line: 2, problem: .unterminatedQuote)) {
      try CSVReader.read(Data("a,b\n1,\"open\n2,3\n".utf8), path: "o.csv")
    }
    let latin1 = Data("Ho ten\nL".utf8) + Data([0xF2]) + Data(" Van\n".utf8)
    #expect(throws: CSVReadError(path: "l.csv", line: 2, problem: .notUTF8)) {
      try CSVReader.read(latin1, path: "l.csv")
    }
    #expect(CSVReader.headerKey("Tỉnh / Thành Phố") == "tinhthanhpho")
    #expect(CSVReader.headerKey(" Mã  PX ") == "mapx")
  }
}
