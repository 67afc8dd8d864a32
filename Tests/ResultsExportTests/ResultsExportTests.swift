import Assessment
import Curriculum
import Foundation
import Gradebook
import Insight
import Localization
import Reporting
import Testing
import Units

@testable import ResultsExport

/// Runs `python3 -c script arguments...` and returns its standard output.
func python(_ script: String, _ arguments: [String]) throws -> String {
  let process = Process()
  process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
  process.arguments = ["python3", "-c", script] + arguments
  let output = Pipe()
  process.standardOutput = output
  try process.run()
  let data = output.fileHandleForReading.readDataToEndOfFile()
  process.waitUntilExit()
  return String(decoding: data, as: UTF8.self)
}

/// The export of the fixture's class, in Vietnamese, times in Vietnam.
func classExport(
  _ fixture: ExportFixture, _ selection: ExportSelection = ExportSelection(classID: ExportFixture.classID),
  language: Language = .vietnamese
) throws -> ClassExport {
  ClassExport(
    results: try ClassResults.load(from: fixture.directory, selection: selection), library: shippedLibrary,
    language: language, communeNames: [try CommuneCode("03637"): "Xã Mường Kim"], timeZone: vietnam)
}

/// A quiz's title in `language`, as the tables head its columns.
func title(_ quiz: String, _ language: Language = .vietnamese) -> String {
  shippedLibrary.courses.flatMap(\.quizzes).first { $0.id == quiz }?.title.text(in: language) ?? quiz
}

/// `D5 Thủ tục hành chính công`: a dimension's heading.
func dimension(_ code: String, _ language: Language = .vietnamese) -> String {
  "\(code) " + (shippedLibrary.taxonomy.dimensions.first { $0.code == code }?.name.text(in: language) ?? "")
}

/// A column of a table by its heading.
func column(_ table: Table, _ heading: String) throws -> Int {
  try #require(table.header.firstIndex(of: heading), "no column \(heading) in \(table.header)")
}

