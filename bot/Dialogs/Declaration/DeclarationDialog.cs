using System.Text.Json.Nodes;
using AssistBot.Bot.Cases;
using AssistBot.Bot.Conversation;
using AssistBot.Bot.Conversation.Dialogs;
using AssistBot.Bot.Conversation.Schema;
using AssistBot.Bot.Text;
using AssistBot.Bot.Privacy;
using AssistBot.Knowledge.Text;

namespace AssistBot.Bot.Dialogs.Declaration;

/// <summary>Options the router passes when it starts the declaration.</summary>
public sealed record DeclarationDialogOptions(bool HardshipMentioned);

/// <summary>
/// 农户自主申报 as a waterfall of questions: intro (never starts silently) → consent → 户主姓名 → 身份证号 → 电话 →
/// 乡镇 → 村 → 家庭人口 → 困难类型 → 情况说明 → 收入 (optional) → summary (masked) → submit.
/// <para>
/// Each step asks one question; the answer is validated here with a friendly retry, so the step index in the dialog
/// state is always "the open question" — a restart resumes there, and 返回上一步 (handled by the engine) re-asks the
/// previous one. Answers live in a separate draft document with a 7-day time-to-live (personal data protected), never
/// in the dialog state. At the summary a correction in plain words ("电话写错了") jumps to that question and comes back;
/// a question asked mid-form is answered and the same question asked again.
/// </para>
/// </summary>
public sealed class DeclarationDialog : WaterfallDialog
{
    public const string DialogId = "declare.form";

    private const int Intro = 0;
    private const int Consent = 1;
    private const int FirstField = 2;
    private const int Summary = FirstField + 9;
    private const int EditWhich = Summary + 1;

    private const string EditingKey = "editing";
    private const string CandidatesKey = "townshipCandidates";
    private const string MissesKey = "misses";

    private static readonly string[] DeferIdWords = ["不方便提供", "不方便", "不提供", "不想提供", "没带", "没有", "不知道", "记不住", "忘了", "以后再说", "上门再说"];
    private static readonly string[] SkipWords = ["跳过", "不清楚", "不知道", "不填", "算不清", "说不清", "没算过", "不晓得", "不好说", "skip"];
    private static readonly string[] NamePrefixes = ["户主的名字是", "户主名字是", "户主姓名是", "户主是", "户主叫", "名字叫", "名字是", "我的名字是", "我叫", "我是", "叫", "是"];
    private static readonly string[] VillagePrefixes = ["我家在", "我家是", "我是", "住在", "家住", "在", "是"];

    private readonly CountyCaseData _counties;
    private readonly DeclarationDraftStore _drafts;
    private readonly DeclarationStore _declarations;
    private readonly DeclarationNotifier _notifier;
    private readonly PersonalDataProtector _protector;
    private readonly IReadOnlyList<IFormQuestionAnswerer> _answerers;
    private readonly TimeProvider _time;
    private readonly ILogger<DeclarationDialog> _logger;

    public DeclarationDialog(CountyCaseData counties, DeclarationDraftStore drafts, DeclarationStore declarations,
        DeclarationNotifier notifier, PersonalDataProtector protector, IEnumerable<IFormQuestionAnswerer> answerers,
        TimeProvider time, ILogger<DeclarationDialog> logger)
        // One placeholder step per question: the base class keeps the step index and runs OnStepAsync to ask.
        : base(DialogId, Enumerable.Repeat<WaterfallStep>((_, _) => Task.FromResult(EndOfTurn), EditWhich + 1))
    {
        _counties = counties;
        _drafts = drafts;
        _declarations = declarations;
        _notifier = notifier;
        _protector = protector;
        _answerers = answerers.ToList();
        _time = time;
        _logger = logger;
        EndOnNoAnswer = false;
    }

    // ---- asking -------------------------------------------------------------------------------------------------

    protected override async Task<DialogTurnResult> OnStepAsync(WaterfallStepContext step, CancellationToken cancellationToken)
    {
        var instance = step.DialogContext.ActiveDialog!;
        instance.State[MissesKey] = 0;
        await AskAsync(step.Context, instance, step.Index, cancellationToken).ConfigureAwait(false);
        return EndOfTurn;
    }

