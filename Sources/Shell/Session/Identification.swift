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

  /// The commune picked, and its results opened; nil when input ends.
  func commune(preset: String?) -> (CommuneEntry, any ResultsStore)? {
    var preset = preset
    while true {
      let text: String
      if let given = preset {
        text = given
        preset = nil
      } else {
        switch console.ask(console.text(SessionText.askCommune), completion: communeCompletion) {
        case .endOfInput: return nil
        case .interrupt: continue
        case .line(let typed): text = typed.trimmingCharacters(in: .whitespaces)
        }
      }
      guard !text.isEmpty else { continue }
      if let chosen = pickCommune(text) { return chosen }
    }
  }

  private func pickCommune(_ text: String) -> (CommuneEntry, any ResultsStore)? {
    let matches = communeMatches(text)
    if matches.isEmpty {
      console.say(SessionText.noCommune(text, suggestion: closestMatch(to: text, in: communes.map(\.name))))
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
        case .interrupt: continue
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
