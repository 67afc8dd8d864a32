import Localization

/// The catalogue of everything `papi-train lint` can say about course files, in Vietnamese and English.
public enum CurriculumMessage: LocalizedMessage, Hashable, Codable {
  case unreadableFile(reason: String)
  case fileTooLarge(bytes: Int, limit: Int)
  case invalidUTF8
  case yamlSyntax(problem: String)
  case tooDeeplyNested(limit: Int)
  /// Aliases (`*name`) that repeat more values than a course file can hold (an "alias bomb").
  case tooManyAliasedValues(limit: Int)
  case duplicateKey(String)
  case emptyDocument
  case notNFC(field: String)
  case missingFrontMatter
  case unterminatedFrontMatter
  case missingField(String)
  case emptyField(String)
  case wrongType(field: String, expected: ValueKind)
  case unknownField(String, suggestion: String?)
  case textSplitAtComma(String)
  case explanationNamesOptionLetter(String)
  case explanationOpensWithVerdict(String)
  case invalidValue(field: String, value: String, allowed: [String])
  case numberOutOfRange(field: String, value: String, range: String)
  case invalidID(String)
  case duplicateID(kind: EntityKind, id: String, first: SourceLocation)
  case unknownReference(kind: EntityKind, id: String, suggestion: String?)
  case answerNotAnOption(String)
  case tooFewItems(field: String, minimum: Int)
  case duplicateAnswer(String)
  case sourceNeedsArticleOrIndicator
  case codeNotInEdition(code: String, edition: Int)
  case sharedPrePostQuestions(preTest: String, postTest: String, questions: [String])
  case drawRuleUnsatisfiable(wanted: Int, available: Int)
  case quizWithoutQuestions
  case quizQuestionRepeated(String)
  case attemptsWithoutRetake(Int)
  case givesAwayKey(question: String, part: String, key: String, of: String)
  case lessonNotInAnyModule(String)
  case lessonInSeveralModules(lesson: String)
  case translationWithoutLesson(String)
  case emptyLessonBody
  case noCourses(directory: String)
  case missingTaxonomy(searchedFrom: String)
  case missingPositions(expected: String)
  case subdimensionOutsideDimension(code: String, dimension: String)
  case duplicateOrderingItem(String, first: SourceLocation)
  case duplicateMatchingRight(String, first: SourceLocation)
  case articleNotANumber(String)
  case articleBeyondDocument(article: Int, document: String, articles: Int)
  case documentReplaced(document: String, replacedBy: String, on: String, lawAsOf: String)
  case sourcePlaceholder(field: String, placeholder: String)
  case secondarySource(document: String)
  case sourceNotRead(document: String)
  case missingLawAsOf
  case formerPositionID(String, current: String)
  case invalidDate(field: String, value: String)
  case replacedWithoutSuccessor(document: String)
  case successorOfDocumentNotReplaced(document: String)
  case amendedWithoutAmendments(document: String)
  case replacementChainLoops(document: String)
  case replacedOnDiffersFromSuccessor(replacedOn: String, successor: String, inForce: String)

  /// The kinds of value a field can hold, for "wrong type" messages.
  public enum ValueKind: String, Sendable, Hashable, Codable {
    case text, number, boolean, list, mapping, textOrTranslations
  }

  /// The kinds of thing an id can name.
  public enum EntityKind: String, Sendable, Hashable, Codable {
    case course, module, lesson, question, quiz, area, position, papiCode, option, dimension, legalDocument
  }

  public func text(in language: Language) -> String {
    switch language {
    case .vietnamese: vietnamese
    case .english: english
    }
  }

