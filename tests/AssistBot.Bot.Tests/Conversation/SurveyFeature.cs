using AssistBot.Bot.Conversation;
using AssistBot.Bot.Conversation.Dialogs;
using AssistBot.Bot.Conversation.Prompts;
using AssistBot.Bot.Conversation.State;
using AssistBot.Bot.Dialogs;

namespace AssistBot.Bot.Tests.Conversation;

/// <summary>
/// A small feature plugged into the router the way real features are (an <see cref="IRouteHandler"/> in DI),
/// exercising every prompt: household size (int, 1–20), monthly income (decimal), main difficulty (choice), confirm.
/// </summary>
public sealed class SurveyFeature : IRouteHandler
{
    public const string Keyword = "调查";

    public SurveyFeature()
    {
        var component = new ComponentDialog("survey");
        component.AddDialog(new WaterfallDialog("survey.steps",
        [
            AskHouseholdAsync,
            AskIncomeAsync,
            AskDifficultyAsync,
            AskConfirmAsync,
            FinishAsync,
        ]) { HelpText = "这是家庭情况调查。" });
        component.AddDialog(new NumberPrompt<int>("survey.household", ValidateHouseholdAsync));
        component.AddDialog(new NumberPrompt<decimal>("survey.income"));
        component.AddDialog(new ChoicePrompt("survey.difficulty"));
        component.AddDialog(new ConfirmPrompt("survey.confirm"));
        Dialog = component;
    }

    public string Id => "survey";
    public int? MenuNumber => null;
    public string MenuLabel => "家庭调查";
    public IReadOnlyCollection<string> MenuKeys => ["MENU_SURVEY"];
    public Dialog Dialog { get; }

    public double Match(RouteInput input) => input.ContainsAny([Keyword]) ? 0.9 : 0;

    private static Task<DialogTurnResult> AskHouseholdAsync(WaterfallStepContext step, CancellationToken ct) =>
        step.PromptAsync("survey.household", new PromptOptions
        {
            Prompt = MessageFactory.Text("家里一共几口人？"),
            Help = "请告诉我户口本上一共几口人，比如“三口人”。",
        }, ct);

    private static async Task<bool> ValidateHouseholdAsync(PromptValidatorContext<int> prompt, CancellationToken ct)
    {
        if (!prompt.Recognized.Succeeded) return false;
        if (prompt.Recognized.Value is >= 1 and <= 20) return true;
        await prompt.Context.SendActivityAsync("人数应在1到20之间，请再说一次家里几口人。", ct);
        return false;
    }

    private static Task<DialogTurnResult> AskIncomeAsync(WaterfallStepContext step, CancellationToken ct)
    {
        step.Values.Set("household", (int)step.Result!);
        return step.PromptAsync("survey.income", PromptOptions.Text("全家一个月大概收入多少元？"), ct);
    }

    private static Task<DialogTurnResult> AskDifficultyAsync(WaterfallStepContext step, CancellationToken ct)
    {
        step.Values.Set("income", (decimal)step.Result!);
        return step.PromptAsync("survey.difficulty", new PromptOptions
        {
            Prompt = MessageFactory.Text("主要困难是哪一种？"),
            Choices = [new Choice("因病", "生病", "住院"), new Choice("因学"), new Choice("因灾", "受灾"), new Choice("缺劳动力")],
        }, ct);
    }

    private static Task<DialogTurnResult> AskConfirmAsync(WaterfallStepContext step, CancellationToken ct)
    {
        step.Values.Set("difficulty", ((FoundChoice)step.Result!).Value);
        var v = step.Values;
        return step.PromptAsync("survey.confirm",
            PromptOptions.Text($"请确认：{v.Get<int>("household")}口人，月收入{v.Get<decimal>("income")}元，{v.Get<string>("difficulty")}。对吗？"), ct);
    }

    private static async Task<DialogTurnResult> FinishAsync(WaterfallStepContext step, CancellationToken ct)
    {
        var confirmed = (bool)step.Result!;
        await step.Context.SendActivityAsync(confirmed ? "已记录，谢谢。" : "好的，没有记录。", ct);
        return await step.EndDialogAsync(confirmed, ct);
    }
}
