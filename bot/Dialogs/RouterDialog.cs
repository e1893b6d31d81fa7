using System.Text.Json;
using AssistBot.Bot.Conversation;
using AssistBot.Bot.Conversation.Dialogs;
using AssistBot.Bot.Conversation.Schema;
using AssistBot.Bot.Conversation.State;
using AssistBot.Bot.Hosting;
using AssistBot.Knowledge.Text;
using Microsoft.Extensions.Options;

namespace AssistBot.Bot.Dialogs;

/// <summary>
/// The root dialog: welcomes on first contact, shows the numbered menu, and starts the feature the user picked — by
/// menu number or label, WeChat menu click, or keywords in free text — through the registered
/// <see cref="IRouteHandler"/>s. Free text nobody claims goes to the <see cref="IFreeTextHandler"/>s (policy Q&amp;A),
/// and otherwise gets an honest reply that names whom to ask. It never echoes the user.
/// </summary>
public sealed class RouterDialog : ComponentDialog
{
    public const string DialogId = "router";
    private const double MatchThreshold = 0.6;
    private const double ExactScore = 0.95;

    private static readonly IReadOnlySet<string> GreetingWords = new HashSet<string>(StringComparer.Ordinal)
    {
        "你好", "您好", "在吗", "在不在", "hi", "hello", "开始", "0", "零", "喂你好", "你好啊", "早上好", "上午好", "中午好", "下午好", "晚上好",
        "早", "早啊", "您早", "大家好",
    };

    /// <summary>
    /// Thanks and "got it" after an answer: said to close the exchange, not asked. Without this they reached the policy
    /// Q&amp;A, which answered "没有找到准确的政策依据" and listed them among the questions the bot could not answer.
    /// </summary>
    private static readonly IReadOnlySet<string> ThanksWords = new HashSet<string>(StringComparer.Ordinal)
    {
        "谢谢", "谢谢你", "谢谢您", "谢谢了", "谢谢啦", "谢了", "多谢", "多谢了", "感谢", "非常感谢", "太感谢了", "辛苦了", "好的谢谢",
        "好谢谢", "嗯谢谢", "谢谢哈", "好的", "好", "好嘞", "好滴", "行", "中", "知道了", "晓得了", "明白了", "懂了", "收到", "嗯嗯", "ok", "okay",
    };

    private readonly IReadOnlyList<IRouteHandler> _handlers;
    private readonly IReadOnlyList<IFreeTextHandler> _freeTextHandlers;
    private readonly ConversationState _conversationState;

    // Handlers and their labels are fixed once the router is built, so the menu and the normalized labels are
    // computed here instead of on every message.
    private readonly IReadOnlyList<string> _menuLabels;
    private readonly string[] _cleanLabels;

    public RouterDialog(IEnumerable<IRouteHandler> handlers, IEnumerable<IFreeTextHandler> freeTextHandlers,
        ConversationState conversationState, IOptions<FeatureOptions>? features = null) : base(DialogId)
    {
        _conversationState = conversationState;
        var switches = features?.Value ?? new FeatureOptions();
        _handlers = SelectHandlers(handlers.Where(h => h.IsPlaceholder || !switches.IsOff(h.Id)));
        _freeTextHandlers = freeTextHandlers.Where(h => h.FeatureId is not { } id || !switches.IsOff(id)).OrderBy(h => h.Order).ToList();
        _menuLabels = [.. _handlers.Where(h => h.MenuNumber is not null).OrderBy(h => h.MenuNumber).Select(h => h.MenuLabel), RouterTexts.HelpLabel];
        _cleanLabels = [.. _handlers.Select(h => TextNormalizer.Clean(h.MenuLabel))];
        foreach (var handler in _handlers) AddDialog(handler.Dialog);
        foreach (var dialog in _freeTextHandlers.SelectMany(h => h.Dialogs)) AddDialog(dialog);
        InitialDialogId = null;
    }

