namespace AssistBot.Knowledge.Declarations;

/// <summary>
/// What happens next after a status and by when: <see cref="Days"/> calendar days counted from submission
/// (<see cref="FromSubmission"/>) or from entering the status; no days when no source gives a limit.
/// </summary>
public sealed record NextStepRule(string Step, int? Days, bool FromSubmission, string? Source);