@Suite struct SelectionTests {
  @Test func aClassSpansItsCommunesAndLeavesOutAttemptsOutsideIt() throws {
    let fixture = try ExportFixture()
    let results = try ClassResults.load(
      from: fixture.directory, selection: ExportSelection(classID: ExportFixture.classID))
    #expect(results.communes.map(\.rawValue) == ["03637", "03640"])
    #expect(results.trainingClass?.place == "Phong Thổ")
    // Hùng never answered: only officials with attempts are exported.
    #expect(
      results.officials.map(\.name) == ["=1+1", "Lò Văn Thắng", "Nguyễn Thị Hoa", "+1 Trần", "Hoàng Thị Mai"])
    #expect(results.attempts.count == 5)
    #expect(results.answerCount == 13)
    #expect(results.attempts.allSatisfy { $0.quizID == "oss-pretest" })
  }

  @Test func communesPeriodsAndQuizzesCombine() throws {
    let fixture = try ExportFixture()
    let directory = fixture.directory
    let mai = try ClassResults.load(
      from: directory, selection: ExportSelection(communes: [CommuneCode("03640")]))
    #expect(Set(mai.officials.map(\.name)) == ["Hoàng Thị Mai", "+1 Trần"])
    let later = try ClassResults.load(from: directory, selection: ExportSelection(from: "2026-11-01"))
    #expect(later.attempts.map(\.quizID) == ["oss-practice-m1"])
    let oneDay = try ClassResults.load(
      from: directory, selection: ExportSelection(from: "2026-10-15", to: "2026-10-15"))
    #expect(oneDay.attempts.count == 5)
    let everything = try ClassResults.load(from: directory, selection: ExportSelection())
    #expect(everything.attempts.count == 6)
    let practice = try ClassResults.load(
      from: directory,
      selection: ExportSelection(communes: [CommuneCode("03637")], quizIDs: ["oss-practice-m1"])
    )
    #expect(practice.officials.map(\.name) == ["Nguyễn Thị Hoa"])
  }

  @Test func unknownClassesAndCommunesAreNamedAndNothingMatchingIsAnError() throws {
    let fixture = try ExportFixture()
    let directory = fixture.directory
    let stranger = ClassID()
    #expect(throws: ExportError.unknownClass(stranger.uuidString, folder: directory.url.path)) {
      try ClassResults.load(from: directory, selection: ExportSelection(classID: stranger))
    }
    #expect(throws: ExportError.unknownCommune("09999", folder: directory.url.path)) {
      try ClassResults.load(from: directory, selection: ExportSelection(communes: [CommuneCode("09999")]))
    }
    // Asking for a commune never creates its file.
    #expect(!FileManager.default.fileExists(atPath: directory.fileURL(for: try CommuneCode("09999")).path))
    #expect(
      throws: ExportError.communeNotInClass(commune: "03643", classID: ExportFixture.classID.uuidString)
    ) {
      try ClassResults.load(
        from: directory,
        selection: ExportSelection(classID: ExportFixture.classID, communes: [CommuneCode("03643")]))
    }
    let empty = ExportSelection(classID: ExportFixture.classID, from: "2026-11-01")
    #expect(throws: ExportError.emptySelection(empty)) {
      try ClassResults.load(from: directory, selection: empty)
    }
    #expect(
      ExportError.emptySelection(empty).text(in: .vietnamese)
        == "không có câu trả lời nào khớp lựa chọn (lớp \(ExportFixture.classID.uuidString), từ 2026-11-01); "
        + "không ghi tệp nào")
    #expect(throws: ExportError.badDate("2026-02-30")) {
      try ClassResults.load(from: directory, selection: ExportSelection(from: "2026-02-30"))
    }
    #expect(throws: ExportError.emptyPeriod(from: "2026-10-16", to: "2026-10-15")) {
      try ClassResults.load(from: directory, selection: ExportSelection(from: "2026-10-16", to: "2026-10-15"))
    }
  }
}

@Suite struct TableTests {
  @Test func scoresHaveOneRowPerOfficialWithNumbersAndDimensionShares() throws {
    let fixture = try ExportFixture()
    let table = try classExport(fixture).table(.scores)
    #expect(table.name == "Điểm")
    let pretest = "\(title("oss-pretest")): điểm (%)"
    #expect(pretest == "Kiểm tra đầu vào – Cơ chế một cửa: điểm (%)")
    #expect(Array(table.header.prefix(5)) == ["Mã xã", "Xã", "Họ và tên", "Chức vụ", pretest])
    let byName = Dictionary(uniqueKeysWithValues: table.rows.map { ($0[2], $0) })
    let score = try column(table, pretest)
    // Commune codes and ids are text, leading zeros kept.
    #expect(byName["Nguyễn Thị Hoa"]?[0] == .code("03637"))
    #expect(byName["Nguyễn Thị Hoa"]?[score] == .number(100))
    #expect(byName["=1+1"]?[score] == .number(66.7))
    #expect(byName["Hoàng Thị Mai"]?[score] == .number(0))
    #expect(byName["Nguyễn Thị Hoa"]?[1] == "Xã Mường Kim")
    #expect(byName["Nguyễn Thị Hoa"]?[3] == "Chủ tịch Ủy ban nhân dân xã")
    // The abandoned attempt has no score, and is counted as unfinished.
    let unfinished = try column(table, "Lượt chưa hoàn thành")
    #expect(byName["+1 Trần"]?[score] == .empty)
    #expect(byName["+1 Trần"]?[unfinished] == .number(1))
    // Three answers on D5 are too few for one official's share: the count is shown, not a share.
    let share = try column(table, "\(dimension("D5")): điểm (%)")
    #expect(table.header.contains("D5 Thủ tục hành chính công: điểm (%)"))
    #expect(byName["Nguyễn Thị Hoa"]?[share] == .empty)
    #expect(byName["Nguyễn Thị Hoa"]?[try column(table, "D5 số câu")] == .number(3))
  }

