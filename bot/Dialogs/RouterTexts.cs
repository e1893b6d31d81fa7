using AssistBot.Bot.Conversation.Dialogs;

namespace AssistBot.Bot.Dialogs;

/// <summary>Everything the router (welcome, menu, help, fallback, placeholders) says. Reviewed as one list.</summary>
public static class RouterTexts
{
    public const string PolicyLabel = "政策咨询";
    public const string DeclareLabel = "困难申报";
    public const string StatusLabel = "查进度";
    public const string LoanLabel = "贷款还款";
    public const string HelpLabel = "帮助";

    public static string Welcome(string? countyName) =>
        $"您好！这里是{(string.IsNullOrEmpty(countyName) ? "" : countyName)}防返贫和乡村振兴服务助手。\n" +
        "可以问政策、申报家里遇到的困难、查办理进度、了解贷款还款。请回复数字选择：";

    public const string Menu = "请回复数字选择您要办的事：";

    public static string Help =>
        "我能帮您：\n· 问政策：直接打字或说出您的问题；\n· 申报困难、查办理进度、了解贷款还款：回复菜单上的数字。\n" +
        "随时回复“菜单”回到这里，回复“取消”退出正在办的事。\n" + InterruptionTexts.HowToReachPerson;

    public static string Fallback =>
        "抱歉，这个问题我还答不上来，不能乱说。\n" + InterruptionTexts.HowToReachPerson + "\n也可以回复数字选择下面的服务：";

    public const string OnlyText = "暂时只能看懂文字（语音请用“转文字”后发送）。请打字告诉我您想办什么，或回复“菜单”。";

    public const string NothingToCancel = "现在没有正在办的事。请回复数字选择：";

    public const string YouAreWelcome = "不客气！还有想问的，直接发给我就行；回复“菜单”看能办的事。";

    public static string HumanContact => InterruptionTexts.HowToReachPerson;

    public static string ComingSoon(string feature) =>
        $"“{feature}”暂时还不能在这里办理。现在要办，可以：\n" + InterruptionTexts.ContactLines;
}
