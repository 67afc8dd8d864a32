import Localization

extension QuestionBankMessage: MessageCatalogue {
  /// One of every case (and every reason a source is refused), for the test that renders every
  /// message in both languages.
  public static var samples: [QuestionBankMessage] {
    let reasons: [SourceText.Malformed.Reason] = [
      .noDocument, .noBar, .twoBars, .noPlace, .noIndicator, .unknownPart("Chương 3"),
      .missingValue(.clause), .repeated(.article), .notANumber(.article, "năm"), .badPoint("1"),
      .partWithoutParent(.point),
    ]
    let malformed = reasons.map { SourceText.Malformed(text: "Điều 5 Luật Đất đai", reason: $0) }
    return [
      .unreadableFile(reason: "Permission denied"), .notUTF8, .unknownFormat("bank.doc"), .emptyBank,
      .unsupportedType("essay"), .numericalRange("3..5"), .partialCreditDropped, .embeddedFile("hinh.png"),
      .unevenWeights, .distractorDropped("Hà Nội"), .unclosedAnswers, .textAfterAnswers, .noRightAnswer,
      .tooFewOptions(minimum: 2), .mixedAnswerKinds, .badWeight("%150%"), .badNumber("ba"),
      .unknownFormatMarker("[latex]"), .aikenNoAnswerLine, .aikenAnswerNotAnOption("E"),
      .aikenOptionOutOfOrder("C"), .aikenStrayLine, .xmlSyntax("thẻ chưa đóng"), .notMoodleXML,
      .missingElement("questiontext"), .missingColumn("Câu hỏi"), .unknownType("cloze"), .badKey("Z"),
      .emptyCell("Đáp án"), .badPair("Hà Nội"), .notAWorkbook("bank.xlsx"), .invalidID("câu 1"),
      .duplicateID("oss-q-001", first: "bank.gift:3"), .idExists("oss-q-001", file: "m1.yaml"),
      .idInAnotherCourse("oss-q-001", course: "one-stop-shop"), .courseNotLoadable("Courses/x"),
      .areaNotDeclared("thu-tuc"), .writeFailed("ENOSPC"),
      .imported(count: 12, course: "dan-chu-co-so", file: "questions/bank.yaml"), .skipped(count: 2),
      .toFill(papi: 3, source: 4, explanation: 5), .importFailed(errors: 2),
      .exported(count: 30, file: "oss.gift"), .unknownCourseOrQuiz("oss"), .nothingToExport,
      .fileExists("oss.gift"), .leftOutOfAiken(4),
    ] + malformed.map(QuestionBankMessage.malformedSource)
      + malformed.map(QuestionBankMessage.malformedSourceOption)
  }
}
