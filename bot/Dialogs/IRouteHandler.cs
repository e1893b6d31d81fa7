using AssistBot.Bot.Conversation;
using AssistBot.Bot.Conversation.Dialogs;
using AssistBot.Bot.Conversation.Schema;
using AssistBot.Knowledge.Text;

namespace AssistBot.Bot.Dialogs;

/// <summary>
/// A feature the router can start: its place in the main menu, the WeChat menu keys that open it, how well free text
/// fits it, and the dialog to begin. Register implementations as <c>IRouteHandler</c> singletons in DI; a handler
/// with the same <see cref="Id"/> as a placeholder (see <see cref="RouteIds"/>) replaces it — no router edits.
/// </summary>
public interface IRouteHandler
{
    /// <summary>Stable id, e.g. <see cref="RouteIds.Declare"/>.</summary>
    string Id { get; }

    /// <summary>Position in the main menu (1 政策咨询 … 4 贷款还款); null keeps it off the menu.</summary>
    int? MenuNumber { get; }

    /// <summary>The menu label, e.g. 困难申报; typing it opens the feature.</summary>
    string MenuLabel { get; }

    /// <summary>WeChat menu CLICK EventKeys that open this feature, e.g. MENU_DECLARE.</summary>
    IReadOnlyCollection<string> MenuKeys { get; }

    /// <summary>True for the engine's stand-ins, which any other handler with the same id replaces.</summary>
    bool IsPlaceholder => false;

    /// <summary>How sure (0..1) this feature is meant by free text such as "我要申报"; ≥ 0.6 starts it.</summary>
    double Match(RouteInput input);

    /// <summary>The dialog begun when this feature is chosen; its id must be unique among all handlers.</summary>
    Dialog Dialog { get; }

    /// <summary>Options passed to <see cref="Dialog"/> when it begins (e.g. the text that chose it).</summary>
    object? CreateOptions(RouteInput input) => null;
}