    public override Task RepromptDialogAsync(ITurnContext turnContext, DialogInstance instance, CancellationToken cancellationToken = default) =>
        AskAsync(turnContext, instance, StepIndex(instance), cancellationToken);

    public override Task<DialogTurnResult> ResumeDialogAsync(DialogContext dc, DialogReason reason, object? result = null,
        CancellationToken cancellationToken = default) =>
        RepromptThenWaitAsync(dc, cancellationToken);

    private async Task<DialogTurnResult> RepromptThenWaitAsync(DialogContext dc, CancellationToken cancellationToken)
    {
        await RepromptDialogAsync(dc.Context, dc.ActiveDialog!, cancellationToken).ConfigureAwait(false);
        return EndOfTurn;
    }

    private async Task AskAsync(ITurnContext context, DialogInstance instance, int index, CancellationToken ct)
    {
        var county = _counties.Get(context.County().Id);
        var name = county.County.Name;
        var activity = index switch
        {
            Intro => MessageFactory.SuggestedActions([DeclarationTexts.Start, DeclarationTexts.NotNow],
                DeclarationTexts.Intro(name, ReadOptions(instance)?.HardshipMentioned == true)),
            Consent => MessageFactory.SuggestedActions([DeclarationTexts.Agree, DeclarationTexts.Disagree], DeclarationTexts.Consent),
            Summary => await SummaryAsync(context, ct).ConfigureAwait(false),
            EditWhich => MessageFactory.SuggestedActions(DeclarationTexts.FieldLabels, DeclarationTexts.AskWhichField),
            _ => Question((DeclarationField)(index - FirstField), name, instance,
                index == FirstField + (int)DeclarationField.Village ? (await LoadDraftAsync(context, ct).ConfigureAwait(false))?.Township : null),
        };
        activity.InputHint = InputHints.ExpectingInput;
        if (index == Intro && ReadOptions(instance)?.HardshipMentioned == true && context.Activity.IsMessage
            && HardshipTypes.Detect(context.Activity.Text).Count > 0)
        {
            // "突然出了事故家里没收入了": the short policy answer first, then the offer to declare.
            foreach (var answerer in _answerers)
                if (await answerer.AnswerActivityAsync(context, context.Activity.Text ?? "", ct).ConfigureAwait(false) is { } answer)
                {
                    await context.SendActivityAsync(answer, ct).ConfigureAwait(false);
                    break;
                }
        }
        await context.SendActivityAsync(activity, ct).ConfigureAwait(false);
    }

    private static Activity Question(DeclarationField field, string countyName, DialogInstance instance, string? township = null) => field switch
    {
        DeclarationField.HeadName => MessageFactory.Text(DeclarationTexts.AskName),
        DeclarationField.IdNumber => MessageFactory.SuggestedActions([DeclarationTexts.NoIdNumber], DeclarationTexts.AskIdNumber),
        DeclarationField.Phone => MessageFactory.Text(DeclarationTexts.AskPhone),
        DeclarationField.Township when instance.State[CandidatesKey] is JsonArray { Count: > 0 } candidates =>
            MessageFactory.SuggestedActions(candidates.Select(c => (string)c!), DeclarationTexts.PickTownship(candidates.Select(c => (string)c!))),
        DeclarationField.Township => MessageFactory.Text(DeclarationTexts.AskTownship(countyName)),
        DeclarationField.Village => MessageFactory.Text(DeclarationTexts.AskVillage(township ?? "您家所在的乡镇")),
        DeclarationField.HouseholdSize => MessageFactory.Text(DeclarationTexts.AskHouseholdSize),
        DeclarationField.Hardships => MessageFactory.SuggestedActions(HardshipTypes.All.Select(h => h.Label()), DeclarationTexts.AskHardships),
        DeclarationField.Description => MessageFactory.Text(DeclarationTexts.AskDescription),
        _ => MessageFactory.SuggestedActions([DeclarationTexts.SkipIncome], DeclarationTexts.AskIncome),
    };

    private async Task<Activity> SummaryAsync(ITurnContext context, CancellationToken ct)
    {
        var draft = await LoadDraftAsync(context, ct).ConfigureAwait(false);
        var text = draft is null ? DeclarationTexts.DraftExpired : DeclarationTexts.Summary(View(draft));
        return MessageFactory.SuggestedActions([DeclarationTexts.Submit, DeclarationTexts.Edit, DeclarationTexts.Cancel], text);
    }

