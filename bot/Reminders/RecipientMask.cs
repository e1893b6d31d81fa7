namespace AssistBot.Bot.Reminders;

/// <summary>How an openid or WeCom UserId is shown in previews, admin views and logs.</summary>
public static class RecipientMask
{
    public static string UserId(string? userId)
    {
        if (string.IsNullOrEmpty(userId)) return "";
        if (userId.Length <= 4) return userId[0] + new string('*', userId.Length - 1);
        var keep = userId.Length > 10 ? 4 : 2;
        return string.Concat(userId.AsSpan(0, keep), "****", userId.AsSpan(userId.Length - 2));
    }
}
