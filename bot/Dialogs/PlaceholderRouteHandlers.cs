using AssistBot.Bot.Conversation;
using AssistBot.Bot.Conversation.Dialogs;

namespace AssistBot.Bot.Dialogs;

/// <summary>
/// Menu items 1–4 while their feature is switched off (<see cref="FeatureOptions"/>) or not registered in a host: honest
/// replies that say how to get it done today. A feature replaces one by registering an <see cref="IRouteHandler"/> with
/// the same id.
/// </summary>
public sealed class PlaceholderRouteHandler : IRouteHandler
{
    private readonly string[] _keywords;
    private readonly string[] _exactWords;

    private PlaceholderRouteHandler(string id, int menuNumber, string label, string menuKey, string text,
        string[] exactWords, string[] keywords)
    {
        Id = id;
        MenuNumber = menuNumber;
        MenuLabel = label;
        MenuKeys = [menuKey];
        Dialog = new MessageDialog($"{id}.placeholder", text);
        _exactWords = exactWords;
        _keywords = keywords;
    }

    public string Id { get; }
    public int? MenuNumber { get; }
    public string MenuLabel { get; }
    public IReadOnlyCollection<string> MenuKeys { get; }
    public bool IsPlaceholder => true;
    public Dialog Dialog { get; }

    public double Match(RouteInput input)
    {
        if (input.Variants.Any(v => _exactWords.Contains(v))) return 1.0;
        return _keywords.Length > 0 && input.ContainsAny(_keywords) ? 0.7 : 0;
    }

    public static IEnumerable<IRouteHandler> All() =>
    [
        new PlaceholderRouteHandler(RouteIds.Policy, 1, RouterTexts.PolicyLabel, Dialogs.MenuKeys.Policy,
            RouterTexts.ComingSoon(RouterTexts.PolicyLabel), ["政策咨询", "政策", "咨询政策", "问政策", "政策问答"], []),
        new PlaceholderRouteHandler(RouteIds.Declare, 2, RouterTexts.DeclareLabel, Dialogs.MenuKeys.Declare,
            RouterTexts.ComingSoon(RouterTexts.DeclareLabel), ["困难申报", "申报", "我要申报", "申报困难"],
            ["申报", "自主申报", "申请纳入监测"]),
        new PlaceholderRouteHandler(RouteIds.Status, 3, RouterTexts.StatusLabel, Dialogs.MenuKeys.Status,
            RouterTexts.ComingSoon(RouterTexts.StatusLabel), [.. Status.StatusWords.Exact], Status.StatusWords.Keywords),
        new PlaceholderRouteHandler(RouteIds.Loan, 4, RouterTexts.LoanLabel, Dialogs.MenuKeys.Loan,
            RouterTexts.ComingSoon(RouterTexts.LoanLabel), ["贷款还款", "贷款", "还款", "还贷"],
            ["还款", "还贷", "贷款到期", "贷款什么时候还"]),
    ];
}
