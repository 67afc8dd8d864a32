import Dispatch
import Foundation
import Synchronization

extension Array where Element: Sendable {
  /// `transform` applied to every element on every core, in slices; the results in order.
  /// (Toolkit's parallel map, once it lands, can take its place.)
  func parallelMap<Result: Sendable>(_ transform: @Sendable (Element) -> Result) -> [Result] {
    let workers = Swift.max(1, Swift.min(ProcessInfo.processInfo.activeProcessorCount, count / 64))
    guard workers > 1 else { return map(transform) }
    let slices = Mutex([[Result]](repeating: [], count: workers))
    let size = (count + workers - 1) / workers
    DispatchQueue.concurrentPerform(iterations: workers) { worker in
      let part = self[Swift.min(count, worker * size)..<Swift.min(count, (worker + 1) * size)].map(transform)
      slices.withLock { $0[worker] = part }
    }
    return slices.withLock { $0 }.flatMap { $0 }
  }
}
