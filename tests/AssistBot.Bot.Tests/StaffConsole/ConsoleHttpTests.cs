using System.Net;
using System.Text.RegularExpressions;
using AssistBot.Bot.Cases;
using AssistBot.Bot.Cli;
using AssistBot.Bot.StaffConsole;
using AssistBot.Bot.Tests.Cases;
using AssistBot.Bot.Tests.Infrastructure;
using AssistBot.Scheduler.Outbox;
using AssistBot.Scheduler.Time;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace AssistBot.Bot.Tests.StaffConsole;

/// <summary>
/// The console over HTTP: sign-in with WeCom's OAuth2 and QR login against the WeCom stand-in (state, one-time codes, the
/// roster), the one-time link from the CLI, and the headers and antiforgery every console page has.
/// </summary>
public sealed partial class ConsoleHttpTests : IAsyncLifetime
{
    private const string County = "yuzhou";
    private FakeWeChatApi _wecom = null!;
    private WebApplicationFactory<Program> _host = null!;
    private readonly FakeTimeProvider _clock = new(DateTimeOffset.UtcNow);

    public async Task InitializeAsync()
    {
        _wecom = await FakeWeChatApi.StartAsync();
        _host = new AssistBotFactory(new Dictionary<string, string?>
        {
            ["DataProtection:Key"] = "AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8=",
            ["WeCom:ApiBaseUrl"] = _wecom.BaseUrl,
            ["Console:OAuthAuthorizeUrl"] = _wecom.BaseUrl + FakeWeChatApi.OAuthAuthorizePath,
            ["Console:QrLoginUrl"] = _wecom.BaseUrl + FakeWeChatApi.QrLoginPath,
            ["Console:PublicBaseUrl"] = "https://console.example.cn",
            ["Reminders:Enabled"] = "false", // the tests put outbox entries in the states they need
            [$"Counties:{County}:Name"] = "禹州市",
            [$"Counties:{County}:Pack"] = "yuzhou-2023",
            [$"Counties:{County}:WeCom:CorpId"] = "ww-test-corp",
            [$"Counties:{County}:WeCom:AgentId"] = "1000002",
            [$"Counties:{County}:WeCom:Secret"] = "wecom-secret",
            [$"Counties:{County}:WeCom:Token"] = "wecom-token",
            [$"Counties:{County}:WeCom:EncodingAESKey"] = "jWmYm7qr5nMoAUwZRjGtBxmz3KA1tkAj3ykkR6q2B2C",
        }).WithWebHostBuilder(b => b.ConfigureServices(s => s.AddSingleton<TimeProvider>(_clock)));
        var roster = _host.Services.GetRequiredService<RosterStore>();
        await roster.UpsertAsync(new Cadre(County, "li_huolong", "李火龙", "乡镇干部", "火龙镇", []));
        await roster.UpsertAsync(new Cadre(County, "zhao_shundian", "赵顺店", "乡镇干部", "顺店镇", []));
    }

    public async Task DisposeAsync()
    {
        await _host.DisposeAsync();
        await _wecom.DisposeAsync();
    }

    private HttpClient Browser() => _host.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

