namespace AssistBot.Bot.Admin;

public static class AdminApiKeyFilterExtensions
{
    /// <summary>Puts an endpoint or group behind the admin API key (see <see cref="AdminApiKeyFilter"/>).</summary>
    public static TBuilder RequireAdminApiKey<TBuilder>(this TBuilder builder) where TBuilder : IEndpointConventionBuilder =>
        builder.AddEndpointFilter<TBuilder, AdminApiKeyFilter>();
}
