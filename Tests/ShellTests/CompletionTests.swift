import Testing

@testable import Shell

@Suite struct CompletionTests {
  @Test func commonPrefixNeverShortensWhatWasTyped() {
    #expect(commonPrefix(["oss-l01", "oss-l02"], typed: "oss") == "oss-l0")
    #expect(commonPrefix(["Quản trị", "Quan hệ"], typed: "quan") == "quan")
  }
}
