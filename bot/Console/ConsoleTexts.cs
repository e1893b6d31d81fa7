namespace AssistBot.Bot.StaffConsole;

/// <summary>Every console text a person reads that is not in a page template.</summary>
public static class ConsoleTexts
{
    public const string LinkAdministrator = "县级管理员";
    public const string WholeCounty = "全县";
    public const string SignInFailed = "登录没有成功：企业微信没有确认您的身份，请重新扫码或在企业微信里重新打开。";
    public const string StateMismatch = "登录已过期或是从别处打开的，请重新登录。";
    public const string NotOnRoster = "您的企业微信账号不在本县干部名单里，请联系县乡村振兴局把您加入名单。";
    public const string WeComNotConfigured = "这个县还没有配置企业微信应用，请用一次性登录链接。";
    public const string LinkInvalid = "这个登录链接已失效（超过 10 分钟或已经用过）。请让管理员重新生成。";
    public const string Forbidden = "这件申报不在您负责的范围内。";
    public const string NotFound = "没有找到这件申报。";
    public const string RevealNeedsReason = "查看完整身份证号要写明原因。";
    public const string RejectNeedsReason = "不纳入要写明原因。";
    public const string TransferNeedsTarget = "请选择要转交的干部。";
    public const string CountyOnly = "这一页只对县级工作人员开放。";
    public const string TransferOutside = "只能转交给负责这个村的干部。";

    public static string Done(string action, string id) => $"{id} 已{action}。";
}