    public override string? GetHelpText(ITurnContext turnContext, DialogInstance instance) =>
        DeclarationTexts.Help(StepIndex(instance) - FirstField);

    // ---- answering ----------------------------------------------------------------------------------------------

    public override async Task<DialogTurnResult> ContinueDialogAsync(DialogContext dc, CancellationToken cancellationToken = default)
    {
        if (!dc.Context.Activity.IsMessage) return EndOfTurn;
        var instance = dc.ActiveDialog!;
        var index = StepIndex(instance);
        var text = dc.Context.Activity.Text?.Trim() ?? "";
        var context = dc.Context;

        DeclarationDraft? draft = null;
        if (index >= FirstField)
        {
            draft = await LoadDraftAsync(context, cancellationToken).ConfigureAwait(false);
            if (draft is null)
            {
                await context.SendActivityAsync(DeclarationTexts.DraftExpired, cancellationToken).ConfigureAwait(false);
                return await RunStepAsync(dc, Intro, DialogReason.ContinueCalled, null, cancellationToken).ConfigureAwait(false);
            }
            if (draft.SubmittedId is not null) return await FinishSubmittedAsync(dc, draft, cancellationToken).ConfigureAwait(false);
        }

        return index switch
        {
            Intro => await OnIntroAsync(dc, text, cancellationToken).ConfigureAwait(false),
            Consent => await OnConsentAsync(dc, text, cancellationToken).ConfigureAwait(false),
            Summary => await OnSummaryAsync(dc, draft!, text, cancellationToken).ConfigureAwait(false),
            EditWhich => await OnEditWhichAsync(dc, text, cancellationToken).ConfigureAwait(false),
            _ => await OnFieldAsync(dc, (DeclarationField)(index - FirstField), draft!, text, cancellationToken).ConfigureAwait(false),
        };
    }

    private async Task<DialogTurnResult> OnIntroAsync(DialogContext dc, string text, CancellationToken ct)
    {
        var choice = Choose(text, [DeclarationTexts.Start, "开始", "申报", "要申报", "好的开始"], [DeclarationTexts.NotNow, "不申报", "先不", "以后再说"]);
        if (choice == 0) return await RunStepAsync(dc, Consent, DialogReason.NextCalled, null, ct).ConfigureAwait(false);
        if (choice == 1)
        {
            await dc.Context.SendActivityAsync(DeclarationTexts.NotStarted, ct).ConfigureAwait(false);
            return await dc.EndDialogAsync(null, ct).ConfigureAwait(false);
        }
        return await AnswerAtOfferAsync(dc, text, ct).ConfigureAwait(false)
            ?? await NotUnderstoodAsync(dc, text, DeclarationTexts.ChooseStart, ct).ConfigureAwait(false);
    }

    /// <summary>
    /// While only the offer is open (nothing entered yet), a policy question or a follow-up of the short answer
    /// ("要带么子", "去哪里办") is the farmer still asking, not an unclear reply to the offer: it is answered by the
    /// policy Q&amp;A with the conversation's memory and the offer is dropped with a line on how to declare later, so
    /// the next follow-ups reach the Q&amp;A too. A question it is unsure of goes to its dialog (choices or the honest
    /// reply). Null: not a policy question; the offer stays.
    /// </summary>
    private async Task<DialogTurnResult?> AnswerAtOfferAsync(DialogContext dc, string text, CancellationToken ct)
    {
        foreach (var answerer in _answerers)
        {
            Activity? reply;
            try
            {
                reply = await answerer.AnswerActivityAsync(dc.Context, text, ct).ConfigureAwait(false);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                _logger.LogWarning(e, "A form question answerer failed");
                continue;
            }
            if (reply is null) continue;
            await dc.Context.SendActivityAsync(reply, ct).ConfigureAwait(false);
            await dc.Context.SendActivityAsync(DeclarationTexts.OfferLater, ct).ConfigureAwait(false);
            return await dc.EndDialogAsync(null, ct).ConfigureAwait(false);
        }
        if (FormQuestions.LooksLikeQuestion(text) && DeclarationFaq.Answer(text, _counties.Get(dc.Context.County().Id).Rules, "") is null
            && dc.FindDialog(PolicyQa.PolicyQaDialog.DialogId) is not null)
            return await dc.ReplaceDialogAsync(PolicyQa.PolicyQaDialog.DialogId, text, ct).ConfigureAwait(false);
        return null;
    }

