namespace AssistBot.Bot.Cases;

/// <summary>A record a user can be bound to: kind ("household", "loan") and its key (户编号, loan id).</summary>
public sealed record BindingSubject(string Kind, string Key);
