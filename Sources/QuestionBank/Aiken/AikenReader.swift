import Curriculum
import Foundation
import Localization

/// Reads Moodle's Aiken format: a question's text, its options `A. ...` or `A) ...` in order, one
/// per line, and `ANSWER: X`; questions apart by a blank line. Each malformed block is reported
/// by line and the others are still read.
public struct AikenReader: Sendable {
  public init() {}

  public func read(_ data: Data, file: String) -> BankContents {
    BankText.read(data, file: file) { text, log in
      var questions: [BankQuestion] = []
      var block: [(line: Int, text: String)] = []
      for (index, line) in text.lines.enumerated() {
        let trimmed = String(line).trimmingWhitespace
        if trimmed.isEmpty {
          if let question = Self.question(block, file: file, log: &log) { questions.append(question) }
          block = []
        } else {
          block.append((index + 1, trimmed))
        }
      }
      if let question = Self.question(block, file: file, log: &log) { questions.append(question) }
      if questions.isEmpty, !log.hasErrors { log.error(.emptyBank, at: BankLocation(file: file, line: 1)) }
      return questions
    }
  }

  /// The letter of an `ANSWER: X` line, or nil for any other line.
  static func answerLine(_ line: String) -> String? {
    guard line.hasPrefix("ANSWER") else { return nil }
    let rest = line.dropFirst("ANSWER".count).drop { $0 == " " || $0 == "\t" }
    guard rest.first == ":" else { return nil }
    return String(rest.dropFirst()).trimmingWhitespace
  }

  /// `A. text` or `A) text`: the letter and the text.
  static func option(_ line: String) -> (letter: Character, text: String)? {
    let characters = Array(line.prefix(3))
    guard characters.count == 3, let letter = characters.first, letter.isASCII, letter.isUppercase,
      characters[1] == "." || characters[1] == ")", characters[2] == " " || characters[2] == "\t"
    else { return nil }
    return (letter, String(line.dropFirst(3)).trimmingWhitespace)
  }

  static func question(_ lines: [(line: Int, text: String)], file: String, log: inout ProblemLog)
    -> BankQuestion?
  {
    guard let first = lines.first else { return nil }
    let start = BankLocation(file: file, line: first.line)
    var prompt: [String] = []
    var options: [Choice] = []
    var letters: [Character] = []
    var answer: (letter: String, line: Int)?
    var broken = false
    for (number, text) in lines {
      let here = BankLocation(file: file, line: number)
      if let value = answerLine(text) {
        answer = (value, number)
      } else if answer == nil, let (letter, optionText) = option(text), !prompt.isEmpty {
        let expected = letters.count < 26 ? Character(Unicode.Scalar(UInt8(65 + letters.count))) : nil
        if letter != expected {
          log.error(.aikenOptionOutOfOrder(String(letter)), at: here)
          broken = true
        }
        letters.append(letter)
        options.append(
          Choice(id: GIFTQuestionParser.optionID(options.count), text: LocalizedText(vi: optionText)))
      } else if options.isEmpty, answer == nil {
        prompt.append(text)
      } else {
        log.error(.aikenStrayLine, at: here)
        broken = true
      }
    }
    guard let answer else {
      log.error(.aikenNoAnswerLine, at: start)
      return nil
    }
    if options.count < 2 {
      log.error(.tooFewOptions(minimum: 2), at: start)
      return nil
    }
    guard answer.letter.count == 1, let index = letters.firstIndex(of: Character(answer.letter)) else {
      log.error(.aikenAnswerNotAnOption(answer.letter), at: BankLocation(file: file, line: answer.line))
      return nil
    }
    guard !broken else { return nil }
    return BankQuestion(
      body: .singleChoice(options: options, answer: options[index].id),
      prompt: LocalizedText(vi: prompt.joined(separator: "\n")), location: start)
  }
}
