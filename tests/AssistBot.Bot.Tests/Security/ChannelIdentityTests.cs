using AssistBot.Bot.Reminders.Commands;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using AssistBot.Bot.Cases;
using AssistBot.Bot.Cases.Import;
using AssistBot.Bot.Tests.BotFramework;
using AssistBot.Bot.Tests.Cases;
using AssistBot.Scheduler.Texts;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace AssistBot.Bot.Tests.Security;

/// <summary>
/// Issue 17, finding 1: <c>/api/messages</c> may not speak as a WeCom cadre or a WeChat farmer, and without an AppId
/// it answers only the Emulator on this machine. The real router and cases run behind it.
/// </summary>
public sealed class ChannelIdentityTests : IAsyncLifetime
{
    private const string Roster = "企业微信账号,姓名,职务,乡镇,村\nliucun,刘村干,村支书,大塘埠,代屋村\n";
    private readonly BotFrameworkHost _host = Host();
    private HttpClient _http = null!;
    private Declaration _declaration = null!;

    private static BotFrameworkHost Host(Dictionary<string, string?>? settings = null) =>
        new(settings ?? new Dictionary<string, string?> { ["Reminders:Enabled"] = "false" }, useTestBot: false,
            configure: b => b.ConfigureTestServices(RecordingStorage.Install));

    public async Task InitializeAsync()
    {
        _http = _host.CreateClient();
        var services = _host.Services;
        Assert.Empty((await services.GetRequiredService<CaseImporter>().ImportRosterAsync("xinfeng", Roster)).Errors);
        _declaration = (await services.GetRequiredService<DeclarationStore>().SubmitAsync("xinfeng", "wechat", "o_farmer",
            CaseWorld.Submission(TestIds.Valid()), services.GetRequiredService<CountyCaseData>().Get("xinfeng").Rules)).Declaration;
    }

    public async Task DisposeAsync() => await _host.DisposeAsync();

    private RecordingStorage Storage => _host.Services.GetRequiredService<RecordingStorage>();

    private static object Activity(string channelId, string userId, string text, string conversation = "attack-1") => new
    {
        type = "message", id = "a1", channelId, deliveryMode = "expectReplies", serviceUrl = "http://127.0.0.1:9/",
        from = new { id = userId }, recipient = new { id = "bot" }, conversation = new { id = conversation }, text,
    };