    private async Task<DialogTurnResult> OnConsentAsync(DialogContext dc, string text, CancellationToken ct)
    {
        var choice = Choose(text, [DeclarationTexts.Agree, "同意申报", "我同意"], [DeclarationTexts.Disagree, "不同意申报"]);
        if (choice == 0)
        {
            var (county, channel, user) = Who(dc.Context);
            await _drafts.StartAsync(county, channel, user, ct).ConfigureAwait(false);
            return await RunStepAsync(dc, FirstField, DialogReason.NextCalled, null, ct).ConfigureAwait(false);
        }
        if (choice == 1)
        {
            await dc.Context.SendActivityAsync(DeclarationTexts.ConsentDeclined, ct).ConfigureAwait(false);
            return await dc.EndDialogAsync(null, ct).ConfigureAwait(false);
        }
        return await NotUnderstoodAsync(dc, text, DeclarationTexts.ChooseConsent, ct).ConfigureAwait(false);
    }

    private async Task<DialogTurnResult> OnFieldAsync(DialogContext dc, DeclarationField field, DeclarationDraft draft, string text,
        CancellationToken ct)
    {
        var county = _counties.Get(dc.Context.County().Id);
        var instance = dc.ActiveDialog!;
        DeclarationDraft? updated = null;
        string? retry = null;
        string? notice = null;

        switch (field)
        {
            case DeclarationField.HeadName:
                var name = CleanName(text);
                if (name is not null) updated = draft with { HeadName = name };
                else retry = DeclarationTexts.RetryName;
                break;

            case DeclarationField.IdNumber:
                if (IsAny(text, DeferIdWords))
                {
                    updated = draft with { IdNumberProtected = null, IdNumberDeferred = true };
                    notice = DeclarationTexts.IdDeferred;
                    break;
                }
                // The number itself, as typed (the turn's text has it masked), goes only into the encrypted field.
                var id = IdNumber.Check(dc.Context.Activity.TextAsTyped(), _time.Today());
                if (id.IsValid) updated = draft with { IdNumberProtected = _protector.Protect(id.Normalized), IdNumberDeferred = false };
                else retry = DeclarationTexts.RetryIdNumber(id.Problem);
                break;

            case DeclarationField.Phone:
                var phone = PhoneNumber.Check(dc.Context.Activity.TextAsTyped());
                if (phone.IsValid) updated = draft with { PhoneProtected = _protector.Protect(phone.Normalized) };
                else retry = DeclarationTexts.RetryPhone(phone.Problem);
                break;

            case DeclarationField.Township:
                var township = MatchTownship(county, instance, text);
                if (township.Match is { } t)
                {
                    instance.State.Remove(CandidatesKey);
                    updated = draft with { Township = t };
                }
                else if (township.Candidates.Count > 0)
                {
                    instance.State[CandidatesKey] = new JsonArray(township.Candidates.Select(c => (JsonNode)JsonValue.Create(c)!).ToArray());
                    await dc.Context.SendActivityAsync(Question(field, county.County.Name, instance), ct).ConfigureAwait(false);
                    return EndOfTurn;
                }
                else retry = DeclarationTexts.RetryTownship(county.County.Name, county.Places.Townships.Select(x => x.Name));
                break;

            case DeclarationField.Village:
                var townshipOfDraft = county.Places.Find(draft.Township);
                var village = townshipOfDraft is null ? null : county.Places.CleanVillage(townshipOfDraft, StripAffixes(text, VillagePrefixes, ["的人", "的", "人", "里"]));
                if (village is not null && !FormQuestions.LooksLikeQuestion(text)) updated = draft with { Village = village };
                else retry = DeclarationTexts.RetryVillage;
                break;

            case DeclarationField.HouseholdSize:
                if (ChineseNumber.TryParse(text, out var size) && size == decimal.Truncate(size) && size is >= 1 and <= 20)
                    updated = draft with { HouseholdSize = (int)size };
                else retry = ChineseNumber.TryParseRange(text, out _, out _) ? DeclarationTexts.RetryHouseholdSizeRange : DeclarationTexts.RetryHouseholdSize;
                break;

            case DeclarationField.Hardships:
                var hardships = HardshipTypes.ParseChoice(text);
                if (hardships is not null && !(FormQuestions.LooksLikeQuestion(text) && hardships.Count == 0)) updated = draft with { Hardships = hardships };
                else retry = DeclarationTexts.RetryHardships;
                break;

            case DeclarationField.Description:
                var isQuestion = CaseText.Length(text) <= 25 && FormQuestions.LooksLikeQuestion(text)
                                 && await AnswerQuestionAsync(dc.Context, county, text, requireConfident: true, ct).ConfigureAwait(false) is not null;
                if (isQuestion)
                {
                    await AskAsync(dc.Context, instance, StepIndex(instance), ct).ConfigureAwait(false);
                    return EndOfTurn;
                }
                if (CaseText.Length(text) >= 2)
                {
                    if (CaseText.Length(text) > 500) notice = DeclarationTexts.DescriptionTooLong;
                    updated = draft with { Description = CaseText.Clean(text, 500) };
                }
                else retry = DeclarationTexts.RetryDescription;
                break;

            case DeclarationField.Income:
                if (IsAny(text, SkipWords)) updated = draft with { Income = null, IncomeAnswered = true };
                else if (ChineseNumber.TryParseRange(text, out var low, out var high) && high <= 10_000_000)
                    updated = draft with { Income = low, IncomeAnswered = true };
                else if (ChineseNumber.TryParse(text, out var income) && income is >= 0 and <= 10_000_000)
                    updated = draft with { Income = decimal.Round(income), IncomeAnswered = true };
                else retry = DeclarationTexts.RetryIncome;
                if (updated is not null)
                    notice = (ChineseNumber.TryParseRange(text, out var from, out var to) ? DeclarationTexts.IncomeRangeTaken(from, to) + "\n" : "")
                        + DeclarationTexts.IncomeExplanation(updated.Income, county.Rules.MonitoringLine, county.County.Name);
                break;
        }

        if (updated is null) return await NotUnderstoodAsync(dc, text, retry!, ct).ConfigureAwait(false);

        var (countyId, channel, user) = Who(dc.Context);
        await _drafts.SaveAsync(countyId, channel, user, updated, ct).ConfigureAwait(false);
        if (notice is not null) await dc.Context.SendActivityAsync(notice, ct).ConfigureAwait(false);

        var editing = (bool?)instance.State[EditingKey] == true;
        var next = editing || field == DeclarationField.Income ? Summary : FirstField + (int)field + 1;
        // A changed township may no longer hold the village given before.
        if (editing && field == DeclarationField.Township && updated.Township != draft.Township) next = FirstField + (int)DeclarationField.Village;
        if (next == Summary) instance.State.Remove(EditingKey);
        return await RunStepAsync(dc, next, DialogReason.NextCalled, null, ct).ConfigureAwait(false);
    }

