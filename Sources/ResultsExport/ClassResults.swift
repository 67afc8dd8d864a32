import Foundation
import Gradebook
import Toolkit
import Units

/// The stored results an export covers, read from a results folder: the officials who took part
/// and their attempts with every answer, commune by commune.
public struct ClassResults: Sendable {
  /// The class asked for, if any.
  public var trainingClass: TrainingClass?
  /// The communes read, in code order.
  public var communes: [CommuneCode]
  /// The officials with at least one selected attempt, commune by commune, by name.
  public var officials: [Official]
  /// The selected attempts that have answers, official by official, oldest first.
  public var attempts: [Attempt]

  public init(
    trainingClass: TrainingClass?, communes: [CommuneCode], officials: [Official], attempts: [Attempt]
  ) {
    self.trainingClass = trainingClass
    self.communes = communes
    self.officials = officials
    self.attempts = attempts
  }

  /// Every answer of the selected attempts.
  public var answerCount: Int { attempts.reduce(0) { $0 + $1.answers.count } }

  /// Reads what `selection` chooses from `directory`. Creates nothing: a commune without a
  /// results file is an error, not a new empty file.
  ///
  /// Throws ``ExportError`` for an unknown class or commune, a commune outside the class, a bad
  /// period, and when nothing at all matches (an export is never an empty file).
  public static func load(from directory: ResultsDirectory, selection: ExportSelection) throws -> ClassResults
  {
    let period = try selection.period()
    let folder = directory.url.path
    var trainingClass: TrainingClass?
    var codes: [CommuneCode]
    if let classID = selection.classID {
      for code in try directory.communeCodes() {
        if let found = try directory.readOnlyStore(for: code)?.trainingClass(id: classID) {
          trainingClass = found
          break
        }
      }
      guard let found = trainingClass else {
        throw ExportError.unknownClass(classID.uuidString, folder: folder)
      }
      for code in selection.communes where !found.communeCodes.contains(code) {
        throw ExportError.communeNotInClass(commune: code.rawValue, classID: classID.uuidString)
      }
      codes = selection.communes.isEmpty ? found.communeCodes : selection.communes
    } else if !selection.communes.isEmpty {
      codes = selection.communes
    } else {
      codes = try directory.communeCodes()
    }
    codes = Array(Set(codes)).sorted()
    let quizzes = Set(selection.quizIDs)
    let skipMissing = trainingClass != nil && selection.communes.isEmpty
    // Each commune is its own SQLite file: they are read on every core, then put together in
    // code order (and the first commune in that order that fails is the error reported).
    let read = concurrentMap(codes) { code -> Result<CommuneRead?, any Error> in
      Result {
        guard let store = try directory.readOnlyStore(for: code) else {
          // A class's commune whose officials never answered here has no file: nothing to read.
          if skipMissing { return nil }
          throw ExportError.unknownCommune(code.rawValue, folder: folder)
        }
        let chosen = try store.attempts(
          classID: selection.classID, quizIDs: quizzes, startedFrom: period.start, startedBefore: period.end
        ).filter { !$0.answers.isEmpty }
        guard !chosen.isEmpty else { return CommuneRead(code: code, officials: [], attempts: []) }
        let byOfficial = Dictionary(grouping: chosen, by: \.officialID)
        var officials: [Official] = []
        var attempts: [Attempt] = []
        for official in try store.officials() {
          guard let taken = byOfficial[official.id] else { continue }
          officials.append(official)
          attempts += taken
        }
        return CommuneRead(code: code, officials: officials, attempts: attempts)
      }
    }
    var communes: [CommuneCode] = []
    var officials: [Official] = []
    var attempts: [Attempt] = []
    for result in read {
      guard let commune = try result.get() else { continue }
      communes.append(commune.code)
      officials += commune.officials
      attempts += commune.attempts
    }
    guard !attempts.isEmpty else { throw ExportError.emptySelection(selection) }
    return ClassResults(
      trainingClass: trainingClass, communes: communes, officials: officials, attempts: attempts)
  }

  /// What one commune's file gave.
  private struct CommuneRead: Sendable {
    var code: CommuneCode
    var officials: [Official]
    var attempts: [Attempt]
  }
}
