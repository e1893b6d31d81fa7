using AssistBot.Bot.Conversation;
using AssistBot.Bot.Conversation.Dialogs;
using AssistBot.Bot.Conversation.Schema;
using AssistBot.Knowledge.Text;

namespace AssistBot.Bot.Dialogs;

/// <summary>
/// Gets free text that no menu item or keyword claimed, before the honest fallback reply (the policy Q&amp;A fills this).
/// </summary>
public interface IFreeTextHandler
{
    /// <summary>Lower runs first.</summary>
    int Order => 0;

    /// <summary>The menu feature this handler belongs to (a <see cref="RouteIds"/> value), so switching it off stops both.</summary>
    string? FeatureId => null;

    /// <summary>Dialogs this handler may begin on <c>dc</c> (added to the router).</summary>
    IEnumerable<Dialog> Dialogs => [];

    /// <summary>Reply and/or begin a dialog on <paramref name="dc"/> and return true; false to pass.</summary>
    Task<bool> TryHandleAsync(DialogContext dc, RouteInput input, CancellationToken cancellationToken);
}
