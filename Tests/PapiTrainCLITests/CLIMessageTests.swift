import Localization
import Testing

@testable import papi_train

/// The executable's own messages (about the folders it is given) render in both languages, and
/// the Vietnamese holds no English sentence: the libraries' catalogues are checked in
/// MessageCatalogueTests.
@Suite struct CLIMessageTests {
  @Test func everyMessageRendersInBothLanguages() {
    #expect(!CLIMessage.samples.isEmpty)
    for message in CLIMessage.samples {
      let vi = message.text(in: .vietnamese)
      let en = message.text(in: .english)
      #expect(!vi.isEmpty && !en.isEmpty && vi != en)
      for word in ["cannot", "the", "have", "errors", "run"] {
        #expect(!vi.split(separator: " ").contains { $0 == word }, "\(vi)")
      }
    }
  }
}
