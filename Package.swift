// swift-tools-version:6.0
import PackageDescription

let package = Package(
  name: "papi-train",
  platforms: [.macOS(.v15)],
  products: [
    .executable(name: "papi-train", targets: ["papi-train"]),
    // The province server: a separate product, so building papi-train never builds Hummingbird.
    .executable(name: "papi-server", targets: ["papi-server"]),
    .library(name: "Curriculum", targets: ["Curriculum"]),
    // For Fuzz/'s results-file target.
    .library(name: "Gradebook", targets: ["Gradebook"]),
  ],
  dependencies: [
    .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
    .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
    .package(url: "https://github.com/groue/GRDB.swift", from: "7.10.0"),
    .package(url: "https://github.com/apple/swift-crypto", from: "4.5.2"),
    .package(url: "https://github.com/swiftlang/swift-docc-plugin", from: "1.5.0"),
    .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.28.1"),
    .package(url: "https://github.com/vapor/postgres-nio", from: "1.33.2"),
    .package(url: "https://github.com/apple/swift-log", from: "1.16.2"),
    .package(url: "https://github.com/apple/swift-nio", from: "2.101.2"),
    .package(url: "https://github.com/apple/swift-nio-ssl", from: "2.37.6"),
    .package(url: "https://github.com/swift-server/swift-service-lifecycle", from: "2.13.0"),
  ],
  targets: [
    // Vietnamese-aware text handling: NFC, diacritic folding, display width.
    .target(name: "VietnameseText"),
    // The two-language message model: Language, LocalizedText, message catalogues.
    .target(name: "Localization"),
    // Where papi-train keeps its own files for the user (XDG config, data and cache folders).
    .target(name: "UserFolders"),
    // Small utilities with one home each: CSV reading, a parallel map.
    .target(name: "Toolkit", dependencies: ["VietnameseText"]),
    // The terminal toolkit: the terminal's facts, styles honouring NO_COLOR, word wrapping.
    .target(name: "TerminalUI", dependencies: ["VietnameseText"]),
    // Courses, lessons, questions and the PAPI taxonomy: loading and validation.
    .target(
      name: "Curriculum",
      dependencies: [
        "Localization", "VietnameseText", "UserFolders", "Toolkit", .product(name: "Yams", package: "Yams"),
      ]
    ),
    // Quizzes as they are taken: drawing with a recorded seed, answer parsing, scoring, review.
    .target(name: "Assessment", dependencies: ["Curriculum", "VietnameseText", "Localization"]),
    // Mastery with confidence intervals, readiness on PAPI's scale, weak areas, gain, item analysis.
    .target(name: "Insight", dependencies: ["Assessment", "Curriculum", "Localization"]),
    // A generated province (officials taking the shipped quizzes) for demos and benchmarks.
    .target(
      name: "DemoData",
      dependencies: ["Assessment", "Curriculum", "Gradebook", "Localization", "Toolkit", "Units"]),
    // The system zlib: DEFLATE for the XLSX writer's ZIP entries.
    .systemLibrary(name: "CZlib", pkgConfig: "zlib", providers: [.apt(["zlib1g-dev"]), .brew(["zlib"])]),
    // Exports that spreadsheets trust (CSV, XLSX), and later JSON and the HTML dashboard.
    .target(name: "Reporting", dependencies: ["VietnameseText", "CZlib", "Toolkit", "TerminalUI"]),
    // The administrative-unit hierarchy as data: codes, commune codes, units files and the
    // statistics office's lists.
    .target(name: "Units", dependencies: ["Localization", "VietnameseText", "Toolkit"]),
    // SQLite's settings for files from outside (defensive mode, untrusted schema), which Swift
    // cannot set itself: sqlite3_db_config is variadic.
    .target(name: "CSQLiteGuard", linkerSettings: [.linkedLibrary("sqlite3")]),
    // Results per commune: one SQLite file each under Results/ (GRDB, WAL, migrations), merge,
    // rosters and bulk import.
    .target(
      name: "Gradebook",
      dependencies: [
        "Access", "CSQLiteGuard", "Curriculum", "Localization", "VietnameseText", "UserFolders", "Toolkit",
        "Units",
        .product(name: "GRDB", package: "GRDB.swift"),
        .product(name: "GRDBSQLite", package: "GRDB.swift"),
      ]
    ),
    // Insight over the results folder: answers read from the gradebook (streamed and summed in
    // SQLite for provinces), mapped onto the taxonomy, turned into readiness, group reports and
    // the views Reporting draws.
    .target(
      name: "ResultsAnalysis",
      dependencies: [
        "Curriculum", "Gradebook", "Insight", "Localization", "Reporting", "Toolkit", "TerminalUI",
        "VietnameseText", "Units",
      ]
    ),
    // Class results as export tables (scores, answers, item statistics) and the JSON document.
    .target(
      name: "ResultsExport",
      dependencies: [
        "Assessment", "Curriculum", "Gradebook", "Insight", "Localization", "Reporting", "ResultsAnalysis",
        "Toolkit", "Units",
      ]
    ),
    // Who may see what: trainer and leader passphrases (scrypt, salted), and Ed25519 signatures
    // of results and exports.
    .target(
      name: "Access",
      dependencies: [
        "Localization", "UserFolders", "Toolkit", "Units", .product(name: "Crypto", package: "swift-crypto"),
        .product(name: "CryptoExtras", package: "swift-crypto"),
      ]
    ),
    // Course versions published and pulled: a course folder linted, packed and signed with the
    // machine key, and a package verified against trusted keys and installed atomically.
    .target(name: "CoursePublishing", dependencies: ["Access", "Curriculum", "Localization", "Toolkit"]),
    // GNU readline for Swift: small C functions over readline's globals and a SIGINT handler.
    .target(name: "CReadline", linkerSettings: [.linkedLibrary("readline")]),
    // The interactive shell: identification, lessons, quizzes, review, over readline or a pipe.
    // Its commands (every ShellCommand type in Sources/Shell/Commands) are listed for the registry
    // by the ShellCommandList plugin, so a new command is one new file.
    .target(
      name: "Shell",
      dependencies: [
        "CReadline", "Curriculum", "Assessment", "Insight", "Localization", "VietnameseText", "TerminalUI",
        "Gradebook", "Units", "ResultsAnalysis",
      ],
      plugins: ["ShellCommandList"]
    ),
    // Completion certificates: the facts of who passed a class's post-test, signed with the
    // machine's Ed25519 key, printed as one A4 page (HTML, PDF through headless Chromium) and
    // verified offline against the register of certificates issued and the province's trust.
    .target(
      name: "Certificates",
      dependencies: [
        "Access", "Curriculum", "Gradebook", "Localization", "ResultsExport", "Toolkit", "Units",
        "UserFolders",
        .product(name: "Crypto", package: "swift-crypto"),
      ]
    ),
    // Writes the list of the shell's commands from the files of Sources/Shell/Commands.
    .plugin(name: "ShellCommandList", capability: .buildTool(), dependencies: ["ShellCommandScanner"]),
    // The tool the plugin runs: finds the types that conform to ShellCommand in those files.
    .executableTarget(name: "ShellCommandScanner"),
    // Question banks in and out: GIFT, Aiken, Moodle XML and spreadsheets (XLSX, CSV), written into
    // course files; courses and quizzes exported for Moodle.
    .target(
      name: "QuestionBank",
      dependencies: [
        "Curriculum", "Localization", "VietnameseText", "Reporting", "CZlib",
        .product(name: "Yams", package: "Yams"),
      ]
    ),
    // What the command line does, for the executable to wire: the help of every command and
    // option in both languages, the option groups commands share, one entry point per subcommand.
    .target(
      name: "PapiTrainCLI",
      dependencies: [
        "Curriculum", "Localization", "Gradebook", "Shell", "DemoData", "ResultsAnalysis", "ResultsExport",
        "Access", "TerminalUI", "Toolkit", "UserFolders", "Units", "QuestionBank", "Certificates", "Sync",
        "CoursePublishing", .product(name: "ArgumentParser", package: "swift-argument-parser"),
      ]
    ),
    // The command-line face: it only declares the commands and their arguments and wires them to
    // PapiTrainCLI's entry points.
    .executableTarget(
      name: "papi-train",
      dependencies: [
        "PapiTrainCLI", "Access", "Certificates", "QuestionBank", "ResultsAnalysis", "ResultsExport",
        .product(name: "ArgumentParser", package: "swift-argument-parser"),
      ]
    ),
    // What the commune machine and the province server agree on: the signed-request headers and
    // the canonical text they sign, and the JSON of a sync batch.
    .target(
      name: "SyncProtocol",
      dependencies: [
        "Access", "Gradebook", "Localization", "Toolkit", .product(name: "Crypto", package: "swift-crypto"),
      ]),
    // libcurl's easy interface for Swift (typed wrappers of the variadic curl_easy_setopt): the
    // sync client's HTTP, which waits in poll rather than spinning as URLSession does on Linux.
    .target(name: "CCurl", linkerSettings: [.linkedLibrary("curl")]),
    // The commune machine's side of sync: enrolment, and pushing what the server lacks in batches.
    .target(
      name: "Sync",
      dependencies: [
        "CCurl", "SyncProtocol", "Access", "CoursePublishing", "Gradebook", "Localization", "Toolkit",
        "Units",
      ]),
    // The province server: Hummingbird routes, PostgreSQL storage (PostgresNIO, SQL with bound
    // parameters only), schema migrations, device enrolment and signed requests, push sync.
    .target(
      name: "ProvinceServer",
      dependencies: [
        "SyncProtocol", "Access", "Curriculum", "Gradebook", "Localization", "Reporting", "Units",
        "ResultsAnalysis", "Insight", "Toolkit", "CoursePublishing", "UserFolders",
        .product(name: "Hummingbird", package: "hummingbird"),
        .product(name: "HummingbirdCore", package: "hummingbird"),
        .product(name: "HummingbirdTLS", package: "hummingbird"),
        .product(name: "NIOCore", package: "swift-nio"),
        .product(name: "NIOSSL", package: "swift-nio-ssl"),
        .product(name: "PostgresNIO", package: "postgres-nio"),
        .product(name: "Logging", package: "swift-log"),
        .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
        .product(name: "Crypto", package: "swift-crypto"),
      ],
      // docs/openapi.yaml (through a link), compiled into the binary: served at /openapi.yaml.
      resources: [.embedInCode("openapi.yaml")]
    ),
    // The server's command line: it only parses arguments and wires.
    .executableTarget(
      name: "papi-server",
      dependencies: [
        "ProvinceServer", "ResultsAnalysis", "TerminalUI", "Toolkit", "Units", "Localization",
        .product(name: "ArgumentParser", package: "swift-argument-parser"),
        .product(name: "Logging", package: "swift-log"),
      ]
    ),
    // Server tests' support: a throwaway PostgreSQL cluster, the built papi-server on loopback.
    .target(name: "ProvinceServerTesting", dependencies: ["PapiTrainTesting"]),
    // What every test target shares: temporary folders, the repository's files, the built
    // papi-train run through a pipe or a pseudo-terminal, a machine with test passphrases.
    .target(name: "PapiTrainTesting", dependencies: ["Access", "Assessment", "Curriculum", "Localization"]),
    .testTarget(
      name: "QuestionBankTests",
      dependencies: ["PapiTrainTesting", "Assessment", "QuestionBank", "Curriculum", "Reporting"]),
    .testTarget(name: "VietnameseTextTests", dependencies: ["VietnameseText"]),
    .testTarget(
      name: "AssessmentTests", dependencies: ["PapiTrainTesting", "Assessment", "Curriculum"],
      exclude: ["Fixtures"]),
    .testTarget(
      name: "ShellTests",
      dependencies: ["PapiTrainTesting", "Shell", "TerminalUI", "Gradebook", "Units", "VietnameseText"]),
    .testTarget(name: "ToolkitTests", dependencies: ["Toolkit"]),
    .testTarget(name: "TerminalUITests", dependencies: ["TerminalUI"]),
    .testTarget(
      name: "MessageCatalogueTests",
      dependencies: [
        "Access", "Certificates", "CoursePublishing", "Curriculum", "DemoData", "Gradebook", "Localization",
        "QuestionBank", "ResultsAnalysis", "ResultsExport", "Units", "ProvinceServer", "Sync", "PapiTrainCLI",
      ]
    ),
    .testTarget(
      name: "InsightTests", dependencies: ["PapiTrainTesting", "Insight", "Curriculum", "Localization"]),
    .testTarget(name: "ReportingTests", dependencies: ["PapiTrainTesting", "Reporting", "Toolkit", "VietnameseText"]),
    .testTarget(name: "AccessTests", dependencies: ["PapiTrainTesting", "Access"]),
    .testTarget(
      name: "CoursePublishingTests",
      dependencies: ["PapiTrainTesting", "CoursePublishing", "Access", "Curriculum"]),
    .testTarget(
      name: "CertificatesTests",
      dependencies: [
        "PapiTrainTesting", "Access", "Assessment", "Certificates", "Curriculum", "Gradebook",
        "ResultsExport",
        "Toolkit", "Units",
      ]),
    .testTarget(name: "UserFoldersTests", dependencies: ["UserFolders"]),
    .testTarget(
      name: "UnitsTests", dependencies: ["PapiTrainTesting", "Units", "Localization"], exclude: ["Fixtures"]),
    .testTarget(
      name: "ResultsAnalysisTests",
      dependencies: ["PapiTrainTesting", "ResultsAnalysis", "Gradebook", "Insight", "Curriculum", "Units"]),
    .testTarget(
      name: "ResultsExportTests",
      dependencies: [
        "PapiTrainTesting",
        "ResultsExport", "Gradebook", "Curriculum", "Insight", "Reporting", "Assessment", "Localization",
        "Units",
      ]
    ),
    .testTarget(
      name: "GradebookTests",
      dependencies: [
        "PapiTrainTesting", "Assessment", "Curriculum", "Gradebook", "Units", "Localization", "SyncProtocol",
        .product(name: "GRDB", package: "GRDB.swift"),
      ],
      exclude: ["Fixtures"]
    ),
    .testTarget(
      name: "CurriculumTests",
      dependencies: ["PapiTrainTesting", "Curriculum"],
      exclude: ["Fixtures"]
    ),
    .testTarget(
      name: "ProvinceServerTests",
      dependencies: [
        "ProvinceServer", "ProvinceServerTesting", "PapiTrainTesting", "Sync", "SyncProtocol", "Access",
        "Curriculum", "DemoData", "Gradebook", "Localization", "Units", "ResultsAnalysis", "CoursePublishing",
        "Assessment",
        .product(name: "PostgresNIO", package: "postgres-nio"),
        .product(name: "Logging", package: "swift-log"),
        .product(name: "Crypto", package: "swift-crypto"),
        .product(name: "CryptoExtras", package: "swift-crypto"),
      ]
    ),
    .testTarget(
      name: "PapiTrainCLITests",
      dependencies: [
        "papi-train", "PapiTrainCLI", "PapiTrainTesting", "Assessment", "Curriculum", "Gradebook", "Access",
        "Units",
        "VietnameseText", "UserFolders",
      ]
    ),
  ],
  swiftLanguageModes: [.v6]
)
