import Curriculum
import Foundation
import Gradebook
import Localization
import Units
import VietnameseText

/// How an official says who they are: their commune (by code or name, diacritics optional), then
/// their name on its roster, registering with a position when it is not there yet.
struct Identification {
  let console: Console
  let communes: [CommuneEntry]
  let library: CourseLibrary
  let openStore: (CommuneEntry) throws -> any ResultsStore

  /// What the first prompt was answered with.
  enum FirstAnswer {
    case commune(CommuneEntry, any ResultsStore)
    /// The trainer's word (`gv`, `giảng viên`, `trainer`): sign in as trainer.
    case trainer
  }

  /// Whether `text` says a trainer is at the keyboard.
  static func isTrainerWord(_ text: String) -> Bool {
    ["gv", "giang vien", "trainer"].contains(text.matchKey(foldingDiacritics: true))
  }

  /// The commune picked, and its results opened (or, when `trainerWord`, the trainer's word);
  /// nil when input ends.
  func commune(preset: String?, prompt: String? = nil, trainerWord: Bool = false) -> FirstAnswer? {
    var preset = preset
    while true {
      let text: String
      if let given = preset {
        text = given
        preset = nil
      } else {
        switch console.ask(prompt ?? console.text(SessionText.askCommune), completion: communeCompletion) {
        case .endOfInput: return nil
        case .interrupt, .idle: continue
        case .line(let typed): text = typed.trimmingCharacters(in: .whitespaces)
        }
      }
      guard !text.isEmpty else { continue }
      if trainerWord, Self.isTrainerWord(text) { return .trainer }
      if let chosen = pickCommune(text) { return .commune(chosen.0, chosen.1) }
    }
  }

  /// The commune `text` was close to, when the official says it is the one meant: a code
  /// without its leading zero (`3478` → 03478), a name with a typing slip (`sin hoo` → Sìn Hồ),
  /// by the suggestion rule the command registry uses.
  private func suggestedCommune(for text: String) -> CommuneEntry? {
    if text.allSatisfy(\.isNumber), !text.isEmpty {
      let padded = communes.first { entry in
        entry.code.rawValue.count > text.count && entry.code.rawValue.hasSuffix(text)
          && entry.code.rawValue.dropLast(text.count).allSatisfy { $0 == "0" }
      }
      if let padded { return padded }
    }
    var byName: [String: CommuneEntry] = [:]
    for entry in communes {
      byName[entry.name] = byName[entry.name] ?? entry
      byName[Self.bareName(entry.name)] = byName[Self.bareName(entry.name)] ?? entry
    }
    return closestMatch(to: text, in: byName.keys.sorted()).flatMap { byName[$0] }
  }

  /// A unit's name without its kind in front: "Xã Sìn Hồ" → "Sìn Hồ".
  static func bareName(_ name: String) -> String {
    let kinds = ["xa ", "phuong ", "thi tran ", "dac khu "]
    let key = name.matchKey(foldingDiacritics: true)
    guard let kind = kinds.first(where: { key.hasPrefix($0) }) else { return name }
    return String(
      name.split(separator: " ").dropFirst(kind.split(separator: " ").count).joined(separator: " "))
  }

  private func pickCommune(_ text: String) -> (CommuneEntry, any ResultsStore)? {
    var matches = communeMatches(text)
    if matches.isEmpty, let suggestion = suggestedCommune(for: text) {
      console.say(SessionText.noCommune(text, suggestion: nil))
      guard
        console.askYesNo(ClassSessionText.didYouMean("\(suggestion.name) (\(suggestion.code.rawValue))"))
          == true
      else { return nil }
      matches = [suggestion]
    }
    if matches.isEmpty {
      console.say(SessionText.noCommune(text, suggestion: nil))
      return nil
    }
    if matches.count > 1 {
      console.say(SessionText.severalCommunes)
      for entry in matches.prefix(12) { console.line("  \(entry.code.rawValue)  \(entry.fullName)") }
      return nil
    }
    do {
      let store = try openStore(matches[0])
      console.say(SessionText.communeChosen(matches[0].fullName))
      return (matches[0], store)
    } catch {
      console.say(ShellText.cannotOpenResults(console.reason(error)))
      return nil
    }
  }

