using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;

namespace AssistBot.Bot.Admin;

/// <summary>
/// Guards every /admin endpoint: 404 while <c>Admin:ApiKey</c> is empty (the API is off), 401 without the right
/// <c>X-Api-Key</c>. The key is compared in constant time (fixed-length hashes), so timing reveals nothing.
/// </summary>
public sealed class AdminApiKeyFilter(IOptionsMonitor<AdminOptions> options) : IEndpointFilter
{
    public const string HeaderName = "X-Api-Key";

    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var configured = options.CurrentValue.ApiKey;
        if (string.IsNullOrEmpty(configured)) return Results.NotFound();
        var presented = context.HttpContext.Request.Headers[HeaderName].ToString();
        if (!Matches(configured, presented))
        {
            context.HttpContext.Response.Headers.WWWAuthenticate = "ApiKey header=\"X-Api-Key\"";
            return Results.Unauthorized();
        }
        return await next(context).ConfigureAwait(false);
    }

    private static bool Matches(string configured, string presented)
    {
        Span<byte> a = stackalloc byte[32];
        Span<byte> b = stackalloc byte[32];
        SHA256.HashData(Encoding.UTF8.GetBytes(configured), a);
        SHA256.HashData(Encoding.UTF8.GetBytes(presented), b);
        return CryptographicOperations.FixedTimeEquals(a, b) && presented.Length > 0;
    }
}
