import ArgumentParser
import Curriculum
import DemoData
import Foundation
import Gradebook
import Localization
import Units

/// `papi-train demo-data`: a generated province to look at, kept apart from real results.
struct DemoDataCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "demo-data",
    abstract: "Tạo dữ liệu mẫu của một tỉnh / generate a demo province's results.",
    discussion: """
      Writes one results file per commune into an EMPTY folder (default Demo/Results, never Results/):
      officials with positions from positions.yaml take the shipped courses' quizzes (pre-tests, practice,
      post-tests) over months; every commune is weak in a couple of PAPI dimensions. The real communes of
      the units file come first, synthetic 5-digit codes (90000 up) beyond; --units-out writes a units file
      that names them all. The same --seed and sizes give the same data.
      """
  )

  @Option(name: .long, help: "Thư mục ghi / the folder to write (must hold no results).")
  var results: String = "Demo/Results"

  @Option(name: .long, help: "Số xã / communes (default: every commune of the units file).")
  var communes: Int?

  @Option(name: .long, help: "Số cán bộ mỗi xã / officials per commune.")
  var officials: Int = 25

  @Option(name: .long, help: "Số lượt làm bài mỗi cán bộ / quiz attempts per official.")
  var attempts: Int = 12

  @Option(name: .long, help: "Số xã mỗi lớp tập huấn / communes trained together in one class.")
  var communesPerClass: Int = 4

  @Option(name: .long, help: "Hạt giống / the seed.")
  var seed: UInt64 = 1

  @Option(name: .long, help: "Số luồng / communes generated at once (default: the processor count).")
  var workers: Int?

  @Option(
    name: .long, help: "Ghi danh mục đơn vị gồm cả xã tổng hợp / write a units file naming every commune.")
  var unitsOut: String?

  @OptionGroup var coursesOption: CoursesOption
  @OptionGroup var unitsOption: UnitsOption
  @OptionGroup var languageOption: LanguageOption

  func validate() throws {
    for (name, value) in [
      ("--communes", communes ?? 1), ("--officials", officials), ("--attempts", attempts),
      ("--communes-per-class", communesPerClass), ("--workers", workers ?? 1),
    ] where value < 1 {
      throw ValidationError("\(name) must be at least 1")
    }
  }

  func run() throws {
    let language = languageOption.language
    let loaded = CurriculumLoader().load(
      path: coursesOption.courses, cache: .default(environment: ProcessInfo.processInfo.environment))
    guard let library = loaded.library, loaded.isValid else {
      printError(CLIMessage.coursesInvalid(coursesOption.courses).text(in: language), in: language)
      throw ExitCode(1)
    }
    do {
      let written = try DemoProvince.generate(
        library: library, units: try? UnitHierarchy.load(path: unitsOption.path), communes: communes,
        officialsPerCommune: officials, attemptsPerOfficial: attempts, communesPerClass: communesPerClass,
        seed: seed, into: ResultsDirectory(url: URL(fileURLWithPath: results)),
        workers: workers ?? ProcessInfo.processInfo.activeProcessorCount, unitsOut: unitsOut)
      print(written.text(in: language))
    } catch let error as DemoDataError {
      printError(error.description, in: language)
      throw ExitCode(1)
    } catch let error as GradebookError {
      printError(error.text(in: language), in: language)
      throw ExitCode(1)
    } catch let error as UnitsError {
      printError(error.text(in: language), in: language)
      throw ExitCode(1)
    }
  }
}