  func communeMatches(_ text: String) -> [CommuneEntry] {
    if let byCode = communes.first(where: { $0.code.rawValue == text }) { return [byCode] }
    let key = text.matchKey(foldingDiacritics: true)
    let exact = communes.filter {
      $0.name.matchKey(foldingDiacritics: true) == key || $0.fullName.matchKey(foldingDiacritics: true) == key
    }
    if !exact.isEmpty { return exact }
    return communes.filter { $0.fullName.matchKey(foldingDiacritics: true).contains(key) }
  }

  private var communeCompletion: Completion {
    let communes = self.communes
    return Completion(wholeLine: true) { _, word in
      let key = word.matchKey(foldingDiacritics: true)
      let duplicated = Dictionary(grouping: communes, by: \.name).filter { $0.value.count > 1 }
      return communes.filter {
        $0.code.rawValue.hasPrefix(word) || $0.name.matchKey(foldingDiacritics: true).contains(key)
      }.map { duplicated[$0.name] == nil ? $0.name : $0.fullName }
    }
  }

  /// What the name prompt ends with.
  enum NameOutcome {
    case official(Official)
    /// The official asked to pick another commune.
    case back
    case endOfInput
  }

  /// Whether `text` asks to go back to the commune prompt.
  static func asksToGoBack(_ text: String) -> Bool {
    ["quay lai", "back", "tro lai", "<"].contains(text.matchKey(foldingDiacritics: true))
  }

  /// The official signed in, found on the roster or registered, or a wish to go back.
  func nameOutcome(in store: any ResultsStore, preset: String?) -> NameOutcome {
    var preset = preset
    while true {
      let roster = (try? store.officials()) ?? []
      let name: String
      if let given = preset {
        name = given.nfc
        preset = nil
      } else {
        switch console.ask(console.text(SessionText.askName), completion: nameCompletion(roster)) {
        case .endOfInput: return .endOfInput
        case .interrupt, .idle: continue
        case .line(let typed): name = typed.split(whereSeparator: \.isWhitespace).joined(separator: " ")
        }
      }
      guard !name.isEmpty else { continue }
      if Self.asksToGoBack(name) { return .back }
      switch find(name, in: roster, store: store) {
      case .found(let official): return .official(official)
      case .gaveUp: return .endOfInput
      case .askAgain: continue
      }
    }
  }

  private enum Search {
    case found(Official)
    case gaveUp, askAgain
  }

  private func find(_ name: String, in roster: [Official], store: any ResultsStore) -> Search {
    switch OfficialLookup.find(name, in: roster, id: \.id.uuidString, name: \.name) {
    case .one(let official): return .found(official)
    case .several(let matches):
      console.say(SessionText.severalOfficials)
      for (index, match) in matches.enumerated() {
        console.line("  \(index + 1). \(match.name): \(positionName(match.position))")
      }
      guard let index = console.askNumber(SessionText.askPosition, count: matches.count) else {
        return .gaveUp
      }
      return .found(matches[index])
    case .none: break
    }
    console.say(SessionText.nameNotOnRoster(name))
    // A slip in a name (a sixth of its letters at most): "Nguyen Thi Hao" for Nguyễn Thị Hoa,
    // never "Lò Văn Ba" for Lò Văn Một.
    let slips = max(1, name.matchKey(foldingDiacritics: true).count / 6)
    if let close = closestMatch(to: name, in: roster.map(\.name), maximumDistance: slips) {
      guard let meant = console.askYesNo(ClassSessionText.didYouMean(close)) else { return .gaveUp }
      if meant, let official = roster.first(where: { $0.name == close }) { return .found(official) }
    }
    guard let register = console.askYesNo(SessionText.askRegister) else { return .gaveUp }
    guard register else { return .askAgain }
    return self.register(name, in: store)
  }

  private func register(_ name: String, in store: any ResultsStore) -> Search {
    for (index, position) in library.positions.enumerated() {
      console.line("  \(index + 1). \(position.name.text(in: console.language))")
    }
    guard let index = console.askNumber(SessionText.askPosition, count: library.positions.count) else {
      return .gaveUp
    }
    do {
      return .found(try store.register(name: name, position: library.positions[index].id))
    } catch {
      console.say(ShellText.cannotOpenResults(console.reason(error)))
      return .askAgain
    }
  }

  private func nameCompletion(_ roster: [Official]) -> Completion {
    let names = roster.map(\.name)
    return Completion(wholeLine: true) { _, word in
      let key = word.matchKey(foldingDiacritics: true)
      return Array(Set(names.filter { $0.matchKey(foldingDiacritics: true).contains(key) })).sorted()
    }
  }

  func positionName(_ id: String) -> String {
    library.positionName(id, in: console.language)
  }
}
