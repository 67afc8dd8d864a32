/// ANSI styles, applied only when the terminal uses colour.
public struct Style: Sendable {
  public var enabled: Bool

  public init(enabled: Bool) { self.enabled = enabled }

  private func wrap(_ text: String, _ code: String) -> String {
    enabled ? "\u{1B}[\(code)m\(text)\u{1B}[0m" : text
  }

  public func bold(_ text: String) -> String { wrap(text, "1") }
  public func italic(_ text: String) -> String { wrap(text, "3") }
  public func dim(_ text: String) -> String { wrap(text, "2") }
  public func green(_ text: String) -> String { wrap(text, "32") }
  public func red(_ text: String) -> String { wrap(text, "31") }
  public func yellow(_ text: String) -> String { wrap(text, "33") }
  public func cyan(_ text: String) -> String { wrap(text, "36") }
}
