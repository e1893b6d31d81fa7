using AssistBot.Bot.Conversation;
using AssistBot.Bot.Conversation.Dialogs;
using AssistBot.Bot.Conversation.Schema;
using AssistBot.Bot.Text;

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

/// <summary>
/// Gets free text that no menu item or keyword claimed, before the honest fallback reply (the policy Q&amp;A fills this).
/// </summary>
public interface IFreeTextHandler
{
    /// <summary>Lower runs first.</summary>
    int Order => 0;

    /// <summary>Dialogs this handler may begin on <c>dc</c> (added to the router).</summary>
    IEnumerable<Dialog> Dialogs => [];

    /// <summary>Reply and/or begin a dialog on <paramref name="dc"/> and return true; false to pass.</summary>
    Task<bool> TryHandleAsync(DialogContext dc, RouteInput input, CancellationToken cancellationToken);
}

/// <summary>The user's input as the router sees it.</summary>
public sealed class RouteInput(Activity activity)
{
    public Activity Activity { get; } = activity;

    /// <summary>The text as received (voice: the recognition).</summary>
    public string Text { get; } = activity.Text ?? "";

    /// <summary>Every form of the text from cleaned to fully stripped (see <see cref="TextNormalizer.Variants"/>).</summary>
    public IReadOnlyList<string> Variants { get; } = TextNormalizer.Variants(activity.Text);

    /// <summary>Trimmed, half-width, no punctuation, fillers (那个/嗯/就是/我想问下…) removed.</summary>
    /// <remarks>The last variant is <see cref="TextNormalizer.ForCommand"/>'s result; reusing it normalizes the text once.</remarks>
    public string Normalized => Variants[^1];

    public bool ContainsAny(IEnumerable<string> keywords) =>
        keywords.Any(k => Variants[0].Contains(k, StringComparison.Ordinal));

    public bool IsAny(IReadOnlySet<string> words) => Variants.Any(words.Contains);

    private Dictionary<object, object?>? _memo;

    /// <summary>
    /// A value derived from this input, computed once per turn however often it is asked for (e.g. a handler's
    /// <c>Match</c> and then its <c>CreateOptions</c>). <paramref name="key"/> identifies the computation.
    /// </summary>
    public T Memo<T>(object key, Func<RouteInput, T> compute)
    {
        _memo ??= new Dictionary<object, object?>(ReferenceEqualityComparer.Instance);
        if (_memo.TryGetValue(key, out var cached)) return (T)cached!;
        var value = compute(this);
        _memo[key] = value;
        return value;
    }
}

public static class RouteIds
{
    public const string Policy = "policy";
    public const string Declare = "declare";
    public const string Status = "status";
    public const string Loan = "loan";
}

/// <summary>WeChat custom-menu CLICK keys (INTEGRATION.md).</summary>
public static class MenuKeys
{
    public const string Policy = "MENU_POLICY";
    public const string Declare = "MENU_DECLARE";
    public const string Status = "MENU_STATUS";
    public const string Loan = "MENU_LOAN";
    public const string Help = "MENU_HELP";
}