  @Test func aShareIsShownOnceThereAreEnoughAnswersAndSeveralAttemptsGetColumns() throws {
    let fixture = try ExportFixture()
    let export = try classExport(
      fixture, ExportSelection(communes: [CommuneCode("03637")]), language: .english)
    #expect(table(export, "Nguyễn Thị Hoa", "\(dimension("D5", .english)): marks (%)") == .number(100))
    #expect(table(export, "Nguyễn Thị Hoa", "D5 answers") == .number(8))
    let practice = "\(title("oss-practice-m1", .english)): score (%)"
    #expect(table(export, "Nguyễn Thị Hoa", practice) == .number(100))
    #expect(table(export, "Lò Văn Thắng", practice) == .empty)
  }

  func table(_ export: ClassExport, _ name: String, _ heading: String) -> Cell? {
    let table = export.table(.scores)
    guard let index = table.header.firstIndex(of: heading) else { return nil }
    return table.rows.first { $0[2] == .text(name) }?[index]
  }

  @Test func answersHaveOneRowPerAnswerWithTheQuestionAndTheResponseAsShown() throws {
    let fixture = try ExportFixture()
    let table = try classExport(fixture).table(.answers)
    #expect(table.rows.count == 13)
    #expect(table.header[11] == "Trả lời lúc (UTC+07:00)")
    #expect(table.header.last == "Mã lượt làm bài")
    let row = try #require(table.rows.first { $0[1] == "Nguyễn Thị Hoa" })
    #expect(row[0] == .code("03637"))
    #expect(row[2] == .text(title("oss-pretest")))
    #expect(row[3] == "hoàn thành")
    #expect(row[4] == .code(fixture.pretestQuestions[0].rawValue))
    let prompt = try #require(shippedLibrary.question(fixture.pretestQuestions[0])?.prompt.vi)
    if case .text(let short) = row[5] {
      #expect(
        prompt.split(whereSeparator: \.isWhitespace).joined(separator: " ").hasPrefix(
          short.replacingOccurrences(of: "…", with: "")))
      #expect(short.count <= 100)
    } else {
      Issue.record("no question text: \(row[5])")
    }
    #expect(row[6] == "D5, D5.3")
    // Option a of oss-q-001, under the letter the quiz's seed showed it with (the quiz shuffles).
    let quiz = try #require(shippedLibrary.course("one-stop-shop")?.quiz("oss-pretest"))
    let assembled = try QuizAssembler(
      course: shippedLibrary.course("one-stop-shop")!, taxonomy: shippedLibrary.taxonomy
    )
    .reassemble(quiz, seed: 7, questionIDs: fixture.pretestQuestions)
    let letter = AnswerParser.label(try #require(assembled.items[0].displayOrder.firstIndex(of: 0)))
    #expect(
      row[7]
        == .text(
          "\(letter)) Người dân được hướng dẫn, nộp hồ sơ và nhận kết quả tại một đầu mối là Bộ phận Một cửa")
    )
    // 2026-10-15 01:31 UTC is 08:31 in Vietnam: a date-time cell.
    let shownTime: Int64 = 1_792_027_860 + 7 * 3600
    let expected: [Cell] = [.number(1), .number(1), .number(12.5), .dateTime(shownTime)]
    #expect(Array(row[8...11]) == expected)
    #expect(Cell.dateTimeText(shownTime) == "2026-10-15 08:31:00")
    let truth = try #require(
      table.rows.first { $0[1] == "Hoàng Thị Mai" && $0[4] == .code(fixture.pretestQuestions[1].rawValue) })
    #expect(truth[7] == "Sai")
    #expect(truth[8] == .number(0))
  }

  /// Matching and ordering answers read as the letters typed, then in words.
  @Test func matchingAndOrderingAreShownAsTheSequenceTyped() throws {
    let pairs = [
      MatchingPair(left: LocalizedText(vi: "Tiếp nhận"), right: LocalizedText(vi: "Bộ phận Một cửa")),
      MatchingPair(left: LocalizedText(vi: "Ký duyệt"), right: LocalizedText(vi: "Chủ tịch")),
    ]
    var question = try #require(shippedLibrary.question("oss-q-001"))
    question.body = .matching(pairs: pairs)
    // Right items shown as a) Chủ tịch, b) Bộ phận Một cửa; the official matched both rightly.
    let matched = ShownAnswers.text(.matching([0, 1]), of: question, order: [1, 0], language: .vietnamese)
    #expect(matched == "1-b 2-a: Tiếp nhận → Bộ phận Một cửa; Ký duyệt → Chủ tịch")
    question.body = .ordering(items: [
      LocalizedText(vi: "Nhận"), LocalizedText(vi: "Xử lý"), LocalizedText(vi: "Trả"),
    ])
    let ordered = ShownAnswers.text(
      .ordering([0, 2, 1]), of: question, order: [2, 0, 1], language: .vietnamese)
    #expect(ordered == "b a c: Nhận; Trả; Xử lý")
  }

  /// q0 over four finished attempts: x = 1 1 0 0, the rest of the test Y = 2 1 1 0.
  /// mean x = 0.5, var x = 1/3 (SD 57.74%), var Y = 2/3, cov(x, Y) = 1/3, so the discrimination
  /// index is 100 (1/3) / sqrt(2/9) = 70.71; sorted x and Y give the same covariance, so the
  /// efficiency is 100. The test: item variances 1/3 each, totals 3 2 1 0 with variance 5/3, so
  /// alpha = 100 × 3/2 × (1 − 1/(5/3)) = 60, error ratio 100 sqrt(0.4) = 63.25, standard error
  /// 0.6325 × sqrt(5/3) = 0.82. The abandoned attempt is left out.
  @Test func itemStatisticsMatchAHandComputedCase() throws {
    let fixture = try ExportFixture()
    let export = try classExport(fixture)
    let items = export.table(.items)
    #expect(items.rows.count == 3)
    let first = items.rows[0]
    #expect(
      first[0] == .text(title("oss-pretest")) && first[1] == .code(fixture.pretestQuestions[0].rawValue))
    #expect(Array(first[4...8]) == [.number(4), .number(50), .number(57.74), .number(70.71), .number(100)])
    // Four attempts are too few for a verdict.
    #expect(first[9] == "chưa đủ dữ liệu (dưới 20 lượt)")
    #expect(first[10] == "a 2 ✓ · b 2 · c 0 · d 0")
    let quizzes = export.table(.quizzes)
    #expect(quizzes.rows.count == 1)
    #expect(
      Array(quizzes.rows[0][3...8]) == [
        .number(4), .number(3), .number(50), .number(60), .number(63.25), .number(0.82),
      ])
    #expect(quizzes.rows[0][2] == "one-stop-shop")
  }

  @Test func headersFollowTheLanguage() throws {
    let fixture = try ExportFixture()
    let export = try classExport(fixture, language: .english)
    #expect(
      export.tables().map(\.name) == [
        "Scores", "Answers", "Item statistics", "Options", "Quizzes", "Needs help", "How to read",
      ])
    #expect(export.table(.answers).header.contains("Answered at (UTC+07:00)"))
    #expect(export.table(.answers).rows.contains { $0[3] == "abandoned" })
    #expect(export.table(.guide).rows.count == ExportGuide.allCases.count)
  }
}

