import Curriculum
import Foundation
import Gradebook
import Insight
import Reporting
import Toolkit

/// The tables of an export, each a sheet of the workbook or a CSV file.
public enum ExportTable: String, Sendable, Hashable, CaseIterable {
  /// One row per official: commune, name, position, a score per quiz and attempt, a share per dimension.
  case scores
  /// One row per answer.
  case answers
  /// One row per question of each quiz: Moodle's item statistics.
  case items
  /// One row per option of each question (or distinct response): how many chose it.
  case options
  /// One row per quiz: attempts, mean score, Cronbach's alpha, error ratio, standard error.
  case quizzes
  /// Officials whose post-test is below the pass mark or whose score fell, with lessons to reread.
  case needsHelp = "needs-help"
  /// What every column and statistic means, in plain words.
  case guide
}

extension ClassExport {
  /// Every table, in workbook order, made on every core (a table's rows are made when asked for;
  /// what is made now is what they share, such as the scores and who needs help).
  public func tables() -> [Table] { concurrentMap(ExportTable.allCases) { table($0) } }

  public func table(_ kind: ExportTable) -> Table {
    switch kind {
    case .scores: scoresTable()
    case .answers: answersTable()
    case .items: itemsTable()
    case .options: optionsTable()
    case .quizzes: quizzesTable()
    case .needsHelp: needsHelpTable()
    case .guide: guideTable()
    }
  }

  /// The finished attempts of each official at each quiz, oldest first.
  private func finishedAttempts(of official: Official) -> [String: [Attempt]] {
    Dictionary(
      grouping: (attemptsByOfficial[official.id] ?? []).filter { $0.status == .finished }, by: \.quizID)
  }

  func scoresTable() -> Table {
    let finished = results.officials.map(finishedAttempts)
    // As many columns for a quiz as the most finished attempts any official has at it.
    let columns = quizIDs.map { quiz in (quiz, max(1, finished.map { $0[quiz]?.count ?? 0 }.max() ?? 0)) }
    var header = [heading(.communeCode), heading(.commune), heading(.name), heading(.position)]
    for (quiz, count) in columns {
      header += (1...count).map { heading(.quizScore(quizName(quiz), attempt: count == 1 ? nil : $0)) }
    }
    header.append(heading(.unfinishedAttempts))
    for dimension in dimensions {
      let name = dimensionName(dimension)
      header += [heading(.dimensionShare(name)), heading(.dimensionAnswers(dimension.code))]
    }
    header.append(heading(.officialID))
    // Each official's mastery is summed over their answers: officials on every core.
    let rows = concurrentMap(Array(zip(results.officials, finished))) { official, finished -> [Cell] in
      var row: [Cell] = [
        .code(official.communeCode.rawValue), communeNames[official.communeCode].map(Cell.text) ?? .empty,
        .text(official.name), .text(position(official.position)),
      ]
      for (quiz, count) in columns {
        let taken = finished[quiz] ?? []
        row += (0..<count).map { $0 < taken.count ? Self.percent(Self.share(of: taken[$0])) : .empty }
      }
      let unfinished = (attemptsByOfficial[official.id] ?? []).count { $0.status != .finished }
      row.append(.number(Double(unfinished)))
      let mastery = dimensionMastery(of: official)
      for dimension in dimensions {
        let figure = mastery[dimension.code]
        let share = figure.flatMap { $0.isInsufficient ? nil : $0.estimate }
        row += [share.map(Self.percent) ?? .empty, .number(Double(figure?.answers ?? 0))]
      }
      row.append(.code(official.id.uuidString))
      return row
    }
    return Table(name: heading(.scoresSheet), header: header, rows: rows)
  }

