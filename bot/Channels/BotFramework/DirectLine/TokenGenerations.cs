using System.Globalization;
using AssistBot.Bot.Conversation.Schema;
using AssistBot.Bot.Storage;
using Microsoft.Extensions.Options;

namespace AssistBot.Bot.BotFramework.DirectLine;

/// <summary>The conversation's current token generation and until when the previous one is still accepted.</summary>
public sealed record TokenGenerations(int Current, DateTimeOffset? PreviousUsableUntil);
