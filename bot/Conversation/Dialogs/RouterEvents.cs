namespace AssistBot.Bot.Conversation.Dialogs;

/// <summary>Event names channels send (see INTEGRATION.md).</summary>
public static class RouterEvents
{
    public const string MenuClick = "menuClick";
    public const string Scan = "scan";
    public const string Location = "location";
}
