import ArgumentParser
import Certificates
import Foundation
import Localization

/// `papi-train certificate issue|verify`.
public enum CertificateActions {
  /// `certificate issue --class ID`: a certificate for each official of the class who passed.
  public static func issue(_ issue: CertificateIssue, from source: FolderOptions) throws {
    let language = source.language
    try requireRole(.trainer, language: language)
    try reportingErrors(in: language) {
      printLines(
        try issue.run(
          loaded: source.coursesOption.load(), courses: source.coursesOption.courses,
          directory: source.resultsOption.directory, unitsPath: source.unitsOption.path,
          environment: ProcessInfo.processInfo.environment, language: language))
    }
  }

  /// `certificate verify CODE|FILE`: exits 1 unless the certificate is intact and trusted.
  public static func verify(_ subject: String, language: Language) throws {
    let verdict = try reportingErrors(in: language) {
      try CertificateVerifier.default(environment: ProcessInfo.processInfo.environment).verify(subject)
    }
    print(CertificateMessage.verdict(verdict).text(in: language))
    if !verdict.isValid { throw ExitCode(1) }
  }
}
