import Foundation

/// A civil date in the proleptic Gregorian calendar, counted as whole days since 1970-01-01: the
/// one `yyyy-MM-dd` of papi-train (report and export periods, class dates, "as of" days). Days are
/// UTC days, as reports count them.
public struct Day: Sendable, Hashable, Comparable, Codable, CustomStringConvertible {
  /// Days since 1970-01-01 (negative before it).
  public let daysSince1970: Int

  public init(daysSince1970: Int) {
    self.daysSince1970 = daysSince1970
  }

  /// The UTC day `date` falls on.
  public init(_ date: Date) {
    daysSince1970 = Int((date.timeIntervalSince1970 / 86_400).rounded(.down))
  }

  /// The day `year-month-day`, or nil when there is no such date (1 February 30th, month 13).
  public init?(year: Int, month: Int, day: Int) {
    guard (1...9999).contains(year), (1...12).contains(month),
      (1...Self.daysIn(month: month, year: year)).contains(day)
    else { return nil }
    daysSince1970 = Self.days(year: year, month: month, day: day)
  }

  /// Reads exactly `yyyy-MM-dd` (ten characters, ASCII digits, an existing date); nil otherwise.
  public init?(_ text: String) {
    let bytes = Array(text.utf8)
    guard bytes.count == 10, bytes[4] == 0x2D, bytes[7] == 0x2D else { return nil }
    func number(_ range: Range<Int>) -> Int? {
      var value = 0
      for byte in bytes[range] {
        guard (0x30...0x39).contains(byte) else { return nil }
        value = value * 10 + Int(byte - 0x30)
      }
      return value
    }
    guard let year = number(0..<4), let month = number(5..<7), let day = number(8..<10) else { return nil }
    self.init(year: year, month: month, day: day)
  }

  /// Midnight UTC at the start of the day.
  public var start: Date { Date(timeIntervalSince1970: Double(daysSince1970) * 86_400) }

  /// Midnight UTC at the start of the next day: the end of a period that includes this day.
  public var end: Date { adding(days: 1).start }

  /// The day `count` days later (earlier when negative).
  public func adding(days count: Int) -> Day { Day(daysSince1970: daysSince1970 + count) }

  /// Year, month (1-12) and day of the month.
  public var civil: (year: Int, month: Int, day: Int) {
    let parts = Self.civil(daysSince1970: Int64(daysSince1970))
    return (Int(parts.year), Int(parts.month), Int(parts.day))
  }

  /// `yyyy-MM-dd`.
  public var description: String {
    let (year, month, day) = civil
    return Self.padded(year, 4) + "-" + Self.padded(month, 2) + "-" + Self.padded(day, 2)
  }

  public static func < (left: Day, right: Day) -> Bool { left.daysSince1970 < right.daysSince1970 }

  public init(from decoder: any Decoder) throws {
    let text = try decoder.singleValueContainer().decode(String.self)
    guard let day = Day(text) else {
      throw DecodingError.dataCorrupted(
        .init(codingPath: decoder.codingPath, debugDescription: "'\(text)' is not yyyy-MM-dd"))
    }
    self = day
  }

  public func encode(to encoder: any Encoder) throws {
    var container = encoder.singleValueContainer()
    try container.encode(description)
  }
}

extension Day {
  /// A count of milliseconds since 1970 split into whole days (rounded down, so a time before
  /// 1970 falls on its own day) and the milliseconds into that day (0 ..< 86,400,000).
  public static func split(millisecondsSince1970 milliseconds: Int64) -> (
    days: Int64, millisecondsIntoDay: Int64
  ) {
    var days = milliseconds / 86_400_000
    var rest = milliseconds - days * 86_400_000
    if rest < 0 {
      days -= 1
      rest += 86_400_000
    }
    return (days, rest)
  }

  /// The civil date of a count of days since 1970-01-01 (Howard Hinnant's `civil_from_days`),
  /// without a calendar: for formatting millions of timestamps.
  @inlinable
  public static func civil(daysSince1970 days: Int64) -> (year: Int64, month: Int64, day: Int64) {
    let z = days + 719_468
    let era = (z >= 0 ? z : z - 146_096) / 146_097
    let dayOfEra = z - era * 146_097
    let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36524 - dayOfEra / 146_096) / 365
    let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
    let monthPrime = (5 * dayOfYear + 2) / 153
    let day = dayOfYear - (153 * monthPrime + 2) / 5 + 1
    let month = monthPrime < 10 ? monthPrime + 3 : monthPrime - 9
    return (yearOfEra + era * 400 + (month <= 2 ? 1 : 0), month, day)
  }

  /// Days since 1970-01-01 of a civil date (Howard Hinnant's `days_from_civil`).
  static func days(year: Int, month: Int, day: Int) -> Int {
    let y = month <= 2 ? year - 1 : year
    let era = (y >= 0 ? y : y - 399) / 400
    let yearOfEra = y - era * 400
    let dayOfYear = (153 * (month > 2 ? month - 3 : month + 9) + 2) / 5 + day - 1
    let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
    return era * 146_097 + dayOfEra - 719_468
  }

  static func daysIn(month: Int, year: Int) -> Int {
    switch month {
    case 2: (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
    case 4, 6, 9, 11: 30
    default: 31
    }
  }

  private static func padded(_ value: Int, _ width: Int) -> String {
    let digits = String(value)
    return String(repeating: "0", count: max(0, width - digits.count)) + digits
  }
}
