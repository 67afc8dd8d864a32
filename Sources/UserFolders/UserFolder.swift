import Foundation

/// Where papi-train keeps its own files for the user who runs it, by the XDG Base Directory
/// rules: in a `papi-train` folder under `$XDG_CONFIG_HOME`, `$XDG_DATA_HOME`, `$XDG_CACHE_HOME` or `$XDG_STATE_HOME`
/// when the variable is an absolute path (a relative one is ignored, as the rules say), else under
/// `~/.config`, `~/.local/share`, `~/.cache` or `~/.local/state` of `$HOME`, else of the account's home folder.
///
/// The passphrase file lives in ``config``, the machine's signing key in ``data``, what can be
/// made again (validated courses, per-file sums) in ``cache``, and the shell's history in
/// ``state`` (`$XDG_STATE_HOME`, else `~/.local/state`).
public enum UserFolder: Sendable, CaseIterable {
  case config, data, cache, state

  /// The variable that names the base folder.
  public var variable: String {
    switch self {
    case .config: "XDG_CONFIG_HOME"
    case .data: "XDG_DATA_HOME"
    case .cache: "XDG_CACHE_HOME"
    case .state: "XDG_STATE_HOME"
    }
  }

  /// The base folder's place in a home folder when the variable is not set.
  public var inHome: String {
    switch self {
    case .config: ".config"
    case .data: ".local/share"
    case .cache: ".cache"
    case .state: ".local/state"
    }
  }

  /// papi-train's folder of this kind for a process with `environment`; `program` names another
  /// program's folder under the same base (`papi-server` keeps its publishing key so).
  public func url(environment: [String: String], program: String = "papi-train") -> URL {
    let base: URL
    if let value = environment[variable], value.hasPrefix("/") {
      base = URL(fileURLWithPath: value)
    } else if let home = environment["HOME"], !home.isEmpty {
      base = URL(fileURLWithPath: home).appendingPathComponent(inHome)
    } else {
      base = URL(fileURLWithPath: NSHomeDirectory()).appendingPathComponent(inHome)
    }
    return base.appendingPathComponent(program)
  }
}
