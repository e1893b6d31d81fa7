using System.Collections.Concurrent;
using AssistBot.Bot.Storage;

namespace AssistBot.Bot.WeChat;

public readonly record struct AccessTokenResponse(string AccessToken, int ExpiresIn);
