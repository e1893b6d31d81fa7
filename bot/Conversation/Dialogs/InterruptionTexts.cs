using AssistBot.Knowledge.Texts;

namespace AssistBot.Bot.Conversation.Dialogs;

/// <summary>What the bot says for the commands that work in every dialog (取消, 帮助, 返回上一步, 转人工).</summary>
public static class InterruptionTexts
{
    /// <summary>How to reach a person.</summary>
    public const string ContactLines = ContactTexts.ContactLines;

    public const string HowToReachPerson = "需要找人帮忙，可以：\n" + ContactLines;

    public const string Cancelled = "好的，已取消，刚才填的内容不会提交。回复“菜单”看看还能办什么。";

    public const string CommandsHint = "随时可以回复：“取消”退出，“返回上一步”改上一个回答，“转人工”找人帮忙。";

    public const string GoingBack = "好的，回到上一步。";

    public const string AlreadyFirstStep = "已经是第一步了，请回答下面这个问题：";

    public const string BackToQuestion = "我们接着刚才的问题：";
}
