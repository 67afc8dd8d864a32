import Access
import Curriculum
import Foundation
import Gradebook
import Localization
import ResultsExport
import Toolkit
import Units

/// `papi-train certificate issue --class CODE [--out DIR]`: a certificate for each official who
/// passed the class's post-test, signed with this computer's key, written as `CODE.html` (one A4
/// page), `CODE.json` (the signed certificate) and, when Chromium is installed, `CODE.pdf`, and
/// recorded in this computer's ``CertificateRegister``.
public struct CertificateIssue: Sendable {
  /// The class as typed.
  public var trainingClass: String
  /// The folder to write into (made when missing).
  public var output: String
  /// Whether to print PDFs when Chromium is there.
  public var pdf: Bool

  public init(trainingClass: String, output: String, pdf: Bool = true) {
    self.trainingClass = trainingClass
    self.output = output
    self.pdf = pdf
  }

  /// Issues the class's certificates and returns what to tell the trainer.
  public func run(
    loaded: LoadedCurriculum, courses: String, directory: ResultsDirectory, unitsPath: String,
    environment: [String: String], language: Language, now: Date = Date()
  ) throws -> [String] {
    guard let library = loaded.library else {
      throw ExportMessage.coursesUnreadable(
        courses, loaded.errors.prefix(3).map { $0.formatted(in: .english) })
    }
    let selection = try ExportRequest(output: "", classID: trainingClass).selection(in: directory)
    let results = try ClassResults.load(from: directory, selection: selection)
    // A refused file would leave its officials without their certificates, unsaid: none is issued.
    if let refused = ExportMessage.leftOut(results).first { throw refused }
    var names: [CommuneCode: String] = [:]
    if let units = try? UnitHierarchy.load(path: unitsPath) {
      for code in results.communes { names[code] = units.unit(code)?.name }
    }
    let key = try MachineKey.loadOrCreate(at: MachineKey.defaultURL(environment: environment))
    let today = Day(now.addingTimeInterval(Double(TimeZone.current.secondsFromGMT(for: now))))
    let outcome = ClassCertificates(
      results: results, library: library, communeNames: names, issuedOn: today, issuer: FileSignature.hostName
    )
    let issued = try outcome.earned.map { try SignedCertificate(facts: $0, key: key) }
    let folder = URL(fileURLWithPath: output)
    let pages = try write(issued, into: folder)
    try CertificateRegister.default(environment: environment).record(issued)
    var lines = [
      CertificateMessage.issuedHeading(
        count: issued.count, classTitle: ClassCertificates.title(of: results.trainingClass),
        folder: folder.path
      )
      .text(in: language)
    ]
    for certificate in issued {
      lines.append(
        CertificateMessage.issuedOne(
          code: certificate.code, name: certificate.facts.name, commune: certificate.facts.communeName,
          score: certificate.facts.score
        ).text(in: language))
    }
    for official in outcome.notPassed {
      lines.append(
        CertificateMessage.notPassed(
          name: official.name, commune: official.commune, score: official.score,
          passMark: official.passMark
        ).text(in: language))
    }
    if outcome.withoutPostTest > 0 {
      lines.append(CertificateMessage.withoutPostTest(outcome.withoutPostTest).text(in: language))
    }
    if !issued.isEmpty { lines += try printPDFs(pages, environment: environment, language: language) }
    return lines
  }

  /// Writes each certificate's page and JSON; returns the pages.
  func write(_ issued: [SignedCertificate], into folder: URL) throws -> [URL] {
    do {
      try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    } catch {
      throw CertificateMessage.unwritable(folder.path, error.localizedDescription)
    }
    var pages: [URL] = []
    for certificate in issued {
      let page = folder.appendingPathComponent("\(certificate.code).html")
      try Self.save(Data(try CertificatePage.html(certificate).utf8), to: page)
      try Self.save(try certificate.json(), to: folder.appendingPathComponent("\(certificate.code).json"))
      pages.append(page)
    }
    return pages
  }

  static func save(_ data: Data, to url: URL) throws {
    do {
      try AtomicFile.write(data, to: url)
    } catch {
      throw CertificateMessage.unwritable(error.path, error.reason)
    }
  }

  /// Prints each page to PDF beside it, or says why there are only pages.
  func printPDFs(_ pages: [URL], environment: [String: String], language: Language) throws -> [String] {
    guard pdf else { return [CertificateMessage.htmlOnlyAsked.text(in: language)] }
    guard let renderer = PDFRenderer.find(environment: environment) else {
      return [CertificateMessage.noChromium.text(in: language)]
    }
    for page in pages {
      try renderer.render(page: page, to: page.deletingPathExtension().appendingPathExtension("pdf"))
    }
    return [CertificateMessage.printed(pages.count, renderer.executable.path).text(in: language)]
  }
}
