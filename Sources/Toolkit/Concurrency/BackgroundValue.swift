import Dispatch
import Synchronization

/// A value worked out on another thread from the moment it is made, for work that does not
/// depend on what the command does meanwhile (loading the courses while the passphrase is
/// typed and checked). ``value`` waits for it.
public final class BackgroundValue<Value: Sendable>: Sendable {
  private let result = Mutex<Value?>(nil)
  private let done = DispatchSemaphore(value: 0)

  /// Starts working out the value on another thread.
  public init(_ make: @escaping @Sendable () -> Value) {
    DispatchQueue.global(qos: .userInitiated).async {
      let made = make()
      self.result.withLock { $0 = made }
      self.done.signal()
    }
  }

  /// The value, once worked out.
  public var value: Value {
    done.wait()
    done.signal()
    return result.withLock { $0! }
  }
}