    private async Task<DialogTurnResult> OnSummaryAsync(DialogContext dc, DeclarationDraft draft, string text, CancellationToken ct)
    {
        var choice = Choose(text, [DeclarationTexts.Submit, "提交", "确认", "确定提交", "没问题", "对的", "正确", "都对"],
            [DeclarationTexts.Edit, "修改", "改", "要改", "改一下", "有错"], [DeclarationTexts.Cancel, "不提交", "不报了"]);
        var exactChoice = choice is not null && TextNormalizer.Variants(text).Any(v => v.Length <= 2 || v is "确认提交" or "修改某一项");
        if (DeclarationFields.Detect(text) is { } field && !exactChoice) return await EditAsync(dc, field, ct).ConfigureAwait(false);
        switch (choice)
        {
            case 0:
                return await SubmitAsync(dc, draft, ct).ConfigureAwait(false);
            case 1:
                return await RunStepAsync(dc, EditWhich, DialogReason.NextCalled, null, ct).ConfigureAwait(false);
            case 2:
                var (county, channel, user) = Who(dc.Context);
                await _drafts.DeleteAsync(county, channel, user, ct).ConfigureAwait(false);
                await dc.Context.SendActivityAsync(DeclarationTexts.Cancelled, ct).ConfigureAwait(false);
                return await dc.EndDialogAsync(null, ct).ConfigureAwait(false);
        }
        if (ConfirmRecognizer.Recognize(text) == true) return await SubmitAsync(dc, draft, ct).ConfigureAwait(false);
        return await NotUnderstoodAsync(dc, text, DeclarationTexts.ChooseSummary, ct).ConfigureAwait(false);
    }

