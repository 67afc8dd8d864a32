import Foundation
import Gradebook
import Localization
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
  /// The communes whose files were refused (each checked as a file from outside), in code
  /// order: nothing of them is in the results.
  public var leftOut: [LeftOut]

  public init(
    trainingClass: TrainingClass?, communes: [CommuneCode], officials: [Official], attempts: [Attempt],
    leftOut: [LeftOut] = []
  ) {
    self.trainingClass = trainingClass
    self.communes = communes
    self.officials = officials
    self.attempts = attempts
    self.leftOut = leftOut
  }

  /// A commune whose results file was refused, and why (the reason names the file).
  public struct LeftOut: Sendable, Hashable {
    public var commune: CommuneCode
    public var reason: LocalizedText

    public init(commune: CommuneCode, reason: LocalizedText) {
      self.commune = commune
      self.reason = reason
    }

    init(commune: CommuneCode, error: any Error) {
      self.commune = commune
      if let message = error as? any LocalizedMessage {
        reason = LocalizedText(vi: message.text(in: .vietnamese), en: message.text(in: .english))
      } else {
        reason = LocalizedText(vi: "\(error)")
      }
    }
  }

  /// Every answer of the selected attempts.
  public var answerCount: Int { attempts.reduce(0) { $0 + $1.answers.count } }

  /// Reads what `selection` chooses from `directory`. Creates nothing: a commune without a
  /// results file is an error, not a new empty file. Every file is checked as a file from outside
  /// (``ResultsDirectory/withCheckedStore(for:limits:readableFrom:_:)``: a private copy, or the
  /// file itself when it was checked before and has not changed since); a file that fails a
  /// check is left out (``leftOut``, by name with the reason) and the others are still read.
  ///
  /// Throws ``ExportError`` for an unknown class or commune, a commune outside the class, a bad
  /// period, and when nothing at all matches and no file was left out (an export is never an
  /// empty file).
  public static func load(from directory: ResultsDirectory, selection: ExportSelection) throws -> ClassResults
  {
    _ = try selection.period()
    let folder = directory.url.path
    var trainingClass: TrainingClass?
    var codes: [CommuneCode]
    if let classID = selection.classID {
      guard let found = try findClass(classID, in: directory) else {
        throw ExportError.unknownClass(classID.uuidString, folder: folder)
      }
      trainingClass = found
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
    let skipMissing = trainingClass != nil && selection.communes.isEmpty
    // Each commune is its own SQLite file: they are read on every core, then put together in
    // code order: a refused file is left out, and of the other errors the first commune's in that
    // order is reported.
    let read = concurrentMap(codes) { code -> Result<CommuneRead?, any Error> in
      Result {
        do {
          guard
            let read = try directory.withCheckedStore(
              for: code, readableFrom: CommuneStore.exportReadableFrom,
              { try Self.read(code, from: $0, selection) })
          else {
            // A class's commune whose officials never answered here has no file: nothing to read.
            if skipMissing { return nil }
            throw ExportError.unknownCommune(code.rawValue, folder: folder)
          }
          return read
        } catch let error as GradebookError {
          return CommuneRead(
            code: code, officials: [], attempts: [], leftOut: LeftOut(commune: code, error: error))
        }
      }
    }
    var communes: [CommuneCode] = []
    var officials: [Official] = []
    var attempts: [Attempt] = []
    var leftOut: [LeftOut] = []
    for result in read {
      guard let commune = try result.get() else { continue }
      if let refused = commune.leftOut {
        leftOut.append(refused)
        continue
      }
      communes.append(commune.code)
      officials += commune.officials
      attempts += commune.attempts
    }
    guard !attempts.isEmpty || !leftOut.isEmpty else { throw ExportError.emptySelection(selection) }
    return ClassResults(
      trainingClass: trainingClass, communes: communes, officials: officials, attempts: attempts,
      leftOut: leftOut)
  }

  /// The class as the first file in code order that holds it and passes the checks has it (a
  /// refused file is left out by the reading that follows, if the class has its commune).
  private static func findClass(_ id: ClassID, in directory: ResultsDirectory) throws -> TrainingClass? {
    for code in try directory.communeCodes() {
      let found = try? directory.withCheckedStore(for: code, readableFrom: CommuneStore.exportReadableFrom) {
        try $0.trainingClass(id: id)
      }
      if let found = found.flatMap({ $0 }) { return found }
    }
    return nil
  }

  /// What `selection` chooses of one commune's store.
  private static func read(
    _ code: CommuneCode, from store: CommuneStore, _ selection: ExportSelection
  ) throws -> CommuneRead {
    let period = try selection.period()
    let chosen = try store.attempts(
      classID: selection.classID, quizIDs: Set(selection.quizIDs), startedFrom: period.start,
      startedBefore: period.end
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

  /// What one commune's file gave: its officials and attempts, or why it was left out.
  private struct CommuneRead: Sendable {
    var code: CommuneCode
    var officials: [Official]
    var attempts: [Attempt]
    var leftOut: LeftOut?
  }
}
