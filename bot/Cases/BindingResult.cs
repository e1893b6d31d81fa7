using AssistBot.Bot.Storage;

namespace AssistBot.Bot.Cases;

public sealed record BindingResult(BindingOutcome Outcome, int AttemptsLeft, IReadOnlyList<BindingSubject> Subjects);
