using AssistBot.Bot.Conversation.Dialogs;

namespace AssistBot.Bot.Conversation.Prompts;

/// <summary>Everything the prompts say on their own (retry hints, help, giving up). Reviewed as one list.</summary>
public static class PromptTexts
{
    public const string Yes = "是";
    public const string No = "否";

    public const string TextRetry = "没有收到文字。请直接打字或说一句话回复。";
    public const string NumberRetry = "没看懂这个数字。请直接回复数字，比如“3”或“三”。";
    public const string ChoiceRetry = "没看懂您选的是哪一项。请回复选项前面的数字，比如“1”。";
    public const string ConfirmRetry = "请回复“是”或“否”（也可以回复 1 表示是，2 表示否）。";

    public const string TextHelp = "请直接打字回复，也可以用语音说。";
    public const string NumberHelp = "请回复一个数字，比如“3”“三”“六千五”或“2万”都可以。";
    public const string ChoiceHelp = "请回复选项前面的数字（比如“1”），也可以直接回复选项的文字。";
    public const string ConfirmHelp = "请回复“是”或“否”。也可以回复“好的”“可以”，或“不要”“算了”。";

    /// <summary>After <see cref="PromptOptions.MaxAttempts"/> answers that could not be used.</summary>
    public static string GiveUp =>
        "抱歉，几次都没能看懂您的回答，这件事先停在这里，免得让您反复输入。\n" + InterruptionTexts.HowToReachPerson +
        "\n回复“菜单”可以重新开始。";
}
