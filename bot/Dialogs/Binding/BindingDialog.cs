using AssistBot.Bot.Cases;
using AssistBot.Bot.Conversation;
using AssistBot.Bot.Conversation.Dialogs;
using AssistBot.Bot.Conversation.Schema;
using AssistBot.Bot.Privacy;

namespace AssistBot.Bot.Dialogs.Binding;

/// <summary>
/// 绑定: links this WeChat user to their imported household/loan records by 户主姓名 + 身份证后6位 + 手机号.
/// Answers are kept protected in the dialog state only until the check; the reply never says which one was wrong.
/// </summary>
public sealed class BindingDialog(BindingService binding, PersonalDataProtector protector) : Dialog(DialogId)
{
    public const string DialogId = "bind.form";
    private const string StepKey = "step";
    private const string NameKey = "name";
    private const string LastSixKey = "lastSix";

    public override async Task<DialogTurnResult> BeginDialogAsync(DialogContext dc, object? options = null,
        CancellationToken cancellationToken = default)
    {
        var (county, channel, user) = Who(dc.Context);
        // Only an openid WeChat vouched for may bind: elsewhere a caller can take a new user id at will and would get
        // a fresh set of attempts each time (the lockout counts per user).
        if (channel is not (Channels.WeChat or Channels.Test))
        {
            await dc.Context.SendActivityAsync(BindingTexts.OnlyOnWeChat, cancellationToken).ConfigureAwait(false);
            return await dc.EndDialogAsync(null, cancellationToken).ConfigureAwait(false);
        }
        if (await binding.IsLockedOutAsync(county, channel, user, cancellationToken).ConfigureAwait(false))
        {
            await dc.Context.SendActivityAsync(BindingTexts.LockedOut, cancellationToken).ConfigureAwait(false);
            return await dc.EndDialogAsync(null, cancellationToken).ConfigureAwait(false);
        }
        dc.ActiveDialog!.State[StepKey] = 0;
        await dc.Context.SendActivityAsync(BindingTexts.Intro, cancellationToken).ConfigureAwait(false);
        await AskAsync(dc.Context, 0, cancellationToken).ConfigureAwait(false);
        return EndOfTurn;
    }

    public override Task RepromptDialogAsync(ITurnContext turnContext, DialogInstance instance, CancellationToken cancellationToken = default) =>
        AskAsync(turnContext, (int?)instance.State[StepKey] ?? 0, cancellationToken);

    public override string? GetHelpText(ITurnContext turnContext, DialogInstance instance) => BindingTexts.Intro;

    public override async Task<DialogTurnResult> ContinueDialogAsync(DialogContext dc, CancellationToken cancellationToken = default)
    {
        if (!dc.Context.Activity.IsMessage) return EndOfTurn;
        var state = dc.ActiveDialog!.State;
        var step = (int?)state[StepKey] ?? 0;
        var text = dc.Context.Activity.Text?.Trim() ?? "";
        switch (step)
        {
            case 0:
                var name = CaseText.Compact(text);
                if (name.Length is < 2 or > 10 || !name.All(c => c is >= '\u4e00' and <= '\u9fff'))
                    return await RetryAsync(dc, BindingTexts.AskName, cancellationToken).ConfigureAwait(false);
                state[NameKey] = name;
                break;
            case 1:
                // As typed: a whole ID number arrives masked in the turn's text.
                var digits = new string(CaseText.Compact(dc.Context.Activity.TextAsTyped() ?? "").Where(c => char.IsAsciiDigit(c) || c == 'X').ToArray());
                if (digits.Length < 6) return await RetryAsync(dc, BindingTexts.RetryLastSix, cancellationToken).ConfigureAwait(false);
                state[LastSixKey] = protector.Protect(IdNumber.LastSix(digits));
                break;
            default:
                var phone = PhoneNumber.Check(dc.Context.Activity.TextAsTyped());
                if (!phone.IsValid) return await RetryAsync(dc, BindingTexts.RetryPhone, cancellationToken).ConfigureAwait(false);
                var (county, channel, user) = Who(dc.Context);
                var result = await binding.BindAsync(county, channel, user, (string)state[NameKey]!,
                    protector.Unprotect((string?)state[LastSixKey])!, phone.Normalized, cancellationToken).ConfigureAwait(false);
                state.Remove(LastSixKey);
                var reply = result.Outcome switch
                {
                    BindingOutcome.Bound => BindingTexts.Bound(result.Subjects.Count),
                    BindingOutcome.LockedOut => BindingTexts.LockedOut,
                    _ => BindingTexts.Failed(result.AttemptsLeft),
                };
                await dc.Context.SendActivityAsync(reply, cancellationToken).ConfigureAwait(false);
                return await dc.EndDialogAsync(result.Outcome == BindingOutcome.Bound, cancellationToken).ConfigureAwait(false);
        }
        state[StepKey] = step + 1;
        await AskAsync(dc.Context, step + 1, cancellationToken).ConfigureAwait(false);
        return EndOfTurn;
    }

    private static async Task<DialogTurnResult> RetryAsync(DialogContext dc, string text, CancellationToken ct)
    {
        await dc.Context.SendActivityAsync(MessageFactory.Text(text, InputHints.ExpectingInput), ct).ConfigureAwait(false);
        return EndOfTurn;
    }

    private static Task AskAsync(ITurnContext context, int step, CancellationToken ct) =>
        context.SendActivityAsync(MessageFactory.Text(step switch
        {
            0 => BindingTexts.AskName,
            1 => BindingTexts.AskLastSix,
            _ => BindingTexts.AskPhone,
        }, InputHints.ExpectingInput), ct);

    private static (string County, string Channel, string User) Who(ITurnContext context) =>
        (context.County().Id, context.Activity.ChannelId ?? "", context.Activity.From?.Id ?? "");
}

/// <summary>"绑定" (not on the main menu).</summary>
public sealed class BindingRouteHandler(BindingDialog dialog) : IRouteHandler
{
    private static readonly HashSet<string> ExactWords = ["绑定", "绑定账号", "绑定微信", "我要绑定", "绑定户", "绑定贷款", "账号绑定"];

    public string Id => "bind";
    public int? MenuNumber => null;
    public string MenuLabel => "绑定";
    public IReadOnlyCollection<string> MenuKeys { get; } = ["MENU_BIND"];
    public Dialog Dialog => dialog;

    public double Match(RouteInput input) =>
        input.Variants.Any(ExactWords.Contains) ? 1.0 : input.ContainsAny(["绑定"]) ? 0.8 : 0;
}
