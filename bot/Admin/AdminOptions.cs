namespace AssistBot.Bot.Admin;

/// <summary>Binds <c>Admin</c>. The admin API answers only when <see cref="ApiKey"/> is set; requests carry it in X-Api-Key.</summary>
public sealed class AdminOptions
{
    public const string Section = "Admin";

    public string ApiKey { get; set; } = "";
}