    private async Task<DialogTurnResult> OnEditWhichAsync(DialogContext dc, string text, CancellationToken ct)
    {
        var labels = DeclarationTexts.FieldLabels.Select(l => (IReadOnlyList<string>)[l]).ToList();
        DeclarationField? field = ChoiceRecognizer.Recognize(text, labels) is { } found ? (DeclarationField)found.Index : DeclarationFields.Detect(text);
        if (field is { } f) return await EditAsync(dc, f, ct).ConfigureAwait(false);
        return await NotUnderstoodAsync(dc, text, DeclarationTexts.AskWhichField, ct).ConfigureAwait(false);
    }

    private Task<DialogTurnResult> EditAsync(DialogContext dc, DeclarationField field, CancellationToken ct)
    {
        dc.ActiveDialog!.State[EditingKey] = true;
        dc.ActiveDialog.State.Remove(CandidatesKey);
        return RunStepAsync(dc, FirstField + (int)field, DialogReason.NextCalled, null, ct);
    }

    private async Task<DialogTurnResult> SubmitAsync(DialogContext dc, DeclarationDraft draft, CancellationToken ct)
    {
        var missing = FirstMissing(draft);
        if (missing is { } m) return await EditAsync(dc, m, ct).ConfigureAwait(false);

        var (countyId, channel, user) = Who(dc.Context);
        var county = _counties.Get(countyId);
        SubmitResult result;
        try
        {
            var submission = new DeclarationSubmission(draft.HeadName!, _protector.Unprotect(draft.IdNumberProtected),
                _protector.Unprotect(draft.PhoneProtected)!, draft.Township!, draft.Village!, draft.HouseholdSize!.Value,
                draft.Hardships!, draft.Description!, draft.Income);
            result = await _declarations.SubmitAsync(countyId, channel, user, submission, county.Rules, ct).ConfigureAwait(false);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            _logger.LogError(e, "Submitting a declaration failed in {County}", countyId);
            await dc.Context.SendActivityAsync(MessageFactory.SuggestedActions(
                [DeclarationTexts.Submit, DeclarationTexts.Edit, DeclarationTexts.Cancel], DeclarationTexts.SubmitFailed), ct).ConfigureAwait(false);
            return EndOfTurn;
        }

        var done = await _drafts.SaveAsync(countyId, channel, user,
            draft with { SubmittedId = result.Declaration.Id, SubmittedAsDuplicate = result.IsDuplicate }, ct).ConfigureAwait(false);
        if (!result.IsDuplicate)
        {
            try
            {
                await _notifier.NotifyCadresOfNewAsync(result.Declaration, ct).ConfigureAwait(false);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                _logger.LogError(e, "Cadres could not be notified of declaration {Id}", result.Declaration.Id);
            }
        }
        return await FinishSubmittedAsync(dc, done, ct, result.Confirmed).ConfigureAwait(false);
    }

    private async Task<DialogTurnResult> FinishSubmittedAsync(DialogContext dc, DeclarationDraft draft, CancellationToken ct,
        bool confirmed = true)
    {
        var (countyId, _, _) = Who(dc.Context);
        var county = _counties.Get(countyId);
        var declaration = await _declarations.GetAsync(countyId, draft.SubmittedId!, ct).ConfigureAwait(false);
        var text = declaration is null ? DeclarationTexts.SubmitFailed
            : draft.SubmittedAsDuplicate ? DeclarationTexts.Duplicate(declaration)
            : !confirmed ? DeclarationTexts.SubmittedUnconfirmed(declaration)
            : DeclarationTexts.Submitted(declaration, county.Rules, county.County.Name);
        await dc.Context.SendActivityAsync(text, ct).ConfigureAwait(false);
        return await dc.EndDialogAsync(draft.SubmittedId, ct).ConfigureAwait(false);
    }