  private var english: String {
    switch self {
    case .unreadableFile(let reason): "cannot read the file: \(reason)"
    case .fileTooLarge(let bytes, let limit):
      "the file is \(bytes) bytes; course files may be at most \(limit)"
    case .invalidUTF8: "the file is not valid UTF-8 text; save it as UTF-8"
    case .yamlSyntax(let problem): "YAML syntax: \(problem)"
    case .tooDeeplyNested(let limit): "the document is nested more than \(limit) levels deep"
    case .tooManyAliasedValues(let limit):
      "aliases (*name) repeat more than \(limit) values here; write the values out instead"
    case .duplicateKey(let key): "the key '\(key)' appears twice in the same mapping"
    case .emptyDocument: "the file is empty"
    case .notNFC(let field):
      "'\(field)' is not in Unicode NFC (decomposed letters); re-type it or normalise the file"
    case .missingFrontMatter: "a lesson must start with a '---' header block"
    case .unterminatedFrontMatter: "the lesson header opened with '---' is never closed by a '---' line"
    case .missingField(let field): "missing required field '\(field)'"
    case .emptyField(let field): "'\(field)' is empty"
    case .wrongType(let field, let expected): "'\(field)' should be \(expected.english)"
    case .unknownField(let field, let suggestion):
      "unknown field '\(field)'" + (suggestion.map { "; did you mean '\($0)'?" } ?? "")
    case .explanationOpensWithVerdict(let word):
      "the explanation opens with '\(word)', but it is shown after right and wrong answers alike (after \"✓ Correct.\""
        + " too): explain why, without a verdict word"
    case .explanationNamesOptionLetter(let phrase):
      "the explanation says '\(phrase)', but options are shuffled and relabelled when shown: describe the option in words"
    case .textSplitAtComma(let fragment):
      "'\(fragment)' looks like text cut at a comma inside { ... }: put the whole text in double quotes"
    case .invalidValue(let field, let value, let allowed):
      "'\(value)' is not a valid \(field); use one of: \(allowed.joined(separator: ", "))"
    case .numberOutOfRange(let field, let value, let range): "'\(field)' is \(value), outside \(range)"
    case .invalidID(let id):
      "'\(id)' is not a valid id: use lower-case ASCII letters, digits and hyphens, starting with a letter"
    case .duplicateID(let kind, let id, let first):
      "duplicate \(kind.english) id '\(id)' (first defined at \(first))"
    case .unknownReference(let kind, let id, let suggestion):
      "no \(kind.english) '\(id)'" + (suggestion.map { "; did you mean '\($0)'?" } ?? "")
    case .answerNotAnOption(let id): "the answer '\(id)' is not one of the options"
    case .tooFewItems(let field, let minimum):
      "'\(field)' needs at least \(minimum) \(minimum == 1 ? "entry" : "entries")"
    case .duplicateAnswer(let value): "'\(value)' is listed twice"
    case .sourceNeedsArticleOrIndicator:
      "a source needs an 'article' (legal document) or an 'indicator' (PAPI)"
    case .codeNotInEdition(let code, let edition):
      "PAPI code \(code) does not apply in the \(edition) edition"
    case .sharedPrePostQuestions(let pre, let post, let questions):
      "pre-test '\(pre)' and post-test '\(post)' share questions: \(questions.joined(separator: ", "))"
    case .drawRuleUnsatisfiable(let wanted, let available):
      "this rule draws \(wanted) question\(wanted == 1 ? "" : "s") but only \(available) match"
    case .quizWithoutQuestions: "the quiz has neither 'questions' nor 'draw' rules"
    case .quizQuestionRepeated(let id): "question '\(id)' is listed twice in this quiz"
    case .attemptsWithoutRetake(let count):
      "'attempts: \(count)' has no effect: this quiz may not be retaken (add 'retake: true' to allow it)"
    case .givesAwayKey(let question, let part, let key, let other):
      "question '\(question)': its \(part) contains '\(key)', the answer to question '\(other)' of this quiz"
    case .lessonNotInAnyModule(let id): "lesson '\(id)' is not listed in any module, so no one will see it"
    case .lessonInSeveralModules(let id): "lesson '\(id)' is listed in more than one module"
    case .translationWithoutLesson(let id):
      "English version of lesson '\(id)', but there is no Vietnamese lesson with that id"
    case .emptyLessonBody: "the lesson has no text after its header"
    case .noCourses(let directory):
      "no course found in \(directory) (a course is a folder with a course.yaml)"
    case .missingTaxonomy(let from):
      "no papi-taxonomy.yaml found in \(from) or any folder above it; use --taxonomy FILE"
    case .missingPositions(let expected): "no positions.yaml found (expected at \(expected))"
    case .subdimensionOutsideDimension(let code, let dimension):
      "sub-dimension code \(code) should start with its dimension's code \(dimension)."
    case .duplicateOrderingItem(let item, let first):
      "the item '\(item)' appears twice (first at \(first)): the order would have two right answers"
    case .duplicateMatchingRight(let right, let first):
      "the right-hand side '\(right)' appears twice (first at \(first)): two left items could not be told apart"
    case .articleNotANumber(let article):
      "'\(article)' is not an article number: write the number alone (article: 12) and use 'clause' and 'point'"
    case .articleBeyondDocument(let article, let document, let articles):
      "\(document) has \(articles) articles; there is no Article \(article)"
    case .documentReplaced(let document, let replacedBy, let on, let lawAsOf):
      "\(document) was replaced by \(replacedBy) on \(on), before this course's law date \(lawAsOf): cite the law in force, or mark the source 'history: true'"
    case .sourcePlaceholder(let field, let placeholder):
      "the source's '\(field)' holds the placeholder '\(placeholder)': cite what was read in the primary text"
    case .secondarySource(let document):
      "\(document) was read only in secondary sources: confirm the rule in its primary text"
    case .formerPositionID(let old, let current):
      "'\(old)' is a former position id, now '\(current)': use the current one"
    case .sourceNotRead(let document):
      "the registry gives no primary text of \(document) that was read ('read_in'): read it before citing it"
    case .missingLawAsOf:
      "the course needs 'law_as_of' (yyyy-MM-dd): the day whose law it teaches"
    case .invalidDate(let field, let value): "'\(field)' is '\(value)', not a date written yyyy-MM-dd"
    case .replacedWithoutSuccessor(let document):
      "\(document) has status 'replaced' but no 'replaced_by'"
    case .successorOfDocumentNotReplaced(let document):
      "\(document) names 'replaced_by' but its status is not 'replaced'"
    case .amendedWithoutAmendments(let document):
      "\(document) has status 'amended' but no 'amended_by'"
    case .replacementChainLoops(let document):
      "the 'replaced_by' chain from \(document) comes back to a document already in it"
    case .replacedOnDiffersFromSuccessor(let replacedOn, let successor, let inForce):
      "'replaced_on' is \(replacedOn) but \(successor) came into force on \(inForce)"
    }
  }

