namespace AssistBot.Bot.Cases;

/// <summary>Before and after a transition; <see cref="After"/> is null when it was refused or the record is missing.</summary>
public sealed record TransitionOutcome(Declaration? Before, Declaration? After, WorkflowRefusal Refusal, bool NotFound);
