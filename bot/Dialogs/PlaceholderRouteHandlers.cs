using AssistBot.Bot.Conversation;
using AssistBot.Bot.Conversation.Dialogs;

namespace AssistBot.Bot.Dialogs;

/// <summary>
/// Menu items 1–4 while their feature is switched off (<see cref="FeatureOptions"/>) or not registered in a host: honest
/// replies that say how to get it done today. A feature replaces one by registering an <see cref="IRouteHandler"/> with
/// the same id. Each stand-in reads free text with its feature's own static <c>Matches</c>, so switching a feature off
/// changes the reply, not which messages reach it (the two keyword lists used to drift apart).
/// </summary>
public sealed class PlaceholderRouteHandler : IRouteHandler
{
    private readonly Func<RouteInput, double> _match;

    /// <param name="match">The feature's own reading of free text, so that its stand-in answers to the same words.</param>
    private PlaceholderRouteHandler(string id, int menuNumber, string label, string menuKey, string text, Func<RouteInput, double> match)
    {
        Id = id;
        MenuNumber = menuNumber;
        MenuLabel = label;
        MenuKeys = [menuKey];
        Dialog = new MessageDialog($"{id}.placeholder", text);
        _match = match;
    }

    public string Id { get; }
    public int? MenuNumber { get; }
    public string MenuLabel { get; }
    public IReadOnlyCollection<string> MenuKeys { get; }
    public bool IsPlaceholder => true;
    public Dialog Dialog { get; }

    public double Match(RouteInput input) => _match(input);

    /// <summary>The policy Q&A reads questions with its answerer; its stand-in only knows the menu's own words.</summary>
    private static readonly HashSet<string> PolicyWords = ["政策咨询", "政策", "咨询政策", "问政策", "政策问答"];

    public static IEnumerable<IRouteHandler> All() =>
    [
        new PlaceholderRouteHandler(RouteIds.Policy, 1, RouterTexts.PolicyLabel, Dialogs.MenuKeys.Policy,
            RouterTexts.ComingSoon(RouterTexts.PolicyLabel), input => input.Variants.Any(PolicyWords.Contains) ? 1.0 : 0),
        new PlaceholderRouteHandler(RouteIds.Declare, 2, RouterTexts.DeclareLabel, Dialogs.MenuKeys.Declare,
            RouterTexts.ComingSoon(RouterTexts.DeclareLabel), Declaration.DeclareRouteHandler.Matches),
        new PlaceholderRouteHandler(RouteIds.Status, 3, RouterTexts.StatusLabel, Dialogs.MenuKeys.Status,
            RouterTexts.ComingSoon(RouterTexts.StatusLabel), Status.StatusRouteHandler.Matches),
        new PlaceholderRouteHandler(RouteIds.Loan, 4, RouterTexts.LoanLabel, Dialogs.MenuKeys.Loan,
            RouterTexts.ComingSoon(RouterTexts.LoanLabel), Loans.LoanRouteHandler.Matches),
    ];
}
