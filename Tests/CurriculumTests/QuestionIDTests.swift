import Curriculum
import Foundation
import PapiTrainTesting
import Testing

/// A question id is stored and exchanged as the text a course author wrote: typing it changed no
/// file, no JSON and no results column.
@Suite struct QuestionIDTests {
  @Test func itIsWrittenAndReadAsItsText() throws {
    let ids: [QuestionID] = ["oss-q-001", QuestionID("quản-trị.q1")]
    let json = try JSONEncoder().encode(ids)
    #expect(String(decoding: json, as: UTF8.self) == #"["oss-q-001","quản-trị.q1"]"#)
    #expect(try JSONDecoder().decode([QuestionID].self, from: json) == ids)
    #expect("\(ids[0])" == "oss-q-001" && ids[1].rawValue == "quản-trị.q1")
  }

  @Test func itOrdersAndLooksUpAsItsText() throws {
    #expect([QuestionID("b"), "a", "c"].sorted() == ["a", "b", "c"])
    let course = try #require(try TestCourses.shipped().course("one-stop-shop"))
    let first = try #require(course.questions.first)
    #expect(course.question(QuestionID(first.id.rawValue))?.id == first.id)
    #expect(course.question("no-such-question") == nil)
  }
}
