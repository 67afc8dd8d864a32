import Foundation
import PapiTrainTesting
import Testing
import UserFolders

/// A `papi-train` run under test keeps its files in folders of the test run: none of the user's
/// own folders (config, data, cache, state, or the home they fall back to) is touched.
@Suite struct TestFoldersTests {
  @Test(arguments: UserFolder.allCases)
  func everyUserFolderIsTheTestRunsOwn(_ folder: UserFolder) {
    let environment = PapiTrainProcess.environment([:])
    let mine = ProcessInfo.processInfo.environment
    let url = folder.url(environment: environment)
    #expect(url.path.hasPrefix(FileManager.default.temporaryDirectory.path), "\(folder): \(url.path)")
    #expect(url != folder.url(environment: mine), "\(folder) is the user's own")
  }

  @Test func theHomeFolderIsTheTestRunsOwn() {
    let home = PapiTrainProcess.environment([:])["HOME"] ?? ""
    #expect(home.hasPrefix(FileManager.default.temporaryDirectory.path))
  }

  @Test func theMachineKeyIsMadeInTheTestRunsDataFolder() throws {
    let environment = PapiTrainProcess.environment([:])
    let key = UserFolder.data.url(environment: environment).appendingPathComponent("signing-key")
    let result = try PapiTrainProcess.run(["sign", "--print-key"])
    #expect(result.status == 0, "\(result.error)")
    #expect(FileManager.default.fileExists(atPath: key.path))
  }
}
