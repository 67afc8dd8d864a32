import Foundation

/// Prints a page to PDF through headless Chromium (Debian's `chromium`), when it is installed:
/// `chromium --headless --print-to-pdf`, without header and footer, in a throwaway profile, with
/// no network (the page fetches nothing anyway).
public struct PDFRenderer: Sendable {
  /// The browser's executable.
  public var executable: URL

  /// `PAPI_CHROMIUM` when set (empty: none), else the first of `chromium`, `chromium-browser`,
  /// `google-chrome` on the `PATH`; nil when there is none.
  public static func find(environment: [String: String]) -> PDFRenderer? {
    if let chosen = environment["PAPI_CHROMIUM"] {
      return FileManager.default.isExecutableFile(atPath: chosen)
        ? PDFRenderer(executable: URL(fileURLWithPath: chosen)) : nil
    }
    let folders = (environment["PATH"] ?? "/usr/bin:/bin").split(separator: ":").map(String.init)
    for name in ["chromium", "chromium-browser", "google-chrome"] {
      for folder in folders {
        let path = (folder as NSString).appendingPathComponent(name)
        if FileManager.default.isExecutableFile(atPath: path) {
          return PDFRenderer(executable: URL(fileURLWithPath: path))
        }
      }
    }
    return nil
  }

  /// Prints the HTML file at `page` to `pdf`; throws when Chromium fails, takes more than
  /// `timeout` seconds, or writes no PDF.
  public func render(page: URL, to pdf: URL, timeout: TimeInterval = 90) throws {
    let profile = FileManager.default.temporaryDirectory.appendingPathComponent(
      "papi-chromium-\(UUID().uuidString)")
    defer { try? FileManager.default.removeItem(at: profile) }
    try? FileManager.default.removeItem(at: pdf)
    let process = Process()
    process.executableURL = executable
    process.arguments = [
      "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--hide-scrollbars",
      "--proxy-server=127.0.0.1:9", "--user-data-dir=\(profile.path)", "--no-pdf-header-footer",
      "--print-to-pdf=\(pdf.path)", page.absoluteURL.absoluteString,
    ]
    process.standardOutput = FileHandle.nullDevice
    process.standardError = FileHandle.nullDevice
    process.standardInput = FileHandle.nullDevice
    do {
      try process.run()
    } catch {
      throw CertificateMessage.pdfFailed(pdf.path, error.localizedDescription)
    }
    let deadline = Date().addingTimeInterval(timeout)
    while process.isRunning, Date() < deadline { Thread.sleep(forTimeInterval: 0.05) }
    if process.isRunning {
      process.terminate()
      process.waitUntilExit()
      throw CertificateMessage.pdfFailed(pdf.path, "timeout")
    }
    guard process.terminationStatus == 0,
      let size = try? FileManager.default.attributesOfItem(atPath: pdf.path)[.size] as? Int, size > 0
    else {
      throw CertificateMessage.pdfFailed(pdf.path, "exit status \(process.terminationStatus)")
    }
  }
}
