using System.Text.Json.Nodes;

namespace AssistBot.Bot.Conversation.Dialogs;

/// <summary>
/// Bot Builder's WaterfallDialog: steps run one per answer; each step's result is the previous step's child result.
/// The result each step received is kept, so "返回上一步" can re-run the previous step and ask its question again.
/// </summary>
public class WaterfallDialog : Dialog
{
    private const string OptionsKey = "options";
    private const string ValuesKey = "values";
    private const string StepIndexKey = "stepIndex";
    private const string ResultsKey = "results";

    private readonly List<WaterfallStep> _steps;

    public WaterfallDialog(string id, IEnumerable<WaterfallStep>? steps = null) : base(id) => _steps = steps?.ToList() ?? [];

    /// <summary>
    /// When a child prompt gave up (<see cref="NoAnswer"/>), end this waterfall with that result instead of passing
    /// it to the next step. Set false to handle <see cref="NoAnswer"/> in your steps.
    /// </summary>
    public bool EndOnNoAnswer { get; init; } = true;

    /// <summary>Help shown when this waterfall is the innermost dialog with help (prompts usually have their own).</summary>
    public string? HelpText { get; init; }

    public WaterfallDialog AddStep(WaterfallStep step)
    {
        _steps.Add(step);
        return this;
    }

    public override Task<DialogTurnResult> BeginDialogAsync(DialogContext dc, object? options = null,
        CancellationToken cancellationToken = default)
    {
        var state = dc.ActiveDialog!.State;
        state[OptionsKey] = StoredValue.ToNode(options);
        state[ValuesKey] = new JsonObject();
        state[ResultsKey] = new JsonArray();
        return RunStepAsync(dc, 0, DialogReason.BeginCalled, null, cancellationToken);
    }

    public override Task<DialogTurnResult> ContinueDialogAsync(DialogContext dc, CancellationToken cancellationToken = default)
    {
        // Only messages advance a waterfall; other activities (events, typing) leave it waiting.
        if (!dc.Context.Activity.IsMessage) return Task.FromResult(EndOfTurn);
        return ResumeDialogAsync(dc, DialogReason.ContinueCalled, dc.Context.Activity.Text, cancellationToken);
    }

    public override Task<DialogTurnResult> ResumeDialogAsync(DialogContext dc, DialogReason reason, object? result = null,
        CancellationToken cancellationToken = default)
    {
        if (result is NoAnswer && EndOnNoAnswer) return dc.EndDialogAsync(result, cancellationToken);
        var index = StepIndex(dc.ActiveDialog!);
        return RunStepAsync(dc, index + 1, reason, result, cancellationToken);
    }

    public override string? GetHelpText(ITurnContext turnContext, DialogInstance instance) => HelpText;

    /// <summary>The index of the step that ran last for this instance.</summary>
    public static int StepIndex(DialogInstance instance) => (int?)instance.State[StepIndexKey] ?? 0;

    /// <summary>
    /// Goes back one step: ends whatever this waterfall started, then re-runs the previous step with the answer it
    /// got the first time (so it asks its question again). Returns null when already at the first step.
    /// </summary>
    public async Task<DialogTurnResult?> GoBackAsync(DialogContext dc, DialogInstance instance,
        CancellationToken cancellationToken = default)
    {
        var index = StepIndex(instance);
        if (index <= 0) return null;
        await dc.PopToAsync(instance, cancellationToken).ConfigureAwait(false);
        var results = instance.State[ResultsKey] as JsonArray;
        var previousResult = results is not null && results.Count > index - 1 ? StoredValue.FromNode(results[index - 1]) : null;
        return await RunStepAsync(dc, index - 1, DialogReason.ReplaceCalled, previousResult, cancellationToken)
            .ConfigureAwait(false);
    }

    protected virtual async Task<DialogTurnResult> OnStepAsync(WaterfallStepContext stepContext, CancellationToken cancellationToken) =>
        await _steps[stepContext.Index](stepContext, cancellationToken).ConfigureAwait(false);

    internal async Task<DialogTurnResult> RunStepAsync(DialogContext dc, int index, DialogReason reason, object? result,
        CancellationToken cancellationToken)
    {
        if (index >= _steps.Count) return await dc.EndDialogAsync(result, cancellationToken).ConfigureAwait(false);
        var instance = dc.ActiveDialog!;
        instance.State[StepIndexKey] = index;
        var results = instance.State[ResultsKey] as JsonArray ?? [];
        while (results.Count > index) results.RemoveAt(results.Count - 1);
        results.Add(StoredValue.ToNode(result));
        instance.State[ResultsKey] = results;
        var values = instance.State[ValuesKey] as JsonObject ?? [];
        instance.State[ValuesKey] = values;
        var stepContext = new WaterfallStepContext(this, dc, index, reason, result,
            StoredValue.FromNode(instance.State[OptionsKey]), values);
        return await OnStepAsync(stepContext, cancellationToken).ConfigureAwait(false);
    }
}
