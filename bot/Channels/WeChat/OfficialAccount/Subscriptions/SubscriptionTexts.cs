namespace AssistBot.Bot.WeChat.Subscriptions;

/// <summary>Everything the 订阅通知 page and the "退订" reply say, in one place for review.</summary>
public static class SubscriptionTexts
{
    public static string PageTitle(string countyName) => $"{countyName}订阅通知";

    public const string Intro = "同意以后，到了该办事的时候，公众号会给您发通知。不关注公众号也能收到（在微信“服务通知”里）。";

    public const string NoneConfigured = "本县还没有开通订阅通知。有事可以直接在公众号里发消息问。";

    public const string LongTerm = "长期订阅：同意一次，以后每次都会通知您，直到您关掉。";

    public const string OneTime = "一次性订阅：同意一次，只发下一条通知；以后还想收，需要再来点一次“订阅”。";

    public const string HowToStop =
        "不想再收：在公众号聊天里回复“退订”，我们就不再发；也可以打开本公众号，点右上角“···”，进入“设置”，把订阅通知关掉。";

    public const string SubscribeButton = "订阅";

    public const string OpenInWeChat = "请在微信里打开这个页面，才能点“订阅”。";

    public const string Accepted = "已订阅，到时会通知您。";

    public const string Rejected = "您没有同意，这项通知不会发给您。";

    public const string Failed = "暂时没订上，请稍后再试，或在公众号里发消息问。";

    /// <summary>"退订" on WeChat: we stop now; WeChat's own switch is theirs to turn off.</summary>
    public const string Unsubscribed =
        "已退订：我们不再给您发订阅通知和补助申请提醒。\n" +
        "要在微信里也关掉：打开本公众号，点右上角“···”，进入“设置”，把订阅通知关掉。\n" +
        "以后想再收到，回复“订阅”，或打开订阅通知页面重新点“订阅”。";

    public static (string Title, string Description) ForKind(string kind) => kind switch
    {
        "loan-repayment" => ("小额信贷还款提醒", "贷款快到期时提醒您按时还款：写明到期日、金额和放贷银行。"),
        "loan-overdue" => ("小额信贷逾期提醒", "贷款过了到期日还没还清时提醒您，免得影响信用。"),
        "window" => ("补助申请提醒", "补助开始申请和快截止时提醒您：写明项目名称和申请时间。"),
        "declaration-status" => ("申报进度通知", "您提交的困难申报有了新进展时通知您。"),
        _ => ("办事通知", "县里有和您有关的事要办时通知您。"),
    };
}
