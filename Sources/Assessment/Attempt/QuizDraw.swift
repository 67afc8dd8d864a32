import Curriculum

extension QuizAssembler {
  /// Draws a new attempt at `quiz` for an official. A post-test never asks what the official
  /// already saw in a pre-test of the course (`earlierAttempts` is read only for a post-test);
  /// when that leaves too few questions, it is drawn again, with a new seed, from every question.
  public func draw(
    _ quiz: Quiz, seed makeSeed: () -> UInt64, earlierAttempts: () throws -> [PastAttempt]
  ) throws -> AssembledQuiz {
    var seen = Set<QuestionID>()
    if quiz.kind == .postTest {
      let preTests = Set(course.quizzes.filter { $0.kind == .preTest }.map(\.id))
      for attempt in try earlierAttempts() where preTests.contains(attempt.quizID) {
        seen.formUnion(attempt.questionIDs)
      }
    }
    do {
      return try assemble(quiz, seed: makeSeed(), excluding: seen)
    } catch AssemblyError.notEnoughQuestions {
      return try assemble(quiz, seed: makeSeed())
    }
  }
}
