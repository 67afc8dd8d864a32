extension Unicode.Scalar {
  /// How many terminal columns this scalar takes: 0 for combining marks and controls, 2 for wide
  /// East Asian characters and emoji, 1 otherwise.
  public var terminalColumns: Int {
    let properties = self.properties
    switch properties.generalCategory {
    case .nonspacingMark, .enclosingMark, .format, .control:
      return 0
    default:
      break
    }
    if value == 0x200B { return 0 }
    if isWide { return 2 }
    return 1
  }

  private var isWide: Bool {
    switch value {
    case 0x1100...0x115F, 0x2E80...0x303E, 0x3041...0x33FF, 0x3400...0x4DBF, 0x4E00...0x9FFF,
      0xA000...0xA4CF, 0xAC00...0xD7A3, 0xF900...0xFAFF, 0xFE30...0xFE4F, 0xFF00...0xFF60,
      0xFFE0...0xFFE6, 0x1F300...0x1F64F, 0x1F900...0x1F9FF, 0x20000...0x3FFFD:
      return true
    default:
      return false
    }
  }
}

extension StringProtocol {
  /// The number of terminal columns this text takes, for padding table columns: "Quản trị" takes
  /// 8 columns whether its letters are precomposed or decomposed.
  public var displayWidth: Int {
    unicodeScalars.reduce(0) { $0 + $1.terminalColumns }
  }
}

extension String {
  /// This text padded with spaces on the right to `width` terminal columns.
  public func padded(toDisplayWidth width: Int) -> String {
    let missing = width - displayWidth
    return missing > 0 ? self + String(repeating: " ", count: missing) : self
  }
}
