import Dispatch
import Foundation
import Synchronization

/// `transform` applied to every element on every core, the results in the elements' order.
public func concurrentMap<Element: Sendable, Mapped: Sendable>(
  _ elements: [Element], _ transform: @Sendable (Element) -> Mapped
) -> [Mapped] {
  guard elements.count > 1 else { return elements.map(transform) }
  let results = Mutex([Mapped?](repeating: nil, count: elements.count))
  let next = Atomic(0)
  let workers = max(1, min(ProcessInfo.processInfo.activeProcessorCount, elements.count))
  DispatchQueue.concurrentPerform(iterations: workers) { _ in
    while true {
      let index = next.add(1, ordering: .relaxed).oldValue
      guard index < elements.count else { break }
      let mapped = transform(elements[index])
      results.withLock { $0[index] = mapped }
    }
  }
  return results.withLock { $0.map { $0! } }
}
