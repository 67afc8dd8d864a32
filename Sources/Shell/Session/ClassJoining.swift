import Foundation
import Gradebook
import Localization

/// Which class an official who has just identified is in: the one given with `--class`, or one
/// of the open classes of their commune, picked by number (or none). Joining is recorded in the
/// commune's results, so the trainer's `class show` sees who came.
struct ClassJoining {
  let console: Console
  let now: () -> Date

  /// The class joined, nil for none.
  func join(_ signedIn: SignedIn, given: TrainingClass?) -> TrainingClass? {
    let chosen: TrainingClass?
    if let given {
      chosen = usable(given, for: signedIn)
    } else {
      chosen = pick(from: (try? signedIn.store.openClasses()) ?? [])
    }
    guard let chosen else { return nil }
    do {
      try signedIn.store.join(chosen, official: signedIn.official, at: now())
    } catch {
      console.say(ClassSessionText.cannotJoin(console.reason(error)))
      return nil
    }
    console.say(ClassSessionText.joined(code: chosen.label, title: chosen.title))
    if let pretest = chosen.pretestQuizID { console.say(ClassSessionText.pretestHint(pretest)) }
    if let posttest = chosen.posttestQuizID { console.say(ClassSessionText.posttestHint(posttest)) }
    return chosen
  }

  /// The class given on the command line, when the official's commune is in it and it is open.
  private func usable(_ given: TrainingClass, for signedIn: SignedIn) -> TrainingClass? {
    guard given.communeCodes.contains(signedIn.commune.code) else {
      console.say(ClassSessionText.notInClass(code: given.label))
      return nil
    }
    // The commune's own file says whether it is still open (closed since the shell started).
    let stored = (try? signedIn.store.openClasses())?.first { $0.id == given.id }
    guard given.isOpen, stored != nil else {
      console.say(ClassSessionText.classClosed(code: given.label))
      return nil
    }
    return stored
  }

  /// Asks which of the open classes the official is in; nil for none or when input ends.
  private func pick(from open: [TrainingClass]) -> TrainingClass? {
    guard !open.isEmpty else { return nil }
    console.say(ClassSessionText.openClasses)
    for (index, found) in open.enumerated() {
      let days = found.date == found.endDate ? found.date : "\(found.date)…\(found.endDate)"
      console.say(
        ClassSessionText.classLine(number: index + 1, code: found.label, title: found.title, days: days))
    }
    console.say(ClassSessionText.noClassChoice)
    while true {
      guard case .line(let answer) = console.ask(console.text(ClassSessionText.askClass(open.count))) else {
        return nil
      }
      let typed = answer.trimmingCharacters(in: .whitespaces)
      if typed.isEmpty || typed == "0" { return nil }
      if let number = Int(typed), (1...open.count).contains(number) { return open[number - 1] }
      if let code = ClassCode(typed), let found = open.first(where: { $0.code == code }) { return found }
      console.say(SessionText.pickNumber(open.count))
    }
  }
}
