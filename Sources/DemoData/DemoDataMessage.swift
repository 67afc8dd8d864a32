import Localization

/// The message of `papi-train demo-data`, Vietnamese first.
public enum DemoDataMessage: MessageCatalogue, Hashable {
  case written(communes: Int, officials: Int, attempts: Int, answers: Int, folder: String)

  public func text(in language: Language) -> String {
    switch self {
    case .written(let c, let o, let a, let n, let folder):
      language == .vietnamese
        ? "Đã tạo \(c) xã, \(o) cán bộ, \(a) lượt làm bài, \(n) câu trả lời trong \(folder)."
        : "Wrote \(c) communes, \(o) officials, \(a) attempts, \(n) answers in \(folder)."
    }
  }

  /// One of every case, for the test that renders every message in both languages.
  public static let samples: [DemoDataMessage] = [
    .written(communes: 38, officials: 950, attempts: 11_400, answers: 114_000, folder: "Demo/Results")
  ]
}