  func answersTable() -> Table {
    let header = [
      heading(.communeCode), heading(.name), heading(.quiz), heading(.status),
      heading(.question), heading(.questionText), heading(.papiCodes), heading(.response), heading(.mark),
      heading(.correct), heading(.timeTaken), heading(.answeredAt(zoneName)), heading(.attemptID),
    ]
    let offset = fixedOffset
    let shown = self.shown
    let timeZone = self.timeZone
    // Cells shared by many rows are made once: an official's and an attempt's, a question's.
    let statuses = Dictionary(
      uniqueKeysWithValues: AttemptStatus.allCases.map { ($0, Cell.text(heading(.attemptStatus($0)))) })
    let questions = questionInfo.mapValues { info in
      QuestionCells(id: .code(info.id.rawValue), text: .text(info.shortText), codes: .text(info.joinedCodes))
    }
    // A question's cells by its shown-answer slot (``ShownAnswers/Slot/question``): an answer
    // whose question and response are known finds them by that small index, not by its id's text.
    let questionsBySlot = shown.questions.map { questions[$0.id] }
    // The rows are the answers of each official's attempts in turn: `starts` holds the row of
    // each attempt's first answer, and a row is found from its number when the writer asks. The
    // attempts' cells, answers and shown answers are kept in arrays of their own: a row then reads
    // each field in place, where an array of tuples copied a whole tuple (every cell, retained)
    // for each field read.
    var cells: [AttemptCells] = []
    var answers: [[Answer]] = []
    var texts: [[String]] = []
    var slots: [[ShownAnswers.Slot?]] = []
    var starts: [Int] = []
    var count = 0
    for official in results.officials {
      let commune = Cell.code(official.communeCode.rawValue)
      let name = Cell.text(official.name)
      for attempt in attemptsByOfficial[official.id] ?? [] where !attempt.answers.isEmpty {
        cells.append(
          AttemptCells(
            commune: commune, name: name, attempt: .code(attempt.id.uuidString),
            quiz: .text(quizName(attempt.quizID)),
            status: statuses[attempt.status] ?? .empty))
        answers.append(attempt.answers)
        texts.append(shown.texts[attempt.id] ?? attempt.answers.map(\.response))
        slots.append(shown.slots[attempt.id] ?? Array(repeating: nil, count: attempt.answers.count))
        starts.append(count)
        count += attempt.answers.count
      }
    }
    // Cells given one by one: a writer that takes them so (CSV) makes no array per row.
    return Table(
      name: heading(.answersSheet), header: header, count: count,
      cells: {
        [cells, answers, texts, slots, starts] row, take in
        var low = 0
        var high = starts.count - 1
        while low < high {
          let middle = (low + high + 1) / 2
          if starts[middle] <= row { low = middle } else { high = middle - 1 }
        }
        // Fields read one by one: copying a whole answer or attempt entry per row costs a retain
        // for each of their strings and arrays.
        let index = row - starts[low]
        let question =
          slots[low][index].flatMap { questionsBySlot[Int($0.question)] }
          ?? questions[answers[low][index].questionID]
          ?? QuestionCells(id: .code(answers[low][index].questionID.rawValue), text: .empty, codes: .text(""))
        let answeredAt = answers[low][index].answeredAt
        take(cells[low].commune)
        take(cells[low].name)
        take(cells[low].quiz)
        take(cells[low].status)
        take(question.id)
        take(question.text)
        take(question.codes)
        take(.text(texts[low][index]))
        take(.number(answers[low][index].score))
        take(.number(answers[low][index].isCorrect ? 1 : 0))
        take(.number((answers[low][index].timeTaken * 10).rounded() / 10))
        take(.dateTime(answeredAt, offset: offset ?? timeZone.secondsFromGMT(for: answeredAt)))
        take(cells[low].attempt)
      })
  }

  /// The cells of an attempt's columns in the answers table.
  private struct AttemptCells: Sendable {
    var commune: Cell
    var name: Cell
    var attempt: Cell
    var quiz: Cell
    var status: Cell
  }

  /// The cells of a question's columns in the answers table.
  private struct QuestionCells: Sendable {
    var id: Cell
    var text: Cell
    var codes: Cell
  }