@Suite struct FastPathTests {
  /// Per-dimension figures from running tallies are those of the official's answer facts.
  @Test func dimensionMasteryIsThatOfTheAnswerFacts() throws {
    let fixture = try ExportFixture()
    let export = try classExport(fixture)
    var compared = 0
    for official in export.results.officials {
      var facts: [String: [AnswerFact]] = [:]
      for attempt in export.results.attempts where attempt.officialID == official.id {
        for answer in attempt.answers {
          guard let question = shippedLibrary.question(answer.questionID) else { continue }
          let fact = AnswerFact(
            officialID: official.id.uuidString, position: official.position,
            communeCode: official.communeCode.rawValue, attemptID: attempt.id.uuidString,
            quizID: attempt.quizID,
            questionID: answer.questionID, score: answer.score, answeredAt: answer.answeredAt,
            papiCodes: question.papiCodes, area: question.area.id)
          for code in shippedLibrary.taxonomy.countedCodes(for: question.papiCodes) {
            facts[code, default: []].append(fact)
          }
        }
      }
      let mastery = export.dimensionMastery(of: official)
      for dimension in export.dimensions {
        #expect(
          mastery[dimension.code]
            == export.rule.mastery(of: facts[dimension.code] ?? [], at: export.reference))
        compared += 1
      }
    }
    #expect(compared > 0)
  }

  /// Times in a zone with daylight saving, across its transitions, as a DateFormatter writes them.
  @Test func localTimesFollowTheZoneAcrossTransitions() throws {
    let zone = try #require(TimeZone(identifier: "Europe/Berlin"))
    let formatter = DateFormatter()
    formatter.locale = Locale(identifier: "en_US_POSIX")
    formatter.timeZone = zone
    formatter.dateFormat = "yyyy-MM-dd HH:mm:ss"
    let start = Date(timeIntervalSince1970: 1_774_000_000)  // March 2026, before the change
    let dates = (0..<2000).map { start.addingTimeInterval(Double($0) * 17_000.123) }
    for span in [nil, dates.first!...dates.last!, dates[0]...dates[5]] {
      let times = LocalTimeFormatter(timeZone: zone, span: span)
      let checked = span.map { span in dates.filter { span.contains($0) } } ?? dates
      for date in checked { #expect(times.string(date) == formatter.string(from: date)) }
    }
    let vietnam = LocalTimeFormatter(
      timeZone: try #require(TimeZone(identifier: "Asia/Ho_Chi_Minh")), span: start...start)
    #expect(vietnam.string(Date(timeIntervalSince1970: 1_791_070_260.9)) == "2026-10-04 06:31:00")
  }
}

@Suite struct WriterSafetyTests {
  @Test func aRosterNameThatLooksLikeAFormulaStaysText() throws {
    let fixture = try ExportFixture()
    let scores = try classExport(fixture).table(.scores)
    let csv = String(decoding: CSVWriter().data(for: scores), as: UTF8.self)
    #expect(csv.hasPrefix("\u{FEFF}"))
    // The commune code keeps its leading zero in a spreadsheet: an invisible word joiner before it.
    #expect(csv.contains("\r\n\u{2060}03637,Xã Mường Kim,'=1+1,"))
    let plain = String(decoding: CSVWriter(byteOrderMark: false).data(for: scores), as: UTF8.self)
    #expect(plain.contains("\r\n03637,Xã Mường Kim,'=1+1,"))
    #expect(csv.contains(",'+1 Trần,"))
    #expect(!csv.contains(",=1+1"))
    // In the workbook the name is a (shared) string cell, and no cell anywhere is a formula.
    let file = fixture.url.appendingPathComponent("class.xlsx")
    try XLSXWriter().data(for: [scores]).write(to: file)
    let script = """
      import sys, zipfile, xml.etree.ElementTree as ET
      ns = {'m': 'http://schemas.openxmlformats.org/spreadsheetml/2006/main'}
      z = zipfile.ZipFile(sys.argv[1])
      shared = [si.find('m:t', ns).text for si in ET.fromstring(z.read('xl/sharedStrings.xml'))]
      root = ET.fromstring(z.read('xl/worksheets/sheet1.xml'))
      assert not root.findall('.//m:f', ns)
      for c in root.iter('{%s}c' % ns['m']):
          if c.get('t') == 's' and shared[int(c.find('m:v', ns).text)] in ('=1+1', '+1 Trần'):
              print(c.get('t'), shared[int(c.find('m:v', ns).text)])
      """
    #expect(try python(script, [file.path]) == "s =1+1\ns +1 Trần\n")
  }
}

@Suite struct DocumentTests {
  static let schemaPath = repositoryRoot.appendingPathComponent("docs/export-schema.json").path

  /// Checks `document` against docs/export-schema.json: with the jsonschema package when it is
  /// installed, and always with a small checker of the keywords the schema uses (type, required,
  /// properties, items, enum, const, oneOf, minimum, maximum, pattern). Also names any field of the
  /// document the schema does not describe. Prints "ok" or the problems.
  static let validator = """
    import json, re, sys
    schema = json.load(open(sys.argv[1]))
    document = json.load(open(sys.argv[2]))
    problems = []
    try:
        import jsonschema
        problems += [e.message for e in jsonschema.Draft202012Validator(schema).iter_errors(document)]
    except ImportError:
        pass
    types = {'object': dict, 'array': list, 'string': str, 'boolean': bool, 'null': type(None)}
    def is_type(value, name):
        if name in ('number', 'integer'):
            ok = isinstance(value, (int, float)) and not isinstance(value, bool)
            return ok and (name == 'number' or float(value).is_integer())
        return isinstance(value, types[name])
    def check(value, rule, path):
        if 'oneOf' in rule:
            if sum(1 for r in rule['oneOf'] if not list(walk(value, r, path))) != 1:
                yield path + ': matches not exactly one of oneOf'
            return
        if 'const' in rule and value != rule['const']: yield path + ': not ' + repr(rule['const'])
        if 'enum' in rule and value not in rule['enum']: yield path + ': ' + repr(value) + ' not in enum'
        if 'type' in rule:
            names = rule['type'] if isinstance(rule['type'], list) else [rule['type']]
            if not any(is_type(value, n) for n in names):
                yield path + ': ' + repr(value) + ' is not ' + '/'.join(names); return
        if isinstance(value, (int, float)) and not isinstance(value, bool):
            if 'minimum' in rule and value < rule['minimum']: yield path + ': below minimum'
            if 'maximum' in rule and value > rule['maximum']: yield path + ': above maximum'
        if isinstance(value, str) and 'pattern' in rule and not re.search(rule['pattern'], value):
            yield path + ': does not match ' + rule['pattern']
        if isinstance(value, dict):
            for key in rule.get('required', []):
                if key not in value: yield path + ': missing ' + key
            properties = rule.get('properties', {})
            for key, item in value.items():
                if key not in properties: yield path + '.' + key + ': not in the schema'
                else: yield from walk(item, properties[key], path + '.' + key)
        if isinstance(value, list) and 'items' in rule:
            for index, item in enumerate(value): yield from walk(item, rule['items'], '%s[%d]' % (path, index))
    def walk(value, rule, path):
        yield from check(value, rule, path)
    problems += list(walk(document, schema, '$'))
    print('\\n'.join(problems) if problems else 'ok')
    """

  func validate(_ document: ExportDocument, in fixture: ExportFixture) throws -> String {
    let file = fixture.url.appendingPathComponent("export.json")
    try ExportDocument.encoder.encode(document).write(to: file)
    return try python(Self.validator, [Self.schemaPath, file.path]).trimmingCharacters(in: .newlines)
  }

  @Test func theDocumentFollowsItsSchema() throws {
    let fixture = try ExportFixture()
    let selection = ExportSelection(classID: ExportFixture.classID)
    #expect(
      try validate(try classExport(fixture, selection).document(selection: selection), in: fixture) == "ok")
    let everything = ExportSelection()
    #expect(
      try validate(try classExport(fixture, everything).document(selection: everything), in: fixture) == "ok")
  }

  @Test func theValidatorCatchesAWrongType() throws {
    let fixture = try ExportFixture()
    var document = try classExport(fixture).document(selection: ExportSelection())
    document.schema = "papi-train.export/3"
    document.attempts[0].answers[0].mark = -1
    let problems = try validate(document, in: fixture)
    #expect(problems.contains("$.schema: not 'papi-train.export/2'"))
    #expect(problems.contains("$.attempts[0].answers[0].mark: below minimum"))
  }

  @Test func theDocumentNamesItsSchemaAndWritesNullsNotZeros() throws {
    let fixture = try ExportFixture()
    let selection = ExportSelection(classID: ExportFixture.classID)
    let data = try ExportDocument.encoder.encode(try classExport(fixture).document(selection: selection))
    let json = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
    #expect(json["schema"] as? String == "papi-train.export/2")
    #expect((json["trainingClass"] as? [String: Any])?["trainer"] as? String == "Đặng Văn Lâm")
    let officials = try #require(json["officials"] as? [[String: Any]])
    let dimensions = try #require(officials.first?["dimensions"] as? [[String: Any]])
    #expect(dimensions.first?["share"] is NSNull)
    #expect(dimensions.first?["insufficientData"] as? Bool == true)
    let attempts = try #require(json["attempts"] as? [[String: Any]])
    let abandoned = try #require(attempts.first { $0["status"] as? String == "abandoned" })
    #expect(abandoned["score"] is NSNull && abandoned["endedAt"] is String)
    let quiz = try #require((json["quizzes"] as? [[String: Any]])?.first)
    #expect(abs((quiz["alpha"] as? Double ?? 0) - 60) < 1e-9)
    #expect(json["asOf"] as? String == "2026-10-15T01:33:00Z")
    // Responses are plain objects, and read as the official saw them.
    let answers = try #require(attempts.first?["answers"] as? [[String: Any]])
    let response = try #require(answers.first?["response"] as? [String: Any])
    #expect(response.count == 2 && response["type"] as? String == "choice")
    #expect(["a", "b"].contains(response["option"] as? String ?? ""))
    #expect((answers.first?["responseText"] as? String)?.contains(") Người dân") == true)
    let truth = try #require(answers.dropFirst().first?["response"] as? [String: Any])
    #expect(truth["type"] as? String == "truth" && truth["value"] is Bool)
    let items = try #require(quiz["items"] as? [[String: Any]])
    #expect(items.first?["flags"] as? [String] == ["insufficient-data"])
    let options = try #require(items.first?["options"] as? [[String: Any]])
    #expect(options.map { $0["count"] as? Int } == [2, 2, 0, 0])
    #expect(options.map { $0["right"] as? Bool } == [true, false, false, false])
  }

  @Test func theProseDocumentationNamesEveryField() throws {
    let text = try String(
      contentsOf: repositoryRoot.appendingPathComponent("docs/export-json.md"), encoding: .utf8)
    let schema = try #require(
      try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: Self.schemaPath)))
        as? [String: Any])
    func keys(_ rule: Any) -> Set<String> {
      guard let rule = rule as? [String: Any] else { return [] }
      var found = Set<String>()
      if let properties = rule["properties"] as? [String: Any] {
        found.formUnion(properties.keys)
        for value in properties.values { found.formUnion(keys(value)) }
      }
      if let items = rule["items"] { found.formUnion(keys(items)) }
      for option in rule["oneOf"] as? [Any] ?? [] { found.formUnion(keys(option)) }
      return found
    }
    for key in keys(schema) {
      let named = ["`\(key)`", "{\(key),", ", \(key),", ", \(key)}", "`\(key),", ", \(key)`"].contains {
        text.contains($0)
      }
      #expect(named, "\(key) is not in docs/export-json.md")
    }
  }
}
