using AssistBot.Bot.Storage;

namespace AssistBot.Bot.Cases;

/// <summary>A WeChat user's link to household/loan records.</summary>
public sealed record UserBinding(string Channel, string UserId, IReadOnlyList<BindingSubject> Subjects, DateTimeOffset BoundAt);