  func itemsTable() -> Table {
    let header = [
      heading(.quiz), heading(.question), heading(.questionText), heading(.papiCodes), heading(.attempts),
      heading(.facility), heading(.standardDeviation), heading(.discriminationIndex),
      heading(.discriminativeEfficiency), heading(.flags), heading(.optionCounts),
    ]
    let counts = optionCounts()
    var rows: [[Cell]] = []
    for quiz in quizIDs {
      for item in itemAnalyses[quiz]?.items ?? [] {
        rows.append([
          .text(quizName(quiz)), .code(item.questionID.rawValue),
          shortText(of: item.questionID).map(Cell.text) ?? .empty,
          .text(papiCodes(of: item.questionID).joined(separator: ", ")), .number(Double(item.attempts)),
          Self.rounded(item.facility * 100), Self.rounded(item.standardDeviation * 100),
          Self.rounded(item.discriminationIndex), Self.rounded(item.discriminativeEfficiency),
          verdict(of: item), counts[quiz]?[item.questionID].map { .text(countsSummary($0)) } ?? .empty,
        ])
      }
    }
    return Table(name: heading(.itemsSheet), header: header, rows: rows)
  }

  /// The item's flags, or "chưa đủ dữ liệu" below the attempts a verdict needs.
  func verdict(of item: ItemAnalysis.Item) -> Cell {
    guard item.hasEnoughAttempts else {
      return .text(heading(.insufficientAttempts(ItemAnalysis.minimumAttempts)))
    }
    return item.flags.isEmpty ? .empty : .text(item.flags.map { heading(.flag($0)) }.joined(separator: "; "))
  }

  /// `a 3 ✓ · b 1 · c 0`: each option by its id as written, with how many chose it, the right
  /// ones ticked.
  func countsSummary(_ counts: OptionCounts) -> String {
    counts.rows.prefix(8).map { row in
      "\(optionLabel(row)) \(row.count)\(row.isRight ? " ✓" : "")"
    }.joined(separator: " · ")
  }

  /// An option's id, or Đúng/Sai, or a response cut to 30 characters.
  func optionLabel(_ row: OptionCounts.Row) -> String {
    if row.text != nil { return row.key }
    if row.key == "true" || row.key == "false" { return heading(.truth(row.key == "true")) }
    return row.key.count > 30 ? String(row.key.prefix(29)) + "…" : row.key
  }

  func optionsTable() -> Table {
    let header = [
      heading(.quiz), heading(.question), heading(.questionText), heading(.option), heading(.optionText),
      heading(.rightOption), heading(.chosen), heading(.chosenShare),
    ]
    let counts = optionCounts()
    var rows: [[Cell]] = []
    for quiz in quizIDs {
      for item in itemAnalyses[quiz]?.items ?? [] {
        guard let question = counts[quiz]?[item.questionID] else { continue }
        for row in question.rows {
          rows.append([
            .text(quizName(quiz)), .code(item.questionID.rawValue),
            shortText(of: item.questionID).map(Cell.text) ?? .empty, .text(optionLabel(row)),
            .text(row.text?.text(in: language) ?? optionLabel(row)), row.isRight ? .text("✓") : .empty,
            .number(Double(row.count)), Self.percent(row.share),
          ])
        }
      }
    }
    return Table(name: heading(.optionsSheet), header: header, rows: rows)
  }

  func quizzesTable() -> Table {
    let header = [
      heading(.quiz), heading(.quizTitle), heading(.course), heading(.attempts), heading(.questions),
      heading(.meanScore), heading(.alpha), heading(.errorRatio), heading(.standardError),
    ]
    let rows = quizIDs.map { quiz -> [Cell] in
      let analysis = itemAnalyses[quiz]
      let summary = finishedSummary(of: quiz)
      return [
        .code(quiz), quizTitle(quiz).map(Cell.text) ?? .empty,
        quizzes[quiz].map { .text($0.course.id) } ?? .empty, .number(Double(summary.attempts)),
        .number(Double(analysis?.items.count ?? 0)), summary.meanShare.map(Self.percent) ?? .empty,
        Self.rounded(analysis?.alpha), Self.rounded(analysis?.errorRatio),
        Self.rounded(analysis?.standardError),
      ]
    }
    return Table(name: heading(.quizzesSheet), header: header, rows: rows)
  }
}