    /// <summary>Start → the stand-in's approval → back to the callback; returns the callback's response.</summary>
    private async Task<HttpResponseMessage> SignInAsync(HttpClient browser, string mode, string? userId)
    {
        var start = await browser.GetAsync($"/console/signin/wecom/{County}?mode={mode}&returnUrl=%2Fconsole%2Fdeclarations");
        Assert.Equal(HttpStatusCode.Redirect, start.StatusCode);
        _wecom.SignInAs = userId;
        using var wecomSide = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false });
        var approval = await wecomSide.GetAsync(start.Headers.Location!.GetLeftPart(UriPartial.Query));
        Assert.Equal(HttpStatusCode.Redirect, approval.StatusCode);
        return await browser.GetAsync(approval.Headers.Location!.PathAndQuery);
    }

    [Fact]
    public async Task QR_login_signs_a_roster_cadre_in_and_returns_to_the_page_asked_for()
    {
        var browser = Browser();
        var before = await browser.GetAsync("/console/declarations");
        Assert.Equal(HttpStatusCode.Redirect, before.StatusCode);
        Assert.StartsWith("/console/signin", before.Headers.Location!.PathAndQuery);

        var start = await browser.GetAsync($"/console/signin/wecom/{County}?mode=qr");
        var qr = start.Headers.Location!;
        Assert.Equal(FakeWeChatApi.QrLoginPath, qr.AbsolutePath);
        Assert.Contains("login_type=CorpApp", qr.Query);
        Assert.Contains("appid=ww-test-corp", qr.Query);
        Assert.Contains("agentid=1000002", qr.Query);

        var callback = await SignInAsync(browser, "qr", "li_huolong");
        Assert.Equal(HttpStatusCode.Redirect, callback.StatusCode);
        Assert.Equal("/console/declarations", callback.Headers.Location!.OriginalString);
        var page = await browser.GetStringAsync("/console/declarations");
        Assert.Contains("李火龙", page);
        Assert.Single(_wecom.RequestsTo(FakeWeChatApi.GetUserInfoPath));
    }

    [Fact]
    public async Task The_OAuth2_link_inside_WeCom_asks_for_snsapi_base_and_signs_in_the_same_way()
    {
        var browser = Browser();
        var start = await browser.GetAsync($"/console/signin/wecom/{County}?mode=oauth");
        var url = start.Headers.Location!.OriginalString;
        Assert.StartsWith(_wecom.BaseUrl + FakeWeChatApi.OAuthAuthorizePath + "?appid=ww-test-corp&redirect_uri=", url);
        Assert.Contains("response_type=code&scope=snsapi_base&state=", url);
        Assert.EndsWith("#wechat_redirect", url);
        Assert.Contains(Uri.EscapeDataString("/console/signin/callback/yuzhou"), url);

        var callback = await SignInAsync(Browser(), "oauth", "li_huolong");
        Assert.Equal(HttpStatusCode.Redirect, callback.StatusCode);
    }

    [Fact]
    public async Task A_forged_state_a_used_code_an_outsider_and_someone_off_the_roster_are_all_refused()
    {
        // A callback the browser did not start (no state cookie): refused before WeCom is asked.
        var forged = await Browser().GetAsync($"/console/signin/callback/{County}?code=anything&state=abc");
        Assert.Equal(HttpStatusCode.BadRequest, forged.StatusCode);
        Assert.Contains("重新登录", await forged.Content.ReadAsStringAsync());
        Assert.Empty(_wecom.RequestsTo(FakeWeChatApi.GetUserInfoPath));

        // A code used twice: the second time WeCom says 40029 (and the state cookie is gone anyway).
        var browser = Browser();
        var start = await browser.GetAsync($"/console/signin/wecom/{County}?mode=qr");
        _wecom.SignInAs = "li_huolong";
        using var wecomSide = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false });
        var approval = await wecomSide.GetAsync(start.Headers.Location!);
        var first = await browser.GetAsync(approval.Headers.Location!.PathAndQuery);
        Assert.Equal(HttpStatusCode.Redirect, first.StatusCode);
        var replay = await Browser().GetAsync(approval.Headers.Location!.PathAndQuery);
        Assert.Equal(HttpStatusCode.BadRequest, replay.StatusCode);

        // A WeChat user outside the corp (WeCom gives only an openid).
        var outsider = await SignInAsync(Browser(), "qr", null);
        Assert.Equal(HttpStatusCode.BadRequest, outsider.StatusCode);
        Assert.Contains("没有确认您的身份", await outsider.Content.ReadAsStringAsync());

        // A corp member who is not on this county's roster.
        var stranger = await SignInAsync(Browser(), "qr", "not_on_roster");
        Assert.Equal(HttpStatusCode.Forbidden, stranger.StatusCode);
        Assert.Contains("不在本县干部名单里", await stranger.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task A_cadre_taken_off_the_roster_loses_the_console_at_the_next_request()
    {
        var browser = Browser();
        await SignInAsync(browser, "qr", "li_huolong");
        Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync("/console/declarations")).StatusCode);
        var storage = _host.Services.GetRequiredService<AssistBot.Bot.Storage.IStorage>();
        await storage.DeleteAsync(CaseKeys.Cadre(County, "li_huolong"));
        var after = await browser.GetAsync("/console/declarations");
        Assert.Equal(HttpStatusCode.Redirect, after.StatusCode);
        Assert.StartsWith("/console/signin", after.Headers.Location!.OriginalString);
    }

    [Fact]
    public async Task The_session_slides_and_ends_after_two_idle_hours()
    {
        var browser = Browser();
        await SignInAsync(browser, "qr", "li_huolong");
        for (var i = 0; i < 4; i++)
        {
            _clock.Advance(TimeSpan.FromMinutes(70)); // each request more than half the idle time later renews the cookie
            Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync("/console/declarations")).StatusCode);
        }
        _clock.Advance(TimeSpan.FromHours(2) + TimeSpan.FromMinutes(1));
        Assert.Equal(HttpStatusCode.Redirect, (await browser.GetAsync("/console/declarations")).StatusCode);
    }

    [Fact]
    public async Task Console_pages_carry_a_strict_CSP_and_no_store_and_forms_need_the_antiforgery_token()
    {
        var browser = Browser();
        var signin = await browser.GetAsync("/console/signin");
        Assert.Equal(HttpStatusCode.OK, signin.StatusCode);
        var csp = string.Join(";", signin.Headers.GetValues("Content-Security-Policy"));
        Assert.Contains("default-src 'self'", csp);
        Assert.Contains("script-src 'self'", csp);
        Assert.Contains("frame-ancestors 'none'", csp);
        Assert.DoesNotContain("unsafe-inline", csp);
        Assert.Equal("no-store", signin.Headers.CacheControl!.ToString());
        var html = await signin.Content.ReadAsStringAsync();
        Assert.DoesNotContain("http://", html.Replace("http://www.w3.org", ""));
        Assert.DoesNotContain("https://", html);

        await SignInAsync(browser, "qr", "li_huolong");
        var noToken = await browser.PostAsync("/console/signout", new FormUrlEncodedContent([]));
        Assert.Equal(HttpStatusCode.BadRequest, noToken.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync("/console/declarations")).StatusCode); // still signed in

        var page = await browser.GetStringAsync("/console/declarations");
        var token = AntiforgeryField().Match(page).Groups[1].Value;
        var signOut = await browser.PostAsync("/console/signout", new FormUrlEncodedContent([new("__af", token)]));
        Assert.Equal(HttpStatusCode.Redirect, signOut.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await browser.GetAsync("/console/declarations")).StatusCode);
    }

    [Fact]
    public async Task The_one_time_link_is_printed_once_works_once_and_expires_after_ten_minutes()
    {
        var link = await RunLinkCommandAsync();
        Assert.StartsWith("https://console.example.cn/console/signin/link/", link);
        var path = new Uri(link).AbsolutePath;

        var browser = Browser();
        var show = await browser.GetStringAsync(path); // GET does not use it up (link previews)
        Assert.Contains("link-signin", show);
        var token = AntiforgeryField().Match(show).Groups[1].Value;
        var used = await browser.PostAsync(path, new FormUrlEncodedContent([new("__af", token)]));
        Assert.Equal(HttpStatusCode.Redirect, used.StatusCode);
        var list = await browser.GetStringAsync("/console/declarations");
        Assert.Contains("县级管理员", list);
        Assert.Contains("全县", list);

        // Second use, from another browser: refused.
        var other = Browser();
        var again = await other.GetStringAsync(path);
        Assert.Contains("已失效", again);
        Assert.Equal(HttpStatusCode.Redirect, (await other.GetAsync("/console/declarations")).StatusCode);

        // A fresh link left for 10 minutes: expired.
        var late = new Uri(await RunLinkCommandAsync()).AbsolutePath;
        _clock.Advance(TimeSpan.FromMinutes(10) + TimeSpan.FromSeconds(1));
        Assert.Contains("已失效", await Browser().GetStringAsync(late));
    }

    [Fact]
    public async Task Reminders_page_counts_the_reminders_claimed_and_not_yet_made_into_messages()
    {
        var browser = Browser();
        await SignInAsync(browser, "qr", "li_huolong");
        Assert.DoesNotContain("id=\"unexpanded\"", await browser.GetStringAsync("/console/reminders"));

        var day = _clock.Today();
        var pointers = _host.Services.GetRequiredService<IReminderPointers>();
        await pointers.ClaimAsync("loan-repayment", County, day, _clock.GetUtcNow().AddHours(1),
            [.. Enumerable.Range(0, 3).Select(i => new ReminderPointer($"XF{i}", day.AddDays(7), "7d", day))]);
        await pointers.ClaimAsync("loan-repayment", "elsewhere", day, _clock.GetUtcNow().AddHours(1), [new ReminderPointer("XF9", day.AddDays(7), "7d", day)]);

        var page = await browser.GetStringAsync("/console/reminders");
        Assert.Contains("id=\"unexpanded\">3<", page);
        Assert.Contains("全县待发（未展开）", page);
    }

    [Fact]
    public async Task Reminders_show_sent_and_failed_by_kind_and_route_and_the_call_list_can_be_resent_and_marked_handled()
    {
        var outbox = _host.Services.GetRequiredService<IOutbox>();
        var now = _clock.GetUtcNow();
        OutboxMessage Loan(string farmer, string cadre) => new()
        {
            IdempotencyKey = $"loan-due:{County}:{farmer}:{now:yyyyMMdd}", Kind = "loan-due", CountyId = County,
            Recipient = new OutboxRecipient(OutboxRecipient.WeChat, farmer), Text = "您的小额信贷下月到期", Title = "小额信贷到期",
            Subject = "loan-" + farmer, FallbackRecipient = OutboxRecipient.Cadre(cadre), DueAt = now, CreatedAt = now,
        };
        await outbox.EnqueueAsync(Loan("o_farmer_reached", "li_huolong"));
        await outbox.EnqueueAsync(Loan("o_farmer_unfollowed", "li_huolong"));
        await outbox.EnqueueAsync(Loan("o_farmer_elsewhere", "zhao_shundian"));
        foreach (var e in await outbox.TakeDueAsync(now, 10, TimeSpan.FromMinutes(1)))
        {
            if (e.Message.Recipient.UserId == "o_farmer_reached") await outbox.MarkSentAsync(e.Id, "wechat:custom");
            else await outbox.MarkFailedAsync(e.Id, "43004 用户未关注公众号");
        }

        var browser = Browser();
        await SignInAsync(browser, "qr", "li_huolong");
        var page = await browser.GetStringAsync("/console/reminders");
        Assert.Contains("公众号客服消息", page);
        Assert.Contains("43004 用户未关注公众号", page);
        Assert.Contains("id=\"sent-today\">1<", page);
        Assert.Contains("id=\"failed-today\">1<", page); // the other township's failure is not theirs
        Assert.DoesNotContain("o_farmer_unfollowed", page); // masked
        var callList = CallListRows().Matches(page).Select(m => m.Groups[1].Value).ToList();
        var row = Assert.Single(callList);
        Assert.Contains("李火龙", page);

        var token = AntiforgeryField().Match(page).Groups[1].Value;
        var resend = await browser.PostAsync("/console/reminders?handler=resend",
            new FormUrlEncodedContent([new("__af", token), new("id", row)]));
        Assert.Equal(HttpStatusCode.Redirect, resend.StatusCode);
        var pending = await outbox.ListAsync(OutboxStatus.Pending, 0, 50);
        Assert.Contains(pending, e => e.Message.Recipient.UserId == "o_farmer_unfollowed" && e.Message.IdempotencyKey.Contains("console-resend"));

        var handled = await browser.PostAsync("/console/reminders?handler=handled",
            new FormUrlEncodedContent([new("__af", token), new("id", row), new("note", "已电话告知，电话13912345678")]));
        Assert.Equal(HttpStatusCode.Redirect, handled.StatusCode);
        page = await browser.GetStringAsync("/console/reminders");
        Assert.Contains("已处理：console:li_huolong", page);
        Assert.Contains("139****5678", page);

        // The other township's farmer: neither listed nor actionable for this cadre.
        var elsewhere = (await outbox.ListAsync(OutboxStatus.Failed, 0, 50)).Single(e => e.Message.Recipient.UserId == "o_farmer_elsewhere");
        var refused = await browser.PostAsync("/console/reminders?handler=resend",
            new FormUrlEncodedContent([new("__af", token), new("id", elsewhere.Id)]));
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
    }

    [GeneratedRegex("<tr data-id=\"([^\"]+)\">")]
    private static partial Regex CallListRows();

    private async Task<string> RunLinkCommandAsync()
    {
        var command = _host.Services.GetServices<ICliCommand>().Single(c => c.Name == "console link");
        var output = new StringWriter();
        var original = System.Console.Out;
        System.Console.SetOut(output);
        try
        {
            Assert.Equal(0, await command.RunAsync(["--county", County], CancellationToken.None));
        }
        finally
        {
            System.Console.SetOut(original);
        }
        var lines = output.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        Assert.Contains(lines, l => l.Contains("10 分钟内有效，只能用一次", StringComparison.Ordinal));
        return Assert.Single(lines, l => l.Contains("/console/signin/link/", StringComparison.Ordinal));
    }

    [GeneratedRegex("name=\"__af\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex AntiforgeryField();
}
