using System.Security.Claims;
using System.Security.Cryptography;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace AssistBot.Bot.Tests.BotFramework;

/// <summary>
/// A local token issuer: OpenID metadata and a JWKS with a freshly generated RSA key (served by Kestrel on
/// loopback), and a way to mint tokens signed with that key, as the Bot Connector signs its requests.
/// </summary>
public sealed class OpenIdStandIn : IAsyncDisposable
{
    public const string Issuer = "https://api.botframework.com";
    private readonly WebApplication _app;
    private readonly RSA _rsa = RSA.Create(2048);

    private OpenIdStandIn(WebApplication app) => _app = app;

    public string MetadataUrl { get; private set; } = "";

    public static async Task<OpenIdStandIn> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var standIn = new OpenIdStandIn(app);
        app.MapGet("/v1/.well-known/openidconfiguration", (HttpContext http) => Results.Json(new Dictionary<string, object>
        {
            ["issuer"] = Issuer,
            ["jwks_uri"] = $"{http.Request.Scheme}://{http.Request.Host}/v1/keys",
            ["id_token_signing_alg_values_supported"] = new[] { "RS256" },
        }));
        app.MapGet("/v1/keys", () =>
        {
            var jwk = JsonWebKeyConverter.ConvertFromRSASecurityKey(standIn.PublicKey);
            return Results.Json(new
            {
                keys = new[] { new { kty = jwk.Kty, use = "sig", kid = jwk.Kid, n = jwk.N, e = jwk.E } },
            });
        });
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        standIn.MetadataUrl = address + "/v1/.well-known/openidconfiguration";
        return standIn;
    }

    private RsaSecurityKey PublicKey => new(_rsa.ExportParameters(false)) { KeyId = "test-key-1" };

    /// <summary>A channel token; pass another key to sign with a key the metadata does not publish.</summary>
    public string CreateToken(string audience, string serviceUrl, string issuer = Issuer, TimeSpan? expiresIn = null, RSA? otherKey = null)
    {
        var now = DateTime.UtcNow;
        var expires = now + (expiresIn ?? TimeSpan.FromMinutes(30));
        var key = new RsaSecurityKey(otherKey ?? _rsa) { KeyId = otherKey is null ? "test-key-1" : "other-key" };
        return new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Issuer = issuer,
            Audience = audience,
            NotBefore = expires < now ? expires.AddMinutes(-30) : now.AddMinutes(-1),
            IssuedAt = expires < now ? expires.AddMinutes(-30) : now.AddMinutes(-1),
            Expires = expires,
            Subject = new ClaimsIdentity([new Claim("serviceurl", serviceUrl)]),
            SigningCredentials = new SigningCredentials(key, SecurityAlgorithms.RsaSha256),
        });
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
        _rsa.Dispose();
    }
}
