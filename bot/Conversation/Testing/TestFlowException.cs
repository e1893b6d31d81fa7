namespace AssistBot.Bot.Conversation.Testing;

public sealed class TestFlowException(string message) : Exception(message);
