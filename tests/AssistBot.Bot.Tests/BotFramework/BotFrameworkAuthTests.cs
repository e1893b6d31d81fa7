using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text.Json;

namespace AssistBot.Bot.Tests.BotFramework;

/// <summary>With BotFramework:AppId set, /api/messages requires a valid channel JWT.</summary>
public sealed class BotFrameworkAuthTests : IAsyncLifetime
{
    private const string AppId = "3f7a1c2e-aaaa-bbbb-cccc-0123456789ab";
    private const string ServiceUrl = "http://127.0.0.1:9/";
    private OpenIdStandIn _issuer = null!;
    private BotFrameworkHost _host = null!;
    private HttpClient _client = null!;

    public async Task InitializeAsync()
    {
        _issuer = await OpenIdStandIn.StartAsync();
        _host = new BotFrameworkHost(new Dictionary<string, string?>
        {
            ["BotFramework:AppId"] = AppId,
            ["BotFramework:OpenIdMetadataUrl"] = _issuer.MetadataUrl,
        });
        _client = _host.CreateClient();
    }

    public async Task DisposeAsync()
    {
        await _host.DisposeAsync();
        await _issuer.DisposeAsync();
    }

    private async Task<HttpResponseMessage> SendAsync(string? token)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/messages/xinfeng")
        {
            Content = JsonContent.Create(new
            {
                type = "message",
                id = "a1",
                channelId = "directline",
                serviceUrl = ServiceUrl,
                deliveryMode = "expectReplies",
                from = new { id = "u1" },
                recipient = new { id = "b1" },
                conversation = new { id = "c1" },
                text = "你好",
            }),
        };
        if (token is not null) request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return await _client.SendAsync(request);
    }

    [Fact]
    public async Task A_valid_channel_token_is_accepted()
    {
        var response = await SendAsync(_issuer.CreateToken(AppId, ServiceUrl));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("信丰县收到：你好", body.GetProperty("activities")[0].GetProperty("text").GetString());
    }

    [Fact]
    public async Task No_token_is_401()
    {
        var response = await SendAsync(null);
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("Unauthorized", body.GetProperty("error").GetProperty("code").GetString());
    }

    [Fact]
    public async Task Wrong_audience_is_401() =>
        Assert.Equal(HttpStatusCode.Unauthorized, (await SendAsync(_issuer.CreateToken("another-bot", ServiceUrl))).StatusCode);

    [Fact]
    public async Task Wrong_issuer_is_401() =>
        Assert.Equal(HttpStatusCode.Unauthorized,
            (await SendAsync(_issuer.CreateToken(AppId, ServiceUrl, issuer: "https://evil.example"))).StatusCode);

    [Fact]
    public async Task Expired_token_is_401() =>
        Assert.Equal(HttpStatusCode.Unauthorized,
            (await SendAsync(_issuer.CreateToken(AppId, ServiceUrl, expiresIn: TimeSpan.FromHours(-1)))).StatusCode);

    [Fact]
    public async Task A_key_the_metadata_does_not_publish_is_401()
    {
        using var other = RSA.Create(2048);
        Assert.Equal(HttpStatusCode.Unauthorized, (await SendAsync(_issuer.CreateToken(AppId, ServiceUrl, otherKey: other))).StatusCode);
    }

    [Fact]
    public async Task A_token_for_another_serviceUrl_is_401() =>
        Assert.Equal(HttpStatusCode.Unauthorized,
            (await SendAsync(_issuer.CreateToken(AppId, "https://elsewhere.example/"))).StatusCode);

    [Fact]
    public async Task With_an_app_password_replies_to_the_serviceUrl_carry_a_connector_token()
    {
        await using var connector = await ConnectorStandIn.StartAsync();
        await using var host = new BotFrameworkHost(new Dictionary<string, string?>
        {
            ["BotFramework:AppId"] = AppId,
            ["BotFramework:AppPassword"] = "app-secret",
            ["BotFramework:OAuthTokenUrl"] = connector.BaseUrl + "/oauth2/token",
            ["BotFramework:OpenIdMetadataUrl"] = _issuer.MetadataUrl,
            // The stand-in connector listens on loopback: an operator lists such an address explicitly.
            ["BotFramework:AllowedServiceUrls:0"] = "http://127.0.0.1",
        });
        var client = host.CreateClient();
        for (var i = 0; i < 2; i++)
        {
            var request = new HttpRequestMessage(HttpMethod.Post, "/api/messages/xinfeng")
            {
                Content = JsonContent.Create(new
                {
                    type = "message", id = "a" + i, channelId = "directline", serviceUrl = connector.BaseUrl,
                    from = new { id = "u1" }, recipient = new { id = "b1" }, conversation = new { id = "c1" }, text = "你好",
                }),
            };
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", _issuer.CreateToken(AppId, connector.BaseUrl));
            Assert.Equal(HttpStatusCode.OK, (await client.SendAsync(request)).StatusCode);
        }

        var received = await connector.WaitForAsync(2);
        Assert.All(received, r => Assert.Equal("Bearer connector-token-1", r.Authorization));
        var tokenRequest = Assert.Single(connector.TokenRequests); // cached for the second reply
        Assert.Equal("client_credentials", tokenRequest["grant_type"]);
        Assert.Equal(AppId, tokenRequest["client_id"]);
        Assert.Equal("app-secret", tokenRequest["client_secret"]);
        Assert.Equal("https://api.botframework.com/.default", tokenRequest["scope"]);
    }

    [Fact]
    public async Task Garbage_is_401() =>
        Assert.Equal(HttpStatusCode.Unauthorized, (await SendAsync("not-a-jwt")).StatusCode);
}
