// swift-tools-version:6.0
// The fuzz target for the course loader and validator, kept out of the main package so its build
// and CI stay fast. Run it with scripts/fuzz (libFuzzer through -sanitize=fuzzer, Linux).
import PackageDescription

let package = Package(
  name: "papi-train-fuzz",
  dependencies: [.package(name: "papi-train", path: "..")],
  targets: [
    .executableTarget(
      name: "FuzzCurriculum",
      dependencies: [.product(name: "Curriculum", package: "papi-train")],
      swiftSettings: [.unsafeFlags(["-sanitize=fuzzer", "-parse-as-library"])],
      linkerSettings: [.unsafeFlags(["-sanitize=fuzzer"])]
    )
  ],
  swiftLanguageModes: [.v6]
)
