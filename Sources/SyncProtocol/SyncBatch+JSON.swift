import Foundation
import Toolkit

// A batch's JSON written by Toolkit's `CompactJSON`: the bytes `JSONEncoder` gives with
// `.sortedKeys` (keys in the order of their bytes, optionals left out when nil), without boxing
// each of a batch's thousands of values. Every field of every row is written here, in that
// order. (`JSONEncoder` without `.sortedKeys` writes a batch's keys in an order that changes from
// one run to the next: the same document, not the same bytes.)

extension SyncBatch {
  /// The batch as the body of a push: what `JSONEncoder` with `.sortedKeys` writes, byte for
  /// byte. Throws for a number that is not finite, as `JSONEncoder` does.
  public func json() throws -> Data {
    var json = CompactJSON(capacity: 1_024 + 320 * answers.count + 480 * attempts.count)
    try json.object { json in
      json.key("answers")
      try json.array(answers) { try $1.write(to: &$0) }
      json.key("attempts")
      try json.array(attempts) { try $1.write(to: &$0) }
      json.field("batchID", batchID)
      json.key("classMembers")
      json.array(classMembers) { $1.write(to: &$0) }
      json.key("classes")
      json.array(classes) { $1.write(to: &$0) }
      json.field("commune", commune)
      json.field("cursorFrom", cursorFrom)
      json.field("cursorTo", cursorTo)
      json.field("format", format)
      json.key("officials")
      json.array(officials) { $1.write(to: &$0) }
      json.key("rosterChanges")
      json.array(rosterChanges) { $1.write(to: &$0) }
    }
    return Data(json.bytes)
  }
}

extension WireOfficial {
  func write(to json: inout CompactJSON) {
    json.object { json in
      json.field("communeCode", communeCode)
      json.field("createdAt", createdAt)
      json.field("id", id)
      json.field("name", name)
      json.field("position", position)
    }
  }
}

extension WireClass {
  func write(to json: inout CompactJSON) {
    json.object { json in
      json.field("closedAt", closedAt)
      json.field("code", code)
      json.field("communeCodes", communeCodes)
      json.field("date", date)
      json.field("endDate", endDate)
      json.field("id", id)
      json.field("place", place)
      json.field("posttestQuizID", posttestQuizID)
      json.field("pretestQuizID", pretestQuizID)
      json.field("title", title)
      json.field("trainer", trainer)
      json.field("updatedAt", updatedAt)
    }
  }
}

extension WireClassMember {
  func write(to json: inout CompactJSON) {
    json.object { json in
      json.field("classID", classID)
      json.field("joinedAt", joinedAt)
      json.field("officialID", officialID)
    }
  }
}

extension WireRosterChange {
  func write(to json: inout CompactJSON) {
    json.object { json in
      json.field("changedAt", changedAt)
      json.field("changedBy", changedBy)
      json.field("id", id)
      json.field("keptID", keptID)
      json.field("kind", kind)
      json.field("newName", newName)
      json.field("officialID", officialID)
      json.field("oldName", oldName)
    }
  }
}

extension WireAttempt {
  func write(to json: inout CompactJSON) throws {
    try json.object { json in
      json.field("classID", classID)
      json.field("courseID", courseID)
      json.field("courseVersion", courseVersion)
      json.field("endedAt", endedAt)
      json.field("id", id)
      try json.field("maxScore", maxScore)
      json.field("officialID", officialID)
      json.field("questionIDs", questionIDs)
      json.field("quizID", quizID)
      try json.field("score", score)
      json.field("seed", seed)
      json.field("startedAt", startedAt)
      json.field("status", status)
    }
  }
}

extension WireAnswer {
  func write(to json: inout CompactJSON) throws {
    try json.object { json in
      json.field("answeredAt", answeredAt)
      json.field("attemptID", attemptID)
      json.field("correct", correct)
      json.field("position", position)
      json.field("questionID", questionID)
      json.field("response", response)
      try json.field("score", score)
      try json.field("timeTaken", timeTaken)
    }
  }
}
