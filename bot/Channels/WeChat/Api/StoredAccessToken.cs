using System.Collections.Concurrent;
using AssistBot.Bot.Storage;

namespace AssistBot.Bot.WeChat;

public sealed record StoredAccessToken(string Token, DateTimeOffset ExpiresAt, DateTimeOffset RefreshAfter);
