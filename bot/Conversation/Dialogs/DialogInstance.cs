using System.Text.Json.Nodes;

namespace AssistBot.Bot.Conversation.Dialogs;

/// <summary>One running dialog: its id, its JSON state, and (for component dialogs) its own inner stack.</summary>
public sealed class DialogInstance
{
    public string Id { get; set; } = "";

    public JsonObject State { get; set; } = new();

    /// <summary>The inner dialog stack of a <see cref="ComponentDialog"/>; null for other dialogs.</summary>
    public DialogState? Children { get; set; }
}
