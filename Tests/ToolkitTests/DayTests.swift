import Foundation
import Testing
import Toolkit

@Suite struct DayTests {
  @Test func readsAndWritesExactlyYearMonthDay() throws {
    let day = try #require(Day("2026-10-15"))
    #expect(day.description == "2026-10-15")
    #expect(day.civil == (2026, 10, 15))
    #expect(Day("2024-02-29") != nil)
    for text in [
      "2026-02-30", "2025-02-29", "2026-13-01", "2026-00-10", "15/10/2026", "2026-1-5", "2026-10-15 ",
      "２０２６-10-15", "0000-01-01", "",
    ] {
      #expect(Day(text) == nil, "\(text)")
    }
  }

  @Test func countsDaysFromTheEpochBothWays() throws {
    #expect(Day("1970-01-01")?.daysSince1970 == 0)
    #expect(Day("1969-12-31")?.daysSince1970 == -1)
    #expect(Day("2000-03-01")?.daysSince1970 == 11_017)
    // Days from 1700 to 2500 (Foundation's calendar is Julian before 1582) agree with Foundation
    // and round-trip through their text.
    var formatter = Calendar(identifier: .gregorian)
    formatter.timeZone = TimeZone(identifier: "UTC")!
    for count in stride(from: -98_000, through: 193_000, by: 97) {
      let day = Day(daysSince1970: count)
      let parts = formatter.dateComponents([.year, .month, .day], from: day.start)
      #expect(day.civil == (parts.year!, parts.month!, parts.day!))
      #expect(Day(day.description) == day)
    }
  }

  @Test func aMomentFallsOnItsUTCDay() throws {
    let day = try #require(Day("2026-10-15"))
    #expect(Day(day.start) == day)
    #expect(Day(day.end.addingTimeInterval(-0.001)) == day)
    #expect(Day(day.end) == day.adding(days: 1))
    #expect(Day(Date(timeIntervalSince1970: -1)) == Day("1969-12-31"))
    #expect(day.end.timeIntervalSince(day.start) == 86_400)
  }

  @Test func encodesAsItsText() throws {
    let day = try #require(Day("2026-10-15"))
    let data = try JSONEncoder().encode([day])
    #expect(String(decoding: data, as: UTF8.self) == "[\"2026-10-15\"]")
    #expect(try JSONDecoder().decode([Day].self, from: data) == [day])
    #expect(throws: DecodingError.self) { try JSONDecoder().decode([Day].self, from: Data("[\"x\"]".utf8)) }
  }
}
