import Curriculum
import Foundation
import PapiTrainTesting

/// A temporary Courses/ folder with a small taxonomy and positions of its own, removed when the
/// test ends.
final class Workspace {
  private let folder: TemporaryFolder
  var root: URL { folder.url }
  var courses: String { root.appendingPathComponent("Courses").path }

  init() throws {
    folder = try TemporaryFolder("qb")
    try FileManager.default.createDirectory(
      at: root.appendingPathComponent("Courses"), withIntermediateDirectories: true)
    try write(
      "Courses/papi-taxonomy.yaml",
      """
      taxonomy: PAPI
      edition: 2024
      dimensions:
        - code: D1
          name: { vi: Tham gia, en: Participation }
          subdimensions:
            - { code: D1.1, name: { vi: Tri thức công dân, en: Civic knowledge } }
        - code: D5
          name: { vi: Thủ tục hành chính công, en: Public administrative procedures }
          subdimensions:
            - { code: D5.3, name: { vi: Một cửa, en: One-stop shop } }
      """)
    try write(
      "Courses/positions.yaml",
      """
      positions:
        - { id: chairman, name: { vi: Chủ tịch UBND xã, en: Chairman } }
        - { id: one-stop-staff, name: { vi: Công chức một cửa, en: One-stop staff } }
      """)
  }

  func path(_ relative: String) -> String { root.appendingPathComponent(relative).path }

  func write(_ relative: String, _ text: String) throws {
    try write(relative, Data(text.utf8))
  }

