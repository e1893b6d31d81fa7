using AssistBot.Bot.Conversation.Dialogs;
using AssistBot.Knowledge.Answering;

namespace AssistBot.Bot.Dialogs.PolicyQa;

/// <summary>Menu item 1 政策咨询 (and the WeChat MENU_POLICY key); replaces the engine's placeholder.</summary>
public sealed class PolicyQaRouteHandler(PolicyQaDialog dialog, PolicyAnswerer answerer) : IRouteHandler
{
    public string Id => RouteIds.Policy;
    public int? MenuNumber => 1;
    public string MenuLabel => RouterTexts.PolicyLabel;
    public IReadOnlyCollection<string> MenuKeys { get; } = [Dialogs.MenuKeys.Policy];
    public Dialog Dialog => dialog;

    /// <summary>
    /// "政策咨询"-like words open the menu item. A question that names a policy topic (read with the packs' vocabulary,
    /// the same reading that answers it) also claims the turn, above a bare keyword match of another feature (so
    /// "衔接资金支出进度…" is answered, not sent to 查进度); a hardship told without naming a policy is left to
    /// 困难申报 (which answers it briefly and offers to declare); weaker questions reach the free-text slot. The route
    /// input carries no county, so every county pack reads it; the answer itself comes from the turn's county.
    /// </summary>
    /// <summary>Below a real feature's strong match (e.g. "我要申报" → 困难申报), above a placeholder's keyword hit (0.7).</summary>
    private const double MaxFreeTextClaim = 0.85;

    private readonly object _coverageKey = new();

    /// <summary>Searches every county pack, so it is computed once per turn (Match and CreateOptions both need it).</summary>
    private float Coverage(RouteInput input) => input.Memo(_coverageKey, i => answerer.ConfidentCoverage(i.Text));

    public double Match(RouteInput input)
    {
        if (input.Variants.Any(v => PolicyQaTexts.MenuWords.Contains(v))) return 1.0;
        var coverage = Coverage(input);
        return coverage > 0 ? Math.Min(MaxFreeTextClaim, 0.6 + 0.35 * coverage) : 0;
    }

    /// <summary>Begun by a question, the dialog answers it at once; begun from the menu ("1", 政策咨询, a click), it asks for one.</summary>
    public object? CreateOptions(RouteInput input) =>
        input.Activity.Type == Conversation.Schema.ActivityTypes.Message
        && !input.Variants.Any(v => PolicyQaTexts.MenuWords.Contains(v))
        && Coverage(input) > 0
            ? input.Text
            : null;
}

/// <summary>Free text nobody else claimed is a policy question: answer it (the router's free-text slot).</summary>
public sealed class PolicyQaFreeTextHandler(PolicyQaDialog dialog) : IFreeTextHandler
{
    public string? FeatureId => RouteIds.Policy;

    public IEnumerable<Dialog> Dialogs => [dialog];

    public async Task<bool> TryHandleAsync(DialogContext dc, RouteInput input, CancellationToken cancellationToken)
    {
        await dc.BeginDialogAsync(dialog.Id, input.Text, cancellationToken).ConfigureAwait(false);
        return true;
    }
}