    /// <summary>
    /// The handlers in effect: per id, the last registered real handler that is not switched off
    /// (<see cref="FeatureOptions"/>), else the placeholder.
    /// </summary>
    public IReadOnlyList<IRouteHandler> Handlers => _handlers;

    /// <summary>Main menu labels in order (features by menu number, then 帮助).</summary>
    public IReadOnlyList<string> MenuLabels => _menuLabels;

    protected override async Task<DialogTurnResult> OnBeginDialogAsync(DialogContext innerDc, object? options,
        CancellationToken cancellationToken)
    {
        var activity = innerDc.Context.Activity;
        switch (activity.Type)
        {
            case ActivityTypes.ConversationUpdate:
                if (activity.MembersAdded?.Any(m => m.Id != activity.Recipient?.Id) == true)
                    await SendWelcomeAsync(innerDc.Context, cancellationToken).ConfigureAwait(false);
                return Done;
            case ActivityTypes.Event:
                return await OnEventAsync(innerDc, activity, cancellationToken).ConfigureAwait(false);
            case ActivityTypes.Message:
                return await OnMessageAsync(innerDc, new RouteInput(activity), cancellationToken).ConfigureAwait(false);
            default:
                return Done;
        }
    }

    private static DialogTurnResult Done => new(DialogTurnStatus.Complete);

    private async Task<DialogTurnResult> OnEventAsync(DialogContext innerDc, Activity activity, CancellationToken cancellationToken)
    {
        if (activity.Name == RouterEvents.Scan)
        {
            await SendWelcomeAsync(innerDc.Context, cancellationToken).ConfigureAwait(false);
            return Done;
        }
        if (activity.Name != RouterEvents.MenuClick) return Done;
        var key = activity.Value is { ValueKind: JsonValueKind.String } value ? value.GetString() : null;
        if (key == MenuKeys.Help)
        {
            await SendHelpAsync(innerDc.Context, cancellationToken).ConfigureAwait(false);
            return Done;
        }
        var handler = _handlers.FirstOrDefault(h => key is not null && h.MenuKeys.Contains(key));
        if (handler is null)
        {
            await SendMenuAsync(innerDc.Context, RouterTexts.Menu, cancellationToken).ConfigureAwait(false);
            return Done;
        }
        return await BeginAsync(innerDc, handler, new RouteInput(activity), cancellationToken).ConfigureAwait(false);
    }

