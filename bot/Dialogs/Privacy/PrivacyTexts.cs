namespace AssistBot.Bot.Dialogs.Privacy;

/// <summary>What the farmer reads about deleting their information.</summary>
public static class PrivacyTexts
{
    public const string Confirm = "确认删除";
    public const string Keep = "不删了";

    public const string AskConfirm =
        "要删除您在这里留下的信息吗？会删除：聊天记录、账号绑定（户和贷款）、订阅提醒。\n" +
        "已提交的申报是县里的办理记录，按规定保存，不会删除，县里会照常办理。\n" +
        "请回复“确认删除”或“不删了”。";

    public const string Done = "已删除您的聊天记录、账号绑定和订阅提醒。以后需要时，发“绑定”可以重新绑定。";

    public const string Kept = "好的，什么都没有删除。";

    public const string Failed = "抱歉，刚才没能删除，请稍后再发一次“删除我的信息”。";
}
