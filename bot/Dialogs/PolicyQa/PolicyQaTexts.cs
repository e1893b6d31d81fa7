namespace AssistBot.Bot.Dialogs.PolicyQa;

/// <summary>What the policy Q&amp;A dialog itself says (answers, clarify and fallback texts are in PolicyTexts).</summary>
public static class PolicyQaTexts
{
    public const string AskQuestion =
        "请直接打字或说出您想问的政策，比如：“小额信贷能贷多少？”“孩子读职校有什么补助？”“住院能不能先不交押金？”";

    /// <summary>After an answer on declaring oneself: it can be done right here ("申报" starts 困难申报).</summary>
    public const string DeclareHere = "想在这里直接申报，回复“申报”就行。";

    public static readonly string[] MenuWords = ["政策咨询", "政策", "咨询政策", "问政策", "政策问答", "问问政策", "政策查询"];
}
