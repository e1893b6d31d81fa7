using AssistBot.Knowledge.Texts;

namespace AssistBot.Bot.Conversation;

/// <summary>What the turn machinery itself says (errors, conflicts).</summary>
public static class EngineTexts
{
    public const string Apology = "抱歉，刚才系统出了点问题，没能办完。请再发一次；如果还是不行，可以" + ContactTexts.CadreOrHotline + "。";

    public const string Busy = "刚才同时收到您的好几条消息，这一条没来得及处理。请稍等一下，再发一次。";
}
