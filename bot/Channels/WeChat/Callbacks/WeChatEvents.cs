namespace AssistBot.Bot.WeChat;

public static class WeChatEvents
{
    public const string Subscribe = "subscribe";
    public const string Unsubscribe = "unsubscribe";
    public const string Click = "CLICK";
    public const string Scan = "SCAN";
    public const string Location = "LOCATION";
    public const string View = "VIEW";
    public const string EnterAgent = "enter_agent";
    public const string TemplateCard = "template_card_event";
}
