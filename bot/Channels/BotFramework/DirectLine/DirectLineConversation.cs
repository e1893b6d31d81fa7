using System.Globalization;
using AssistBot.Bot.Conversation.Schema;
using AssistBot.Bot.Storage;
using Microsoft.Extensions.Options;

namespace AssistBot.Bot.BotFramework.DirectLine;

/// <summary>A started Direct Line conversation.</summary>
public sealed record DirectLineConversation(string Id, string County, string UserId, DateTimeOffset StartedAt);
