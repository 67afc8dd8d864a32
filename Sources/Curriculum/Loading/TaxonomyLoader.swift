import Foundation
import Yams

/// Reads `papi-taxonomy.yaml` and `positions.yaml`.
enum TaxonomyLoader {
  static func loadTaxonomy(_ url: URL, displayPath: String, log: DiagnosticLog) -> Taxonomy? {
    guard let file = SourceFile.read(url, displayPath: displayPath, log: log),
      let document = YAMLDocument.parse(file.text, file: file.path, log: log),
      let root = FieldReader(
        document.root, field: "taxonomy", in: document, log: log,
        known: ["taxonomy", "edition", "scale", "dimensions"])
    else { return nil }
    let edition = root.int("edition", required: true, in: 2009...2100)
    var scale: ClosedRange<Double> = 1...10
    if let scaleNode = root.value("scale"),
      let reader = FieldReader(scaleNode, field: "scale", in: document, log: log, known: ["min", "max"]),
      let low = reader.double("min", required: true), let high = reader.double("max", required: true)
    {
      if low < high {
        scale = low...high
      } else {
        log.error(
          .numberOutOfRange(field: "max", value: "\(high)", range: "> \(low)"), at: reader.location(of: "max")
        )
      }
    }
    var seen: [String: SourceLocation] = [:]
    func register(_ code: String, at location: SourceLocation) {
      if let first = seen[code] {
        log.error(.duplicateID(kind: .papiCode, id: code, first: first), at: location)
      } else {
        seen[code] = location
      }
    }
    var dimensions: [Dimension] = []
    for node in root.list("dimensions", required: true, allowsSingle: false) ?? [] {
      guard
        let reader = FieldReader(
          node, field: "dimensions", in: document, log: log,
          known: ["code", "name", "from", "until", "subdimensions"]),
        let code = reader.string("code", required: true)
      else { continue }
      register(code, at: reader.location(of: "code"))
      let name = reader.text("name", required: true)
      let years = YearRange(from: reader.int("from"), until: reader.int("until"))
      var subdimensions: [SubDimension] = []
      for subNode in reader.list("subdimensions", allowsSingle: false) ?? [] {
        guard
          let subReader = FieldReader(
            subNode, field: "subdimensions", in: document, log: log, known: ["code", "name", "from", "until"]),
          let subCode = subReader.string("code", required: true)
        else { continue }
        register(subCode, at: subReader.location(of: "code"))
        if !subCode.hasPrefix(code + ".") {
          log.error(
            .subdimensionOutsideDimension(code: subCode, dimension: code), at: subReader.location(of: "code"))
        }
        guard let subName = subReader.text("name", required: true) else { continue }
        subdimensions.append(
          SubDimension(
            code: subCode, name: subName,
            years: YearRange(from: subReader.int("from"), until: subReader.int("until"))))
      }
      if let name {
        dimensions.append(Dimension(code: code, name: name, years: years, subdimensions: subdimensions))
      }
    }
    guard let edition else { return nil }
    return Taxonomy(edition: edition, scale: scale, dimensions: dimensions)
  }

  static func loadPositions(_ url: URL, displayPath: String, log: DiagnosticLog) -> [Position] {
    guard let file = SourceFile.read(url, displayPath: displayPath, log: log),
      let document = YAMLDocument.parse(file.text, file: file.path, log: log),
      let root = FieldReader(document.root, field: "positions", in: document, log: log, known: ["positions"])
    else { return [] }
    var positions: [Position] = []
    var seen: [String: SourceLocation] = [:]
    for node in root.list("positions", required: true, allowsSingle: false) ?? [] {
      guard
        let reader = FieldReader(
          node, field: "positions", in: document, log: log, known: ["id", "name", "aliases"]),
        let id = reader.id(), let name = reader.text("name", required: true)
      else { continue }
      let aliases = (reader.list("aliases", allowsSingle: false) ?? []).compactMap { node -> PositionAlias? in
        guard let alias = FieldReader(node, field: "aliases", in: document, log: log, known: ["id", "name"]),
          let aliasName = alias.text("name", required: true)
        else { return nil }
        let aliasID = alias.has("id") ? alias.id() : nil
        if let aliasID {
          if let first = seen[aliasID] {
            log.error(.duplicateID(kind: .position, id: aliasID, first: first), at: alias.location(of: "id"))
          }
          seen[aliasID] = alias.location(of: "id")
        }
        return PositionAlias(id: aliasID, name: aliasName)
      }
      if let first = seen[id] {
        log.error(.duplicateID(kind: .position, id: id, first: first), at: reader.location(of: "id"))
        continue
      }
      seen[id] = reader.location(of: "id")
      positions.append(Position(id: id, name: name, aliases: aliases))
    }
    return positions
  }
}
