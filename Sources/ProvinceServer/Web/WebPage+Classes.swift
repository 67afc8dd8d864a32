import Foundation

extension WebPage {
  /// The classes of the province with their decisions; each class not yet approved has a form
  /// to approve it and one to send it back with a note.
  func classes(
    _ classes: [ClassUnderReview], province: String, session: WebSession, notice: String?
  ) -> String {
    guard !classes.isEmpty else {
      return document(
        title: WebMessage.classesHeading(province).text(in: language), session: session,
        current: "/leaders/classes", notice: notice,
        body: "<p>\(say(.noClasses))</p>")
    }
    var body = "<table id=\"classes\"><tr><th>\(say(.classColumn))</th><th>\(say(.communeColumn))</th>"
    body += "<th>\(say(.trainerColumn))</th><th>\(say(.datesColumn))</th><th>\(say(.attemptsColumn))</th>"
    body += "<th>\(say(.decisionColumn))</th></tr>\n"
    for item in classes { body += row(item, session: session) }
    body += "</table>"
    return document(
      title: WebMessage.classesHeading(province).text(in: language), session: session,
      current: "/leaders/classes", notice: notice,
      body: body)
  }

  private func row(_ item: ClassUnderReview, session: WebSession) -> String {
    var row = "<tr data-class=\"\(html(item.code))\"><td class=\"name\">\(html(item.code))"
    row += "<span class=\"cov\">\(html(item.name))</span></td>"
    row += "<td class=\"name communes\">\(communes(item.communes))</td>"
    row += "<td class=\"name\">\(html(item.trainer))<span class=\"cov\">\(html(item.place))</span></td>"
    row += "<td>\(html(item.firstDay)) – \(html(item.lastDay))"
    row += "<span class=\"cov\">\(say(item.isOpen ? .classOpen : .classClosed))</span></td>"
    row += "<td>\(item.officials) / \(item.attempts)</td>"
    row += "<td class=\"note decision\">\(decision(item.review))"
    row += forms(item, session: session)
    return row + "</td></tr>\n"
  }

  /// The most communes of a class named in its row; a longer list opens from its first name.
  static let communesAtOnce = 6

  /// The communes of a class by name: all of them, or, for a class of many, the first and how
  /// many others, which open to the whole list.
  private func communes(_ names: [String]) -> String {
    let list = names.map(html).joined(separator: ", ")
    guard names.count > Self.communesAtOnce, let first = names.first else { return list }
    return "<details><summary>\(say(.andOtherCommunes(first: first, others: names.count - 1)))</summary>"
      + "<span class=\"detail\">\(list)</span></details>"
  }

  private func decision(_ review: ClassReview?) -> String {
    guard let review else { return "<strong class=\"awaiting\">\(say(.awaiting))</strong>" }
    switch review.decision {
    case .approved:
      return "<strong class=\"approved\">\(say(.approvedBy(leader: review.leader, day: review.day)))</strong>"
    case .returned:
      return "<strong class=\"returned\">\(say(.returnedBy(leader: review.leader, day: review.day)))</strong>"
        + "<br><span class=\"detail\">\(html(review.note))</span>"
    }
  }

  /// Approve, and send back with a note; an approved class has only the second, folded under
  /// "change the decision" (an approval made by mistake can be taken back).
  private func forms(_ item: ClassUnderReview, session: WebSession) -> String {
    let action = "/leaders/classes/\(item.id.uuidString.lowercased())/review"
    let id = html(item.code)
    let approved = item.review?.decision == .approved
    var form = "<br>"
    if approved {
      form += "<details class=\"change\"><summary>\(say(.changeDecision))</summary>"
    } else {
      form += "<form class=\"review\" method=\"post\" action=\"\(action)\">\(tokenField(session.csrfToken))"
      form += "<input type=\"hidden\" name=\"decision\" value=\"approved\">"
      form += "<button type=\"submit\" id=\"approve-\(id)\">\(say(.approve))</button></form>"
    }
    form += "<form class=\"review\" method=\"post\" action=\"\(action)\">\(tokenField(session.csrfToken))"
    form += "<input type=\"hidden\" name=\"decision\" value=\"returned\">"
    form += "<label for=\"note-\(id)\">\(say(.noteLabel))</label>"
    form += "<textarea id=\"note-\(id)\" name=\"note\" maxlength=\"\(ClassReview.noteLimit)\"></textarea><br>"
    form += "<button type=\"submit\" id=\"return-\(id)\">\(say(.sendBack))</button></form>"
    return approved ? form + "</details>" : form
  }
}
