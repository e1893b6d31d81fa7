namespace AssistBot.Bot.Knowledge;

/// <summary>The reply of one turn as eval sees it: outcome, answering entry (from the reply activity), text.</summary>
public sealed record EvalReply(string Outcome, string? EntryId, string Text);
