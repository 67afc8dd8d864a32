import Testing
import Toolkit

@Suite struct ConcurrentMapTests {
  @Test func resultsKeepTheElementsOrder() {
    let numbers = Array(0..<1_000)
    #expect(concurrentMap(numbers) { $0 * $0 } == numbers.map { $0 * $0 })
  }

  @Test func emptyAndSingleInputsNeedNoWorkers() {
    #expect(concurrentMap([Int]()) { $0 + 1 } == [])
    #expect(concurrentMap([41]) { $0 + 1 } == [42])
  }
}

@Suite struct BackgroundValueTests {
  @Test func theValueIsWorkedOutOnceAndReadAsOftenAsNeeded() {
    let value = BackgroundValue { (1...1_000).reduce(0, +) }
    #expect(value.value == 500_500)
    #expect(value.value == 500_500)
  }
}
