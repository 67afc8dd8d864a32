import Foundation
import Reporting
import TerminalUI
import Toolkit

extension ReadinessReport {
  /// `report collection`: every commune of the province with what it has sent, or, with `since`,
  /// only those that have sent nothing since that day (a commune that never sent anything is
  /// always among them). Communes in code order.
  public func collectionLines(since: Day?) -> [String] {
    let data = data()
    var lines = [ReportMessage.collectionTitle(provinceName).text(in: language)]
    lines += TextWrapper(width: 80).wrap(data.labels.collectionLine, firstPrefix: "", restPrefix: "  ")
    var communes = province.sorted { $0.code < $1.code }
    if let since {
      communes = communes.filter { row in row.lastReceived.map { $0 < since.description } ?? true }
      lines.append("")
      guard !communes.isEmpty else {
        return lines + [ReportMessage.allSentSince(since.description).text(in: language)]
      }
      lines.append(
        ReportMessage.notSentSince(since.description, count: communes.count, of: province.count).text(
          in: language))
    }
    var table = [
      [
        "", data.labels.commune, data.labels.trainedColumn, data.labels.lastColumn, data.labels.statusColumn,
      ]
    ]
    for row in communes {
      table.append([
        TerminalReadiness.statusMarks[row.status] ?? "", "\(row.name) (\(row.code))",
        "\(row.facts.trainedOfficials)/\(row.rosterOfficials)",
        row.lastReceived ?? ReportMessage.neverSent.text(in: language),
        ReportMessage.status(row.status).text(in: language),
      ])
    }
    return lines + TextTable(table, alignments: [.left, .left, .right]).lines
  }
}
