// swift-tools-version:6.0
// The fuzz targets for the course loader and validator and for merging results files, kept out of the main package so its build
// and CI stay fast. Run it with scripts/fuzz (libFuzzer through -sanitize=fuzzer, Linux).
import PackageDescription

let package = Package(
  name: "papi-train-fuzz",
  dependencies: [.package(name: "papi-train", path: "..")],
  targets: [
    // What both targets share: libFuzzer's driver and the input as bytes.
    .target(
      name: "FuzzSupport",
      swiftSettings: [.unsafeFlags(["-sanitize=fuzzer"])]
    ),
    .executableTarget(
      name: "FuzzCurriculum",
      dependencies: ["FuzzSupport", .product(name: "Curriculum", package: "papi-train")],
      swiftSettings: [.unsafeFlags(["-sanitize=fuzzer", "-parse-as-library"])],
      linkerSettings: [.unsafeFlags(["-sanitize=fuzzer"])]
    ),
    // Merge over damaged results files: the input is a list of patches to a sound file.
    .executableTarget(
      name: "FuzzResultsFile",
      dependencies: [
        "FuzzSupport", .product(name: "Curriculum", package: "papi-train"),
        .product(name: "Gradebook", package: "papi-train"),
      ],
      swiftSettings: [.unsafeFlags(["-sanitize=fuzzer", "-parse-as-library"])],
      linkerSettings: [.unsafeFlags(["-sanitize=fuzzer"])]
    ),
  ],
  swiftLanguageModes: [.v6]
)
