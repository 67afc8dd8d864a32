import Yams

/// Moves the marks of every node reached through a YAML alias (`*name`) to the place where the
/// alias stands, so that a problem inside an aliased value is reported where the value is used,
/// not at the anchor (`&name`) that defined it.
///
/// Yams hands back the anchored node itself for an alias, marks and all. An alias is recognised
/// by its mark: walking the document in order, a node whose mark lies before what was already
/// passed came from an anchor defined earlier; the alias `*name` is then looked for from there.
///
/// Aliases of aliases repeat a value exponentially (an "alias bomb": seven lines make ten million
/// values): at most `limit` nodes are relocated, beyond which the document is refused.
enum AliasSites {
  /// The most nodes a document may reach through aliases (a course file has a few thousand nodes
  /// in all).
  static let limit = 100_000

  /// `root` with aliased nodes relocated (`root` itself when the text has no anchor), or the
  /// place of the alias at which more than `limit` nodes had been reached through aliases.
  static func relocate(_ root: Node, in text: String) -> Relocation {
    let utf8 = text.utf8
    guard utf8.contains(UInt8(ascii: "&")), utf8.contains(UInt8(ascii: "*")) else { return .relocated(root) }
    var walker = Walker(lines: text.split(separator: "\n", omittingEmptySubsequences: false))
    let relocated = walker.visit(root)
    if let place = walker.exhaustedAt { return .tooManyValues(at: place) }
    return .relocated(relocated)
  }

  /// What `relocate(_:in:)` gives.
  enum Relocation {
    case relocated(Node)
    /// More than `limit` nodes reached through aliases, the last at the alias at `place`.
    case tooManyValues(at: Place)
  }

  fileprivate struct Walker {
    let lines: [Substring]
    /// The furthest place (line, column) passed so far.
    var passed = Place(line: 0, column: 0)
    /// How many more nodes may be relocated.
    var budget = AliasSites.limit
    /// The alias at which the budget ran out.
    var exhaustedAt: Place?

    mutating func visit(_ node: Node) -> Node {
      let here = node.mark.map { Place(line: $0.line, column: $0.column) } ?? passed
      guard exhaustedAt == nil else { return node }
      if here < passed {
        // Came through an alias. (Yams holds a node's anchor weakly, so it is gone by now: the
        // anchor's name is read from the text at the node's mark, `&name`.)
        let use = anchorName(at: here).flatMap { find("*" + $0, from: passed) } ?? passed
        guard let mark = AliasSites.mark(at: use) else { return node }
        passed = use
        guard let moved = relocated(node, to: mark) else {
          exhaustedAt = use
          return node
        }
        return moved
      }
      if passed < here { passed = here }
      switch node {
      case .mapping(let mapping):
        var pairs: [(Node, Node)] = []
        pairs.reserveCapacity(mapping.count)
        for (key, value) in mapping {
          let key = visit(key)
          pairs.append((key, visit(value)))
        }
        return .mapping(Node.Mapping(pairs, mapping.tag, mapping.style, mapping.mark, mapping.anchor))
      case .sequence(let sequence):
        let nodes = sequence.map { visit($0) }
        return .sequence(Node.Sequence(nodes, sequence.tag, sequence.style, sequence.mark, sequence.anchor))
      default:
        return node
      }
    }

    /// The name of the anchor `&name` written at `place`, if one is.
    func anchorName(at place: Place) -> String? {
      guard place.line >= 1, place.line <= lines.count else { return nil }
      let scalars = Array(lines[place.line - 1].unicodeScalars)
      let start = place.column - 1
      guard start >= 0, start < scalars.count, scalars[start] == "&" else { return nil }
      var end = start + 1
      while end < scalars.count, isAnchorCharacter(scalars[end]) { end += 1 }
      guard end > start + 1 else { return nil }
      var name = ""
      name.unicodeScalars.append(contentsOf: scalars[(start + 1)..<end])
      return name
    }

    /// The first place at or after `start` where `needle` stands as a whole alias.
    func find(_ needle: String, from start: Place) -> Place? {
      var lineIndex = max(start.line - 1, 0)
      while lineIndex < lines.count {
        let scalars = Array(lines[lineIndex].unicodeScalars)
        let needleScalars = Array(needle.unicodeScalars)
        let first = lineIndex == start.line - 1 ? max(start.column - 1, 0) : 0
        var column = first
        while column + needleScalars.count <= scalars.count {
          let end = column + needleScalars.count
          if scalars[column..<end].elementsEqual(needleScalars),
            end == scalars.count || !isAnchorCharacter(scalars[end])
          {
            return Place(line: lineIndex + 1, column: column + 1)
          }
          column += 1
        }
        lineIndex += 1
      }
      return nil
    }

    private func isAnchorCharacter(_ scalar: Unicode.Scalar) -> Bool {
      !(scalar == " " || scalar == "\t" || scalar == "," || scalar == "]" || scalar == "}" || scalar == "\r")
    }
  }

  struct Place: Comparable {
    var line: Int
    var column: Int

    static func < (lhs: Place, rhs: Place) -> Bool { (lhs.line, lhs.column) < (rhs.line, rhs.column) }
  }

  /// A Yams mark for `place` (Yams has no public way to make one: a one-scalar document that
  /// starts there yields it).
  static func mark(at place: Place) -> Mark? {
    let text =
      String(repeating: "\n", count: place.line - 1) + String(repeating: " ", count: place.column - 1) + "x"
    return (try? Yams.compose(yaml: text, .basic))?.flatMap(\.mark)
  }

}

extension AliasSites.Walker {
  /// `node` and everything in it marked at `mark`; nil once the budget is spent.
  mutating func relocated(_ node: Node, to mark: Mark) -> Node? {
    budget -= 1
    guard budget >= 0 else { return nil }
    switch node {
    case .scalar(var scalar):
      scalar.mark = mark
      return .scalar(scalar)
    case .mapping(let mapping):
      var pairs: [(Node, Node)] = []
      pairs.reserveCapacity(mapping.count)
      for (key, value) in mapping {
        guard let key = relocated(key, to: mark), let value = relocated(value, to: mark) else { return nil }
        pairs.append((key, value))
      }
      return .mapping(Node.Mapping(pairs, mapping.tag, mapping.style, mark))
    case .sequence(let sequence):
      var nodes: [Node] = []
      nodes.reserveCapacity(sequence.count)
      for item in sequence {
        guard let item = relocated(item, to: mark) else { return nil }
        nodes.append(item)
      }
      return .sequence(Node.Sequence(nodes, sequence.tag, sequence.style, mark))
    default:
      return node
    }
  }
}