    private async Task<DialogTurnResult> OnMessageAsync(DialogContext innerDc, RouteInput input, CancellationToken cancellationToken)
    {
        var context = innerDc.Context;
        if (Interruptions.IsHelp(input.Text) || input.Variants.Contains(RouterTexts.HelpLabel))
        {
            await SendHelpAsync(context, cancellationToken).ConfigureAwait(false);
            return Done;
        }
        if (input.Normalized.Length == 0)
        {
            await context.SendActivityAsync(RouterTexts.OnlyText, cancellationToken).ConfigureAwait(false);
            return Done;
        }
        if (input.IsAny(GreetingWords) || input.IsAny(Interruptions.MenuWords))
        {
            if (_conversationState.IsNew(context)) await SendWelcomeAsync(context, cancellationToken).ConfigureAwait(false);
            else await SendMenuAsync(context, RouterTexts.Menu, cancellationToken).ConfigureAwait(false);
            return Done;
        }
        if (input.IsAny(ThanksWords))
        {
            await context.SendActivityAsync(RouterTexts.YouAreWelcome, cancellationToken).ConfigureAwait(false);
            return Done;
        }
        if (input.IsAny(Interruptions.CancelWords) || input.IsAny(Interruptions.SoftCancelWords) || input.IsAny(Interruptions.BackWords))
        {
            await SendMenuAsync(context, RouterTexts.NothingToCancel, cancellationToken).ConfigureAwait(false);
            return Done;
        }
        if (input.IsAny(Interruptions.HumanWords))
        {
            await context.SendActivityAsync(RouterTexts.HumanContact, cancellationToken).ConfigureAwait(false);
            return Done;
        }

        // A menu number ("1", "一", "第一个")
        var menu = MenuLabels;
        if (ChoiceRecognizer.Number(input.Variants, menu.Count) is { } picked)
            return await OpenMenuItemAsync(innerDc, menu[picked], input, cancellationToken).ConfigureAwait(false);

        // A label or a keyword. Real features' keywords come before free text; the placeholders' loose keywords
        // only after it, so "申报要什么材料" reaches the policy Q&A rather than the 困难申报 stand-in.
        var scored = _handlers
            .Select((h, i) => (Handler: h, Score: input.Variants.Contains(_cleanLabels[i]) ? 1.0 : h.Match(input)))
            .Where(x => x.Score >= MatchThreshold)
            .OrderByDescending(x => x.Score)
            .ToList();
        var direct = scored.FirstOrDefault(x => x.Score >= ExactScore || !x.Handler.IsPlaceholder);
        if (direct.Handler is not null)
            return await BeginAsync(innerDc, direct.Handler, input, cancellationToken).ConfigureAwait(false);

        foreach (var freeText in _freeTextHandlers)
            if (await freeText.TryHandleAsync(innerDc, input, cancellationToken).ConfigureAwait(false))
                return innerDc.ActiveDialog is null ? Done : EndOfTurn;

        if (scored.Count > 0)
            return await BeginAsync(innerDc, scored[0].Handler, input, cancellationToken).ConfigureAwait(false);

        if (_conversationState.IsNew(context)) await SendWelcomeAsync(context, cancellationToken).ConfigureAwait(false);
        else await SendMenuAsync(context, RouterTexts.Fallback, cancellationToken).ConfigureAwait(false);
        return Done;
    }

    private async Task<DialogTurnResult> OpenMenuItemAsync(DialogContext innerDc, string label, RouteInput input,
        CancellationToken cancellationToken)
    {
        if (label == RouterTexts.HelpLabel)
        {
            await SendHelpAsync(innerDc.Context, cancellationToken).ConfigureAwait(false);
            return Done;
        }
        var handler = _handlers.First(h => h.MenuLabel == label);
        return await BeginAsync(innerDc, handler, input, cancellationToken).ConfigureAwait(false);
    }

    private static async Task<DialogTurnResult> BeginAsync(DialogContext innerDc, IRouteHandler handler, RouteInput input,
        CancellationToken cancellationToken)
    {
        var result = await innerDc.BeginDialogAsync(handler.Dialog.Id, handler.CreateOptions(input), cancellationToken)
            .ConfigureAwait(false);
        return result.Status == DialogTurnStatus.Waiting ? result : Done;
    }

    private Task SendWelcomeAsync(ITurnContext context, CancellationToken cancellationToken) =>
        SendMenuAsync(context, RouterTexts.Welcome(context.TurnState.Get<County>()?.Name), cancellationToken);

    private Task SendMenuAsync(ITurnContext context, string text, CancellationToken cancellationToken) =>
        context.SendActivityAsync(MessageFactory.SuggestedActions(MenuLabels, text), cancellationToken);

    private Task SendHelpAsync(ITurnContext context, CancellationToken cancellationToken) =>
        SendMenuAsync(context, RouterTexts.Help, cancellationToken);

    private static List<IRouteHandler> SelectHandlers(IEnumerable<IRouteHandler> registered)
    {
        var chosen = new Dictionary<string, IRouteHandler>(StringComparer.Ordinal);
        var order = new List<string>();
        foreach (var handler in registered)
        {
            if (!chosen.TryGetValue(handler.Id, out var current)) order.Add(handler.Id);
            else if (!current.IsPlaceholder && handler.IsPlaceholder) continue;
            chosen[handler.Id] = handler;
        }
        return order.Select(id => chosen[id]).ToList();
    }
}