  func write(_ relative: String, _ data: Data) throws {
    let url = root.appendingPathComponent(relative)
    try FileManager.default.createDirectory(
      at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
    try data.write(to: url)
  }

  func read(_ relative: String) throws -> String {
    try String(contentsOf: root.appendingPathComponent(relative), encoding: .utf8)
  }

  /// Every file under the folder with its bytes, to prove nothing changed.
  func snapshot() -> [String: Data] {
    var files: [String: Data] = [:]
    let enumerator = FileManager.default.enumerator(at: root, includingPropertiesForKeys: nil)
    while let url = enumerator?.nextObject() as? URL {
      if let data = FileManager.default.contents(atPath: url.path) { files[url.path] = data }
    }
    return files
  }

  func load() -> LoadedCurriculum { CurriculumLoader().load(path: courses) }

  /// A course with one module, and a question file holding every type and the edge cases a bank
  /// format must carry: two languages, Markdown, GIFT's special characters, exact matching, a
  /// situation, tags, several sources, clauses, points (`đ` too), history and a PAPI indicator whose
  /// text holds a `;` as sources.
  func writeSampleCourse(id: String = "mini", questions: Bool = true) throws {
    try write(
      "Courses/\(id)/course.yaml",
      """
      id: \(id)
      version: 1.0.0
      title: { vi: Khoá học nhỏ, en: A small course }
      audience: [all]
      areas:
        - { id: \(id)-area, title: { vi: Mảng kiến thức, en: Knowledge area } }
      modules:
        - id: \(id)-m1
          title: Học phần một
          lessons: [\(id)-l1]
      quizzes:
        - id: \(id)-pre
          kind: pre-test
          title: Đầu vào
          pass_percent: 70
          questions: [\(id)-q-single, \(id)-q-tf]
      """)
    try write(
      "Courses/\(id)/lessons/\(id)-l1.md",
      """
      ---
      id: \(id)-l1
      title: Bài một
      ---

      # Bài một

      Nội dung.
      """)
    guard questions else { return }
    try write("Courses/\(id)/questions/bank.yaml", Self.sampleQuestions(id))
  }

  static func sampleQuestions(_ id: String) -> String {
    """
    module: \(id)-m1
    questions:
      - id: \(id)-q-single
        type: single_choice
        prompt:
          vi: "Cán bộ một cửa **phải** làm gì khi hồ sơ đủ? Ký tự lạ: {a} = b ~ c # d : e \\\\ f"
          en: "What **must** the official do? Odd characters: {a} = b ~ c # d : e"
        options:
          - { id: a, text: { vi: "Giao giấy tiếp nhận & hẹn trả <kết quả>", en: A receipt } }
          - { id: b, text: Không cần giấy tờ gì }
          - { id: c, text: "Bản sao \\"hồ sơ\\"" }
        answer: a
        explanation:
          vi: "Giấy tiếp nhận là bắt buộc.\\n\\nĐoạn hai có *nhấn mạnh*:\\n- ý một\\n- ý hai"
          en: The receipt is required.
        difficulty: easy
        area: \(id)-area
        papi: [D5, D5.3]
        positions: [one-stop-staff, chairman]
        scenario: true
        tags: [tiep-nhan, co-ban]
        source:
          - { document: nd-118-2025, article: 5, clause: 2 }
          - { document: nd-118-2025, article: 17, clause: 1, point: đ }
          - { document: luat-10-2022, article: 11, history: true }
      - id: \(id)-q-multi
        type: multiple_choice
        prompt: Những việc nào thuộc Bộ phận Một cửa?
        options:
          - { id: a, text: Tiếp nhận hồ sơ }
          - { id: b, text: Trả kết quả }
          - { id: c, text: Ký quyết định }
        answer: [a, b]
        explanation: Bộ phận Một cửa tiếp nhận và trả kết quả; người có thẩm quyền ký.
        difficulty: medium
        area: \(id)-area
        papi: [D5]
        positions: [all]
        source: { document: nd-118-2025, article: 7, clause: 3, point: a }
      - id: \(id)-q-tf
        type: true_false
        prompt: Người dân có quyền đánh giá việc giải quyết hồ sơ.
        answer: true
        explanation: Người dân được mời đánh giá sau khi nhận kết quả.
        difficulty: easy
        area: \(id)-area
        papi: [D1.1]
        positions: [all]
        source:
          - { document: papi-2024, indicator: "D1.1 Hiểu biết về quyền (cấu trúc: D1.1; D1.2)" }
          - { document: luat-10-2022, article: 5 }
      - id: \(id)-q-match
        type: matching
        prompt: Ghép văn bản với nội dung.
        pairs:
          - { left: { vi: Luật 10/2022/QH15, en: Law 10/2022 }, right: { vi: Dân chủ ở cơ sở, en: Grassroots democracy } }
          - { left: Nghị định 118/2025/NĐ-CP, right: Một cửa }
          - { left: Nghị định 59/2023/NĐ-CP, right: Hướng dẫn luật dân chủ }
        explanation: Mỗi văn bản một phạm vi.
        difficulty: hard
        area: \(id)-area
        papi: [D1]
        positions: [chairman]
        source: { document: luat-10-2022, article: 1, history: true }
      - id: \(id)-q-order
        type: ordering
        prompt: Sắp xếp các bước xử lý hồ sơ.
        items: [Tiếp nhận, Chuyển xử lý, Trả kết quả]
        explanation: Tiếp nhận trước, trả kết quả sau cùng.
        difficulty: medium
        area: \(id)-area
        papi: [D5.3]
        positions: [one-stop-staff]
        source: { document: nd-118-2025, article: 20, clause: 1 }
      - id: \(id)-q-short
        type: short_answer
        prompt: Viết tắt của "Ủy ban nhân dân"?
        accepted: [UBND, "UBND xã"]
        match: exact
        explanation: UBND là viết tắt thông dụng.
        difficulty: easy
        area: \(id)-area
        papi: [D1]
        positions: [all]
        source: { document: luat-72-2025, article: 2 }
      - id: \(id)-q-short-fold
        type: short_answer
        prompt: Cơ chế tiếp nhận hồ sơ tại một đầu mối gọi là gì?
        accepted: [một cửa]
        explanation: Một cửa.
        difficulty: easy
        area: \(id)-area
        papi: [D5]
        positions: [all]
        source: { document: nd-118-2025, article: 3 }

    """
  }
}
