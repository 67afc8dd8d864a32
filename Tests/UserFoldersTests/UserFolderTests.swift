import Foundation
import Testing
import UserFolders

@Suite struct UserFolderTests {
  @Test func anAbsoluteVariableWinsOverTheHomeFolder() {
    let environment = [
      "XDG_CONFIG_HOME": "/x/config", "XDG_DATA_HOME": "/x/data", "XDG_CACHE_HOME": "/x/cache",
      "HOME": "/home/mai",
    ]
    #expect(UserFolder.config.url(environment: environment).path == "/x/config/papi-train")
    #expect(UserFolder.data.url(environment: environment).path == "/x/data/papi-train")
    #expect(UserFolder.cache.url(environment: environment).path == "/x/cache/papi-train")
  }

  /// The rules ignore a relative path: it would depend on the folder papi-train was started in.
  @Test func withoutAnAbsoluteVariableTheHomeFolderIsUsed() {
    let environment = ["XDG_CACHE_HOME": "relative/cache", "XDG_DATA_HOME": "", "HOME": "/home/mai"]
    #expect(UserFolder.config.url(environment: environment).path == "/home/mai/.config/papi-train")
    #expect(UserFolder.data.url(environment: environment).path == "/home/mai/.local/share/papi-train")
    #expect(UserFolder.cache.url(environment: environment).path == "/home/mai/.cache/papi-train")
    #expect(UserFolder.state.url(environment: environment).path == "/home/mai/.local/state/papi-train")
    #expect(
      UserFolder.state.url(environment: ["XDG_STATE_HOME": "/s", "HOME": "/home/mai"]).path == "/s/papi-train"
    )
  }

  @Test func withoutHomeTheAccountsHomeFolderIsUsed() {
    for environment in [[:], ["HOME": ""]] {
      for folder in UserFolder.allCases {
        #expect(
          folder.url(environment: environment).path
            == URL(fileURLWithPath: NSHomeDirectory()).appendingPathComponent(folder.inHome + "/papi-train")
            .path)
      }
    }
  }
}