    private async Task<(HttpStatusCode Status, string Text)> SayAsync(object activity, string? peer = null, string? tag = null,
        (string Name, string Value)? header = null)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/messages/xinfeng") { Content = JsonContent.Create(activity) };
        if (peer is not null) request.Headers.Add(PeerAddressStartupFilter.Header, peer);
        if (tag is not null) request.Headers.Add(RecordingStorage.Header, tag);
        if (header is { } h) request.Headers.Add(h.Name, h.Value);
        var response = await _http.SendAsync(request);
        var body = await response.Content.ReadAsStringAsync();
        if (response.StatusCode != HttpStatusCode.OK) return (response.StatusCode, body);
        using var json = JsonDocument.Parse(body);
        return (response.StatusCode, string.Join("\n", json.RootElement.GetProperty("activities").EnumerateArray()
            .Select(a => a.TryGetProperty("text", out var t) ? t.GetString() : "")));
    }

    private Task<Declaration?> StoredAsync() =>
        _host.Services.GetRequiredService<DeclarationStore>().GetAsync("xinfeng", _declaration.Id);

    [Fact]
    public async Task Claiming_channel_wecom_does_not_make_the_caller_a_cadre()
    {
        var (status, text) = await SayAsync(Activity("wecom", "liucun", "受理 0001"));

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.DoesNotContain("已受理", text);
        Assert.DoesNotContain(_declaration.Id, text);
        Assert.Equal(DeclarationStatus.Submitted, (await StoredAsync())!.Status);
        var (_, details) = await SayAsync(Activity("WeCom", "liucun", "详情 0001", "attack-2"));
        Assert.DoesNotContain("代屋村", details);
    }

    [Fact]
    public async Task Claiming_channel_wechat_does_not_read_a_farmers_declarations()
    {
        var (status, text) = await SayAsync(Activity("wechat", "o_farmer", "查进度"));

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.DoesNotContain(_declaration.Id, text);
        Assert.Contains("没有", text); // the caller's own (empty) list
    }

    [Fact]
    public async Task Loans_subscriptions_and_binding_are_only_for_the_openid_WeChat_verified()
    {
        Assert.Contains(ReminderChatTexts.LoanOnWeChat, (await SayAsync(Activity("emulator", "o_farmer", "贷款"))).Text);
        Assert.Contains(ReminderChatTexts.UnsubscribeOnWeChat, (await SayAsync(Activity("emulator", "o_farmer", "退订", "attack-3"))).Text);
        Assert.Contains(BindingTexts.OnlyOnWeChat, (await SayAsync(Activity("wechat", "o_farmer", "绑定", "attack-4"))).Text);
    }

    [Fact]
    public async Task Replies_carry_the_channel_id_the_connector_sent()
    {
        var response = await _http.PostAsJsonAsync("/api/messages/xinfeng", Activity("directline", "u-azure", "你好"));
        var reply = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("activities")[0];
        Assert.Equal("directline", reply.GetProperty("channelId").GetString());
    }

    [Fact]
    public async Task Without_an_AppId_a_caller_from_another_address_is_403_and_nothing_is_stored()
    {
        var (status, body) = await SayAsync(Activity("emulator", "u1", "你好"), peer: "203.0.113.9", tag: "remote");
        Assert.Equal(HttpStatusCode.Forbidden, status);
        Assert.Contains("loopback", body);

        // A reverse proxy on this machine connects from loopback for someone else.
        var (proxied, _) = await SayAsync(Activity("emulator", "u1", "你好"), tag: "proxied", header: ("X-Forwarded-For", "203.0.113.9"));
        Assert.Equal(HttpStatusCode.Forbidden, proxied);

        Assert.Empty(Storage.WritesOf("remote"));
        Assert.Empty(Storage.WritesOf("proxied"));
        Assert.Equal(HttpStatusCode.OK, (await SayAsync(Activity("emulator", "u1", "你好"), tag: "local")).Status);
        Assert.NotEmpty(Storage.WritesOf("local")); // the same request from loopback does store its conversation
    }

    [Fact]
    public async Task AllowAnonymous_opens_the_endpoint_to_other_addresses_deliberately()
    {
        await using var host = Host(new Dictionary<string, string?> { ["BotFramework:AllowAnonymous"] = "true", ["Reminders:Enabled"] = "false" });
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/messages/xinfeng") { Content = JsonContent.Create(Activity("emulator", "u1", "你好")) };
        request.Headers.Add(PeerAddressStartupFilter.Header, "203.0.113.9");
        Assert.Equal(HttpStatusCode.OK, (await host.CreateClient().SendAsync(request)).StatusCode);
    }

    [Theory]
    [InlineData("""{"type":"message","deliveryMode":"expectReplies","conversation":{"id":"c1"},"from":{"id":"u"},"text":"你好"}""", "channelId")]
    [InlineData("""{"type":"message","deliveryMode":"expectReplies","channelId":"emulator","from":{"id":"u"},"text":"你好"}""", "conversation.id")]
    [InlineData("""{"type":"message","deliveryMode":"expectReplies","channelId":"emulator","conversation":{"id":""},"text":"你好"}""", "conversation.id")]
    public async Task An_expectReplies_activity_without_channelId_or_conversation_is_400_with_a_precise_message(string json, string named)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/messages/xinfeng")
        {
            Content = new StringContent(json, System.Text.Encoding.UTF8, "application/json"),
        };
        request.Headers.Add(RecordingStorage.Header, "unaddressed");
        var response = await _http.SendAsync(request);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains(named, (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("error").GetProperty("message").GetString());
        Assert.Empty(Storage.WritesOf("unaddressed"));
    }
}
