import Curriculum
import Testing

/// The legal-source registry and the lint checks that came with it (issue 22): every new
/// diagnostic has a fixture and its exact located message here.
@Suite struct SourceRegistryTests {
  @Test func sourcesAreCheckedAgainstTheRegistry() {
    #expect(
      Fixtures.lint("sources/cited") == [
        "lessons/cited-l1.md:9:5: error: Luật 9/2018/QH14 was replaced by Luật 1/2025/QH15 on 2025-07-01, before this course's law date 2026-01-01: cite the law in force, or mark the source 'history: true'",
        "questions/bank.yaml:22:13: error: no legal document in legal-sources.yaml 'law-neu'; did you mean 'law-new'?",
        "questions/bank.yaml:32:13: error: Luật 1/2025/QH15 has 20 articles; there is no Article 21",
        "questions/bank.yaml:42:13: error: 'Điều 5' is not an article number: write the number alone (article: 12) and use 'clause' and 'point'",
        "questions/bank.yaml:52:13: error: Luật 9/2018/QH14 was replaced by Luật 1/2025/QH15 on 2025-07-01, before this course's law date 2026-01-01: cite the law in force, or mark the source 'history: true'",
        "questions/bank.yaml:72:13: error: the source's 'clause' holds the placeholder 'cần đối chiếu': cite what was read in the primary text",
        "questions/bank.yaml:82:13: error: the source's 'article' holds the placeholder '?': cite what was read in the primary text",
        "questions/bank.yaml:82:13: error: '5?' is not an article number: write the number alone (article: 12) and use 'clause' and 'point'",
        "questions/bank.yaml:92:13: warning: Nghị định 2/2025/NĐ-CP was read only in secondary sources: confirm the rule in its primary text",
        "questions/bank.yaml:101:17: warning: 'one-stop-staff' is a former position id, now 'service-centre-staff': use the current one",
        "questions/bank.yaml:112:49: error: Luật 9/2018/QH14 has 30 articles; there is no Article 31",
      ])
  }

  @Test func theRegistryChainsMustHoldTogether() {
    #expect(
      Fixtures.lint("sources-chain/tiny") == [
        "../legal-sources.yaml:2:9: error: a-2018 has status 'replaced' but no 'replaced_by'",
        "../legal-sources.yaml:13:18: error: b-2020 names 'replaced_by' but its status is not 'replaced'",
        "../legal-sources.yaml:14:9: error: c-2025 has status 'amended' but no 'amended_by'",
        "../legal-sources.yaml:25:18: error: the 'replaced_by' chain from d-2019 comes back to a document already in it",
        "../legal-sources.yaml:32:18: error: the 'replaced_by' chain from e-2021 comes back to a document already in it",
        "../legal-sources.yaml:33:15: error: 'in_force' is '2021-13-01', not a date written yyyy-MM-dd",
        "../legal-sources.yaml:39:18: error: 'replaced_on' is 2025-06-30 but c-2025 came into force on 2025-07-01",
        "../legal-sources.yaml:41:18: error: no legal document in legal-sources.yaml 'g-2023'; did you mean 'b-2020'?",
        "course.yaml:1:1: error: the course needs 'law_as_of' (yyyy-MM-dd): the day whose law it teaches",
        "lessons/tiny-l1.md:5:5: warning: the registry gives no primary text of Văn bản C that was read ('read_in'): read it before citing it",
      ])
  }

  @Test func duplicatesInOrderingAndMatchingAndErrorsInsideAnAliasAreReportedWhereTheyStand() {
    #expect(
      Fixtures.lint("broken/gaps") == [
        "questions/bank.yaml:6:36: error: the item 'Tiếp nhận' appears twice (first at questions/bank.yaml:6:13): the order would have two right answers",
        "questions/bank.yaml:19:28: error: the right-hand side 'Điều 11' appears twice (first at questions/bank.yaml:17:29): two left items could not be told apart",
        "questions/bank.yaml:29:14: error: missing required field 'id'",
        "questions/bank.yaml:29:14: error: missing required field 'id'",
        "questions/bank.yaml:29:14: error: missing required field 'id'",
        "questions/bank.yaml:29:14: error: 'options' needs at least 2 entries",
        "questions/bank.yaml:29:14: warning: unknown field 'left'",
        "questions/bank.yaml:29:14: warning: unknown field 'right'",
        "questions/bank.yaml:29:14: warning: unknown field 'left'",
        "questions/bank.yaml:29:14: warning: unknown field 'right'",
        "questions/bank.yaml:29:14: warning: unknown field 'left'",
        "questions/bank.yaml:29:14: warning: unknown field 'right'",
        "questions/bank.yaml:30:13: error: the answer 'a' is not one of the options",
      ])
  }

  @Test func theRegistryResolvesCitationNamesChainsAndFormerPositions() throws {
    let library = try #require(Fixtures.load("sources/cited").library)
    let registry = try #require(library.registry)
    #expect(registry.current("law-old")?.id == "law-new")
    #expect(registry.current("law-new")?.id == "law-new")
    #expect(registry.document("law-old")?.isReplaced(by: "2025-06-30") == false)
    #expect(registry.document("law-old")?.isReplaced(by: "2025-07-01") == true)
    let question = try #require(library.question("cited-q-ok"))
    #expect(question.source.description == "Luật 1/2025/QH15, Điều 5 khoản 2 điểm a")
    let several = try #require(library.question("cited-q-several"))
    #expect(several.sources.map(\.document) == ["law-new", "law-old"])
    #expect(several.sources[1].history)
    #expect(library.position("one-stop-staff")?.id == "service-centre-staff")
    #expect(library.position("service-centre-staff")?.allNames.contains("Công chức một cửa") == true)
    let usage = SourceUsageReport(library: library)
    let old = try #require(usage.rows.first { $0.document.id == "law-old" })
    #expect(old.questions == 3 && old.lessons == 1 && old.current?.id == "law-new")
  }
}
