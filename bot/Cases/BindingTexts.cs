using AssistBot.Knowledge.Texts;

namespace AssistBot.Bot.Cases;

/// <summary>What a farmer reads while binding their WeChat account to their household or loan record.</summary>
public static class BindingTexts
{
    public const string Intro =
        "绑定后，贷款到期提醒、申报进度等消息会发到这个微信上。需要核对3项：户主姓名、身份证号后6位、登记的手机号。只用来核对，不会显示给别人。";

    public const string OnlyOnWeChat = "绑定是把您的微信和户信息连起来，请在本县的微信公众号里回复“绑定”。";

    public const string AskName = "请发户主姓名：";
    public const string AskLastSix = "请发户主身份证号的后6位（最后一位可能是X）：";
    public const string RetryLastSix = "请发身份证号的最后6位，比如：12001X。";
    public const string AskPhone = "请发在村里或银行登记的手机号：";
    public const string RetryPhone = "请发11位手机号，比如：13912345678。";

    public static string Bound(int count) =>
        count > 1 ? $"绑定成功，找到{count}条记录。以后的提醒会发到这个微信。发\"查进度\"或\"贷款\"可以查看。"
                  : "绑定成功。以后的提醒会发到这个微信。发\"查进度\"或\"贷款\"可以查看。";

    /// <summary>Never says which of the three did not match.</summary>
    public static string Failed(int attemptsLeft) =>
        $"没有找到对得上的记录，请核对姓名、身份证后6位和手机号是否和登记的一致。今天还可以试{attemptsLeft}次。也可以找村干部帮忙核对。";

    public const string LockedOut = "今天核对失败次数太多，绑定已暂停，明天再试。着急的话可以" + ContactTexts.CadreOrHotline + "。";

    public const string Cancelled = "已取消绑定。需要时再发\"绑定\"。";
}
