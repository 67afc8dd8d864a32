import Foundation
import PapiTrainTesting
import Testing

/// `report readiness` colours its bands on a terminal, and honours NO_COLOR and `--no-color`
/// (TerminalUI's one rule, as the shell does).
@Suite struct ReadinessColorTests {
  @Test func readinessIsColouredOnATerminalUnlessNoColorOrTheFlagSaysNo() throws {
    let folder = try ReportCommandTests().province()
    func run(_ extra: [String], noColor: String) throws -> String {
      let session = try PseudoTerminalSession(
        ["report", "readiness", "--results", folder.path("Results"), "--as-of", ReportCommandTests.asOf]
          + extra,
        environment: [
          "NO_COLOR": noColor, "XDG_CONFIG_HOME": TestAccess.configHome.path,
          "PAPI_PASSPHRASE": TestAccess.passphrase, "XDG_CACHE_HOME": folder.path("cache"),
        ])
      #expect(session.waitForExit(timeout: 60) == 0, "\(session.transcript)")
      return session.transcript
    }
    let coloured = try run([], noColor: "")
    #expect(coloured.contains("\u{1B}[") && coloured.contains("Mức sẵn sàng PAPI"), "\(coloured)")
    let withoutColour = try run([], noColor: "1")
    #expect(!withoutColour.contains("\u{1B}[") && withoutColour.contains("Mức sẵn sàng PAPI"))
    let flagged = try run(["--no-color"], noColor: "")
    #expect(!flagged.contains("\u{1B}[") && flagged.contains("Mức sẵn sàng PAPI"))
  }
}