  private var vietnamese: String {
    switch self {
    case .unreadableFile(let reason): "không đọc được tệp: \(reason)"
    case .fileTooLarge(let bytes, let limit): "tệp có \(bytes) byte; tệp khoá học tối đa \(limit) byte"
    case .invalidUTF8: "tệp không phải văn bản UTF-8 hợp lệ; hãy lưu lại dưới dạng UTF-8"
    case .yamlSyntax(let problem): "lỗi cú pháp YAML: \(problem)"
    case .tooDeeplyNested(let limit): "tài liệu lồng nhau sâu quá \(limit) cấp"
    case .tooManyAliasedValues(let limit):
      "bí danh YAML (*tên) lặp lại hơn \(limit) giá trị tại đây; hãy viết thẳng các giá trị"
    case .duplicateKey(let key): "khoá '\(key)' xuất hiện hai lần trong cùng một mục"
    case .emptyDocument: "tệp trống"
    case .notNFC(let field):
      "'\(field)' không ở dạng Unicode NFC (chữ tổ hợp rời); hãy gõ lại hoặc chuẩn hoá tệp"
    case .missingFrontMatter: "bài học phải bắt đầu bằng phần đầu '---'"
    case .unterminatedFrontMatter: "phần đầu bài học mở bằng '---' nhưng không có dòng '---' đóng lại"
    case .missingField(let field): "thiếu trường bắt buộc '\(field)'"
    case .emptyField(let field): "'\(field)' đang để trống"
    case .wrongType(let field, let expected): "'\(field)' phải là \(expected.vietnamese)"
    case .unknownField(let field, let suggestion):
      "trường lạ '\(field)'" + (suggestion.map { "; có phải ý bạn là '\($0)'?" } ?? "")
    case .explanationOpensWithVerdict(let word):
      "lời giải thích mở đầu bằng '\(word)', nhưng nó hiện ra sau cả câu trả lời đúng lẫn sai (cả sau \"✓ Đúng.\"):"
        + " hãy giải thích lý do, không mở đầu bằng lời phán đúng/sai"
    case .explanationNamesOptionLetter(let phrase):
      "lời giải thích viết '\(phrase)', nhưng các phương án được xáo trộn và gán lại chữ cái khi hiển thị: hãy nêu phương án bằng lời"
    case .textSplitAtComma(let fragment):
      "'\(fragment)' giống một đoạn văn bị cắt ở dấu phẩy trong { ... }: hãy đặt cả đoạn trong dấu ngoặc kép"
    case .invalidValue(let field, let value, let allowed):
      "'\(value)' không phải giá trị hợp lệ của \(field); dùng một trong: \(allowed.joined(separator: ", "))"
    case .numberOutOfRange(let field, let value, let range): "'\(field)' bằng \(value), nằm ngoài \(range)"
    case .invalidID(let id):
      "'\(id)' không phải mã hợp lệ: chỉ dùng chữ thường không dấu, chữ số và dấu gạch nối, bắt đầu bằng chữ"
    case .duplicateID(let kind, let id, let first):
      "mã \(kind.vietnamese) '\(id)' bị trùng (đã định nghĩa tại \(first))"
    case .unknownReference(let kind, let id, let suggestion):
      "không có \(kind.vietnamese) '\(id)'" + (suggestion.map { "; có phải ý bạn là '\($0)'?" } ?? "")
    case .answerNotAnOption(let id): "đáp án '\(id)' không nằm trong các phương án"
    case .tooFewItems(let field, let minimum): "'\(field)' cần ít nhất \(minimum) mục"
    case .duplicateAnswer(let value): "'\(value)' được liệt kê hai lần"
    case .sourceNeedsArticleOrIndicator:
      "nguồn cần có 'article' (điều khoản văn bản pháp luật) hoặc 'indicator' (chỉ số PAPI)"
    case .codeNotInEdition(let code, let edition): "mã PAPI \(code) không còn áp dụng trong kỳ \(edition)"
    case .sharedPrePostQuestions(let pre, let post, let questions):
      "bài kiểm tra đầu vào '\(pre)' và đầu ra '\(post)' dùng chung câu hỏi: \(questions.joined(separator: ", "))"
    case .drawRuleUnsatisfiable(let wanted, let available):
      "quy tắc này rút \(wanted) câu hỏi nhưng chỉ có \(available) câu phù hợp"
    case .quizWithoutQuestions: "bài kiểm tra không có 'questions' cũng không có quy tắc 'draw'"
    case .quizQuestionRepeated(let id): "câu hỏi '\(id)' được liệt kê hai lần trong bài kiểm tra này"
    case .attemptsWithoutRetake(let count):
      "'attempts: \(count)' không có tác dụng: bài này không cho làm lại (thêm 'retake: true' để cho phép)"
    case .givesAwayKey(let question, let part, let key, let other):
      "câu hỏi '\(question)': \(part == "stem" ? "đề bài" : "phương án") chứa '\(key)', là đáp án của câu '\(other)' trong cùng bài kiểm tra"
    case .lessonNotInAnyModule(let id): "bài học '\(id)' không thuộc học phần nào nên không ai thấy được"
    case .lessonInSeveralModules(let id): "bài học '\(id)' được liệt kê trong nhiều học phần"
    case .translationWithoutLesson(let id):
      "bản tiếng Anh của bài học '\(id)' nhưng không có bài tiếng Việt cùng mã"
    case .emptyLessonBody: "bài học không có nội dung sau phần đầu"
    case .noCourses(let directory):
      "không tìm thấy khoá học nào trong \(directory) (khoá học là thư mục có tệp course.yaml)"
    case .missingTaxonomy(let from):
      "không tìm thấy papi-taxonomy.yaml trong \(from) hay thư mục cha nào; dùng --taxonomy TỆP"
    case .missingPositions(let expected): "không tìm thấy positions.yaml (cần có tại \(expected))"
    case .subdimensionOutsideDimension(let code, let dimension):
      "mã chỉ số nội dung thành phần \(code) phải bắt đầu bằng mã của chỉ số nội dung \(dimension)."
    case .duplicateOrderingItem(let item, let first):
      "bước '\(item)' xuất hiện hai lần (lần đầu tại \(first)): thứ tự đúng sẽ không còn duy nhất"
    case .duplicateMatchingRight(let right, let first):
      "vế phải '\(right)' xuất hiện hai lần (lần đầu tại \(first)): không phân biệt được hai vế trái"
    case .articleNotANumber(let article):
      "'\(article)' không phải số điều: chỉ ghi số (article: 12), khoản và điểm ghi ở 'clause' và 'point'"
    case .articleBeyondDocument(let article, let document, let articles):
      "\(document) có \(articles) điều; không có Điều \(article)"
    case .documentReplaced(let document, let replacedBy, let on, let lawAsOf):
      "\(document) đã bị \(replacedBy) thay thế từ \(on), trước mốc pháp luật \(lawAsOf) của khoá học: hãy trích văn bản đang có hiệu lực, hoặc ghi 'history: true' nếu câu hỏi nói về lịch sử"
    case .sourcePlaceholder(let field, let placeholder):
      "trường '\(field)' của nguồn còn chữ tạm '\(placeholder)': hãy ghi điều khoản đã đọc trong văn bản gốc"
    case .secondarySource(let document):
      "\(document) mới chỉ đọc qua nguồn thứ cấp: hãy đối chiếu quy định với văn bản gốc"
    case .formerPositionID(let old, let current):
      "'\(old)' là mã vị trí cũ, nay là '\(current)': hãy dùng mã hiện hành"
    case .sourceNotRead(let document):
      "danh mục chưa ghi nơi đã đọc văn bản gốc của \(document) ('read_in'): hãy đọc văn bản trước khi trích dẫn"
    case .missingLawAsOf:
      "khoá học cần 'law_as_of' (yyyy-MM-dd): ngày của pháp luật mà khoá học dạy"
    case .invalidDate(let field, let value): "'\(field)' là '\(value)', không phải ngày dạng yyyy-MM-dd"
    case .replacedWithoutSuccessor(let document):
      "\(document) có tình trạng 'replaced' nhưng không có 'replaced_by'"
    case .successorOfDocumentNotReplaced(let document):
      "\(document) có 'replaced_by' nhưng tình trạng không phải 'replaced'"
    case .amendedWithoutAmendments(let document):
      "\(document) có tình trạng 'amended' nhưng không có 'amended_by'"
    case .replacementChainLoops(let document):
      "chuỗi 'replaced_by' bắt đầu từ \(document) quay lại một văn bản đã có trong chuỗi"
    case .replacedOnDiffersFromSuccessor(let replacedOn, let successor, let inForce):
      "'replaced_on' là \(replacedOn) nhưng \(successor) có hiệu lực từ \(inForce)"
    }
  }
}