    public override async Task EndDialogAsync(ITurnContext turnContext, DialogInstance instance, DialogReason reason,
        CancellationToken cancellationToken = default)
    {
        // 取消 (or a menu click that starts over) leaves no draft behind.
        if (reason == DialogReason.CancelCalled && turnContext.TurnState.Get<Hosting.County>() is not null)
        {
            var (county, channel, user) = Who(turnContext);
            var draft = await _drafts.GetAsync(county, channel, user, cancellationToken).ConfigureAwait(false);
            if (draft?.SubmittedId is null) await _drafts.DeleteAsync(county, channel, user, cancellationToken).ConfigureAwait(false);
        }
        await base.EndDialogAsync(turnContext, instance, reason, cancellationToken).ConfigureAwait(false);
    }

    // ---- helpers ------------------------------------------------------------------------------------------------

    /// <summary>
    /// An answer that did not fit: a question gets answered (then the same question again); anything else gets the
    /// step's retry text. After three misses the ways to reach a person are added.
    /// </summary>
    private async Task<DialogTurnResult> NotUnderstoodAsync(DialogContext dc, string text, string retry, CancellationToken ct)
    {
        var instance = dc.ActiveDialog!;
        var county = _counties.Get(dc.Context.County().Id);
        if (FormQuestions.LooksLikeQuestion(text)
            && await AnswerQuestionAsync(dc.Context, county, text, requireConfident: false, ct).ConfigureAwait(false) is not null)
        {
            await AskAsync(dc.Context, instance, StepIndex(instance), ct).ConfigureAwait(false);
            return EndOfTurn;
        }
        var misses = ((int?)instance.State[MissesKey] ?? 0) + 1;
        instance.State[MissesKey] = misses;
        var message = misses switch
        {
            < 3 => retry,
            3 => retry + "\n" + InterruptionTexts.HowToReachPerson,
            _ => retry + "\n" + InterruptionTexts.CommandsHint,
        };
        var index = StepIndex(instance);
        // A retry keeps the step's choices, so "1" still works.
        Activity reply;
        if (index is Intro or Consent or Summary or EditWhich)
        {
            string[] choices = index switch
            {
                Intro => [DeclarationTexts.Start, DeclarationTexts.NotNow],
                Consent => [DeclarationTexts.Agree, DeclarationTexts.Disagree],
                Summary => [DeclarationTexts.Submit, DeclarationTexts.Edit, DeclarationTexts.Cancel],
                _ => [.. DeclarationTexts.FieldLabels],
            };
            reply = MessageFactory.SuggestedActions(choices, message);
        }
        else
        {
            reply = Question((DeclarationField)(index - FirstField), county.County.Name, instance);
            reply.Text = message;
        }
        reply.InputHint = InputHints.ExpectingInput;
        await dc.Context.SendActivityAsync(reply, ct).ConfigureAwait(false);
        return EndOfTurn;
    }

    /// <summary>Sends an answer and returns it, or null (nothing sent) when neither the policy Q&amp;A nor the form's own FAQ knows.</summary>
    private async Task<string?> AnswerQuestionAsync(ITurnContext context, CountyCases county, string question, bool requireConfident,
        CancellationToken ct)
    {
        // Questions about the declaration itself are answered from the county's rules; others go to the policy Q&A.
        var answer = DeclarationFaq.Answer(question, county.Rules, county.County.Name);
        Activity? reply = null;
        foreach (var answerer in _answerers)
        {
            if (answer is not null) break;
            try
            {
                // As an activity, so the policy answer keeps which entry answered (eval reads it; channels do not show it).
                reply = await answerer.AnswerActivityAsync(context, question, ct).ConfigureAwait(false);
                answer = reply?.Text;
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                _logger.LogWarning(e, "A form question answerer failed");
            }
        }
        if (answer is null && !requireConfident) answer = DeclarationTexts.QuestionLater;
        if (answer is null) return null;
        reply ??= MessageFactory.Text(answer);
        reply.Text = answer + "\n" + DeclarationTexts.BackToForm;
        await context.SendActivityAsync(reply, ct).ConfigureAwait(false);
        return answer;
    }

