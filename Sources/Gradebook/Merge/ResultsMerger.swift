import Access
import Foundation
import Units

/// Brings results files from other machines into a results folder.
///
/// - Idempotent and keyed by stable ids: merging a file twice adds nothing the second time.
/// - Never modifies its input: each input (with its `-wal` file, if any) is copied to a private
///   temporary folder and read there; the original is only ever read.
/// - Refuses, with a message naming the file, a file that is not SQLite, not a results database,
///   damaged, or written by a newer papi-train. One file is merged in one transaction: all or nothing.
/// - Conflicts: answers of the same attempt are united; an attempt finished on one side and in
///   progress on the other ends up finished; records that differ under the same id keep the
///   destination's version and are reported. The same person added on two machines gets two ids:
///   both are kept and reported as possible duplicates (same name, diacritics ignored).
public struct ResultsMerger: Sendable {
  /// The results folder merged into; commune files are created in it as needed.
  public let destination: ResultsDirectory

  /// What a file from outside may hold; a file beyond it is refused.
  public var limits: UntrustedResultsFile.Limits

  /// When set, a file is merged only when signed (`FILE.sig`) by a machine this registry trusts
  /// for the file's commune; unsigned files and files of unknown or revoked keys are refused.
  public var requiredSigners: TrustRegistry?
  /// When set, every file merged, skipped or refused is written to it.
  public var auditLog: MergeAuditLog?

  /// A merger into `destination`.
  public init(
    destination: ResultsDirectory, limits: UntrustedResultsFile.Limits = .init(),
    requiredSigners: TrustRegistry? = nil, auditLog: MergeAuditLog? = nil
  ) {
    self.destination = destination
    self.limits = limits
    self.requiredSigners = requiredSigners
    self.auditLog = auditLog
  }

  /// Merges every file in `paths`; a folder stands for the `*.sqlite` files directly in it.
  public func merge(paths: [String]) -> MergeReport {
    var files: [MergedFile] = []
    for path in paths {
      var isDirectory: ObjCBool = false
      guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
        files.append(
          MergedFile(
            path: path, outcome: .refused(.noSuchFile(path: path))))
        continue
      }
      if isDirectory.boolValue {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: path)) ?? []
        let found = names.filter { $0.hasSuffix(".\(ResultsDirectory.fileExtension)") }.sorted()
        if found.isEmpty {
          files.append(
            MergedFile(
              path: path,
              outcome: .refused(.noResultsFiles(folder: path))))
        }
        for name in found {
          files.append(merged((path as NSString).appendingPathComponent(name)))
        }
      } else {
        files.append(merged(path))
      }
    }
    if let auditLog {
      for file in files { auditLog.record(file, into: destination) }
    }
    return MergeReport(files: files)
  }

  private func merged(_ path: String) -> MergedFile {
    var signer: TrustedMachine?
    let outcome = mergeFile(at: path, signer: &signer)
    return MergedFile(path: path, outcome: outcome, signer: signer)
  }

  /// Merges one file and says what happened.
  public func mergeFile(at path: String) -> MergeOutcome {
    var signer: TrustedMachine?
    return mergeFile(at: path, signer: &signer)
  }

  private func mergeFile(at path: String, signer: inout TrustedMachine?) -> MergeOutcome {
    do {
      return try Snapshot.read(path: path, limits: limits, signers: requiredSigners) { snapshot in
        signer = snapshot.signer
        let store = try destination.store(for: snapshot.commune)
        if Self.sameFile(path, store.fileURL.path) { return .skippedDestination(commune: snapshot.commune) }
        let damage = try store.integrityCheck()
        guard damage.isEmpty else {
          throw GradebookError.damaged(path: store.path, details: damage.prefix(3).joined(separator: "; "))
        }
        return try store.merge(snapshot)
      }
    } catch let error as GradebookError {
      return .refused(error)
    } catch let error as UnitsError {
      return .refused(.units(error))
    } catch {
      return .refused(.database(path: path, message: "\(error)"))
    }
  }

  static func sameFile(_ a: String, _ b: String) -> Bool {
    var first = stat()
    var second = stat()
    guard stat(a, &first) == 0, stat(b, &second) == 0 else { return false }
    return first.st_dev == second.st_dev && first.st_ino == second.st_ino
  }
}