extension CurriculumMessage.ValueKind {
  var english: String {
    switch self {
    case .text: "a text"
    case .number: "a number"
    case .boolean: "true or false"
    case .list: "a list"
    case .mapping: "a mapping of fields"
    case .textOrTranslations: "a text, or a mapping with 'vi' (and 'en')"
    }
  }

  var vietnamese: String {
    switch self {
    case .text: "một đoạn văn bản"
    case .number: "một số"
    case .boolean: "true hoặc false"
    case .list: "một danh sách"
    case .mapping: "một nhóm trường"
    case .textOrTranslations: "văn bản, hoặc một nhóm có 'vi' (và 'en')"
    }
  }
}

extension CurriculumMessage.EntityKind {
  var english: String {
    switch self {
    case .papiCode: "PAPI code"
    case .area: "knowledge area"
    case .legalDocument: "legal document in legal-sources.yaml"
    default: rawValue
    }
  }

  var vietnamese: String {
    switch self {
    case .course: "khoá học"
    case .module: "học phần"
    case .lesson: "bài học"
    case .question: "câu hỏi"
    case .quiz: "bài kiểm tra"
    case .area: "mảng kiến thức"
    case .position: "vị trí công tác"
    case .papiCode: "mã PAPI"
    case .option: "phương án"
    case .dimension: "chỉ số nội dung"
    case .legalDocument: "văn bản trong legal-sources.yaml"
    }
  }
}