    private static (string? Match, IReadOnlyList<string> Candidates) MatchTownship(CountyCases county, DialogInstance instance, string text)
    {
        if (instance.State[CandidatesKey] is JsonArray { Count: > 0 } pending)
        {
            var names = pending.Select(c => (string)c!).ToList();
            if (names.Count == 1 && ConfirmRecognizer.Recognize(text) is { } yes)
            {
                instance.State.Remove(CandidatesKey);
                if (yes) return (names[0], []);
                return (null, []);
            }
            var picked = ChoiceRecognizer.Recognize(text, names.Select(n => (IReadOnlyList<string>)[n, AssistBot.Knowledge.Places.PlaceDirectory.Stem(n)]).ToList());
            if (picked is { } p) return (names[p.Index], []);
        }
        var match = county.Places.MatchTownship(text);
        // A guess (one character off) is confirmed by the farmer rather than taken silently.
        return match.Kind == AssistBot.Knowledge.Places.PlaceMatchKind.Exact ? (match.Candidates[0].Name, [])
            : (null, match.Candidates.Select(c => c.Name).ToList());
    }

    private DeclarationDraftView View(DeclarationDraft d) => new(
        d.HeadName ?? "",
        d.IdNumberProtected is null ? null : PersonalDataMask.IdNumber(_protector.Unprotect(d.IdNumberProtected)),
        PersonalDataMask.Phone(_protector.Unprotect(d.PhoneProtected)),
        d.Township ?? "",
        d.Village ?? "",
        d.HouseholdSize ?? 0,
        d.Hardships ?? [],
        d.Description ?? "",
        d.Income);

    private static DeclarationField? FirstMissing(DeclarationDraft d) =>
        d.HeadName is null ? DeclarationField.HeadName
        : d.IdNumberProtected is null && !d.IdNumberDeferred ? DeclarationField.IdNumber
        : d.PhoneProtected is null ? DeclarationField.Phone
        : d.Township is null ? DeclarationField.Township
        : d.Village is null ? DeclarationField.Village
        : d.HouseholdSize is null ? DeclarationField.HouseholdSize
        : d.Hardships is not { Count: > 0 } ? DeclarationField.Hardships
        : d.Description is null ? DeclarationField.Description
        : null;

    private Task<DeclarationDraft?> LoadDraftAsync(ITurnContext context, CancellationToken ct)
    {
        var (county, channel, user) = Who(context);
        return _drafts.GetAsync(county, channel, user, ct);
    }

    private static (string County, string Channel, string User) Who(ITurnContext context) =>
        (context.County().Id, context.Activity.ChannelId ?? "", context.Activity.From?.Id ?? "");

    private static DeclarationDialogOptions? ReadOptions(DialogInstance instance) =>
        StoredValue.FromNode(instance.State["options"]) as DeclarationDialogOptions;

    /// <summary>Index of the choice list the text names (label, synonym or number), or null.</summary>
    private static int? Choose(string text, params string[][] choices) =>
        ChoiceRecognizer.Recognize(text, choices.Select(c => (IReadOnlyList<string>)c).ToList()) is { Score: >= 0.8 } found ? found.Index : null;

    private static bool IsAny(string text, string[] words)
    {
        var clean = TextNormalizer.ForCommand(text);
        return words.Any(w => clean == w || clean.StartsWith(w, StringComparison.Ordinal) && clean.Length <= w.Length + 2);
    }

    private static string? CleanName(string text)
    {
        if (FormQuestions.LooksLikeQuestion(text)) return null;
        var name = StripAffixes(text, NamePrefixes, ["吧", "啊", "呀"]);
        return name.Length is >= 2 and <= 10 && name.All(c => c is >= '\u4e00' and <= '\u9fff') ? name : null;
    }

    private static string StripAffixes(string text, string[] prefixes, string[] suffixes)
    {
        var t = TextNormalizer.Clean(text);
        foreach (var p in prefixes)
            if (t.StartsWith(p, StringComparison.Ordinal) && t.Length > p.Length + 1) { t = t[p.Length..]; break; }
        foreach (var s in suffixes)
            if (t.EndsWith(s, StringComparison.Ordinal) && t.Length > s.Length + 1) { t = t[..^s.Length]; break; }
        return t;
    }
}
