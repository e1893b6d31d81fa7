using AssistBot.Bot.Cases;
using AssistBot.Bot.Conversation.Dialogs;

namespace AssistBot.Bot.Dialogs.Declaration;

/// <summary>Menu item 2 困难申报: the menu, "我要申报/申报困难/家里有困难…", or a message that describes a hardship.</summary>
public sealed class DeclareRouteHandler(DeclarationDialog dialog) : IRouteHandler
{
    private static readonly HashSet<string> ExactWords =
        ["困难申报", "申报", "我要申报", "申报困难", "要申报", "自主申报", "农户自主申报", "家里有困难", "家里困难", "申请监测", "申请纳入监测", "我家有困难"];

    // What the policy packs know (防返贫, 纳入监测 …) is not listed here: the policy Q&A's reading claims questions about
    // them. Asking to be declared is an intent, not a topic: it wins over the Q&A's claim (0.85).
    private static readonly string[] Keywords = ["申报", "有困难", "生活困难", "家里困难"];
    private static readonly string[] IntentPhrases = ["申请防返贫", "申请纳入", "申请监测", "要申请帮扶", "想申请帮扶"];

    public string Id => RouteIds.Declare;
    public int? MenuNumber => 2;
    public string MenuLabel => RouterTexts.DeclareLabel;
    public IReadOnlyCollection<string> MenuKeys { get; } = [Dialogs.MenuKeys.Declare];
    public Dialog Dialog => dialog;

    /// <summary>Who to turn to, in 赣南 words ("有困难寻么人", "寻哪个"): asked, not told.</summary>
    private static readonly string[] WhoWords = ["么人", "么子人", "寻哪个", "找哪个", "问哪个"];

    public double Match(RouteInput input) => Matches(input);

    /// <summary>How surely the text asks to declare a hardship; its placeholder answers to the same.</summary>
    public static double Matches(RouteInput input)
    {
        if (input.Variants.Any(ExactWords.Contains)) return 1.0;
        // "雨露计划怎么申报？", "打12317能申请监测不", "能自己报吗，还是得等村里来查" are policy questions: leave them to the
        // policy Q&A, whose answer on declaring says that 困难申报 is here.
        if (FormQuestions.LooksLikeQuestion(input.Text) || FormQuestions.AsksWhether(input.Text) || input.ContainsAny(WhoWords)) return 0;
        if (input.ContainsAny(IntentPhrases)) return 0.9;
        if (input.ContainsAny(Keywords) && !input.ContainsAny(["进度", "结果", "办到"])) return 0.8;
        // "住院花了好几万", "房子塌了", "没活干了": a hardship told, not a policy question asked.
        return HardshipTypes.Detect(input.Text).Count > 0 ? 0.65 : 0;
    }

    public object? CreateOptions(RouteInput input) =>
        new DeclarationDialogOptions(!input.Variants.Any(ExactWords.Contains) && HardshipTypes.Detect(input.Text).Count > 0);
}
