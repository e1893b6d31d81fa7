using AssistBot.Bot.Conversation;

namespace AssistBot.Bot.BotFramework;

/// <summary>No <see cref="IBot"/> is registered in this host.</summary>
public sealed class BotUnavailableException() : InvalidOperationException("No bot (IBot + BufferingBotAdapter) is registered.");
