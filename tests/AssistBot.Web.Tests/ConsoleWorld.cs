using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using AssistBot.Bot.Cases;
using AssistBot.Bot.Tests.Infrastructure;
using AssistBot.Bot.WeChat;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace AssistBot.Web.Tests;

/// <summary>
/// The service with the staff console for 禹州 (WeCom app pointed at the local WeCom stand-in, OA in plain mode), a
/// test clock, and helpers: seed the roster and a farmer's declaration, sign a cadre in through the stand-in, send
/// a farmer's message over /wechat.
/// </summary>
public sealed partial class ConsoleWorld : IAsyncDisposable
{
    public const string County = "yuzhou";
    public const string OaToken = "console-oa-token";

    private ConsoleWorld(FakeWeChatApi wecom, TestClock clock, LiveService service)
    {
        WeCom = wecom;
        Clock = clock;
        Service = service;
    }

    public FakeWeChatApi WeCom { get; }

    public TestClock Clock { get; }

    public LiveService Service { get; }

    public string BaseUrl => Service.BaseUrl;

    /// <summary>The packs this service reads (a private copy: staff edits in a test never touch the repository's packs).</summary>
    public string PacksDirectory { get; private init; } = "";

    public static async Task<ConsoleWorld> StartAsync()
    {
        var packsCopy = Directory.CreateTempSubdirectory("assistbot-console-packs-").FullName;
        CopyDirectory(Path.Combine(RepositoryPaths.Root, "knowledge", "data", "packs"), Path.Combine(packsCopy, "packs"));
        CopyDirectory(Path.Combine(RepositoryPaths.Root, "knowledge", "data", "vocab"), Path.Combine(packsCopy, "vocab"));
        var wecom = await FakeWeChatApi.StartAsync();
        var clock = new TestClock(DateTimeOffset.UtcNow);
        var service = new LiveService(new Dictionary<string, string?>
        {
            ["WeCom:ApiBaseUrl"] = wecom.BaseUrl,
            ["WeChat:ApiBaseUrl"] = wecom.BaseUrl,
            ["Console:OAuthAuthorizeUrl"] = wecom.BaseUrl + FakeWeChatApi.OAuthAuthorizePath,
            ["Console:QrLoginUrl"] = wecom.BaseUrl + FakeWeChatApi.QrLoginPath,
            [$"Counties:{County}:WeCom:CorpId"] = "ww-test-corp",
            [$"Counties:{County}:WeCom:AgentId"] = "1000002",
            [$"Counties:{County}:WeCom:Secret"] = "wecom-secret",
            [$"Counties:{County}:WeCom:Token"] = "wecom-token",
            [$"Counties:{County}:WeCom:EncodingAESKey"] = "jWmYm7qr5nMoAUwZRjGtBxmz3KA1tkAj3ykkR6q2B2C",
            [$"Counties:{County}:WeChat:Token"] = OaToken,
            ["Knowledge:PacksDirectory"] = Path.Combine(packsCopy, "packs"),
        }, services => services.AddSingleton<TimeProvider>(clock));
        return new ConsoleWorld(wecom, clock, service) { PacksDirectory = Path.Combine(packsCopy, "packs") };
    }

    private static void CopyDirectory(string from, string to)
    {
        Directory.CreateDirectory(to);
        foreach (var file in Directory.EnumerateFiles(from)) File.Copy(file, Path.Combine(to, Path.GetFileName(file)));
        foreach (var dir in Directory.EnumerateDirectories(from)) CopyDirectory(dir, Path.Combine(to, Path.GetFileName(dir)));
    }

    /// <summary>
    /// A web visitor's question over <c>POST /api/messages/{county}</c> with <c>deliveryMode: expectReplies</c> (a new
    /// conversation each time): the last reply's text, <c>policyOutcome</c> and <c>policyEntryId</c>.
    /// </summary>
    public async Task<(string Text, string? Outcome, string? EntryId)> AskOverApiAsync(string question)
    {
        using var http = new HttpClient();
        var response = await http.PostAsync($"{BaseUrl}/api/messages/{County}", System.Net.Http.Json.JsonContent.Create(new
        {
            type = "message", id = Guid.NewGuid().ToString("N"), channelId = "emulator", deliveryMode = "expectReplies",
            serviceUrl = "http://127.0.0.1:9/", from = new { id = "web-visitor-" + Guid.NewGuid().ToString("N")[..6] },
            recipient = new { id = "bot" }, conversation = new { id = "c-" + Guid.NewGuid().ToString("N") }, text = question,
        }));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var doc = System.Text.Json.JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var last = doc.RootElement.GetProperty("activities").EnumerateArray().Last(a => a.TryGetProperty("text", out _));
        string? Property(string name) => last.TryGetProperty(name, out var v) ? v.GetString() : null;
        return (last.GetProperty("text").GetString()!, Property("policyOutcome"), Property("policyEntryId"));
    }

    public T Get<T>() where T : notnull => Service.Services.GetRequiredService<T>();

    public Task AddCadreAsync(string userId, string name, string township, params string[] villages) =>
        Get<RosterStore>().UpsertAsync(new Cadre(County, userId, name, villages.Length == 0 ? "乡镇干部" : "村干部", township, villages));

    /// <summary>A farmer's declaration as the 困难申报 dialog files it (channel wechat).</summary>
    public async Task<Declaration> DeclareAsync(string openId, string township, string village)
    {
        const string first17 = "41108119750312123";
        var idNumber = first17 + IdNumber.CheckCharacter(first17);
        var result = await Get<DeclarationStore>().SubmitAsync(County, "wechat", openId,
            new DeclarationSubmission("王秀兰", idNumber, "13912345678", township, village, 4, [HardshipType.Illness],
                "去年住院花了6万多", 6500m),
            Get<CountyCaseData>().Get(County).Rules);
        return result.Declaration;
    }

    /// <summary>
    /// Opens <paramref name="path"/>; when the console asks to sign in, signs in as <paramref name="userId"/> with
    /// 扫码登录 through the WeCom stand-in and lands back on the page.
    /// </summary>
    public async Task<IResponse?> OpenSignedInAsync(IPage page, string path, string userId)
    {
        var response = await page.GotoAsync(BaseUrl + path);
        if (!page.Url.Contains("/console/signin", StringComparison.Ordinal)) return response;
        WeCom.SignInAs = userId;
        var waiting = page.WaitForURLAsync(u => u.Contains(path, StringComparison.Ordinal) && !u.Contains("signin", StringComparison.Ordinal));
        await page.Locator($"#qr-{County}").ClickAsync();
        await waiting;
        return null;
    }

    /// <summary>A farmer's text over the OA callback (plain mode); returns the passive reply's text.</summary>
    public async Task<string> FarmerSaysAsync(string openId, string text)
    {
        var ts = Clock.GetUtcNow().ToUnixTimeSeconds().ToString(System.Globalization.CultureInfo.InvariantCulture);
        var nonce = Random.Shared.Next(100000, 999999).ToString(System.Globalization.CultureInfo.InvariantCulture);
        var signature = WeChatSignature.Compute(OaToken, ts, nonce);
        var xml = $"<xml><ToUserName><![CDATA[gh_test]]></ToUserName><FromUserName><![CDATA[{openId}]]></FromUserName>" +
                  $"<CreateTime>{ts}</CreateTime><MsgType><![CDATA[text]]></MsgType><Content><![CDATA[{text}]]></Content>" +
                  $"<MsgId>{Random.Shared.NextInt64(1_000_000, long.MaxValue)}</MsgId></xml>";
        using var http = new HttpClient();
        var response = await http.PostAsync($"{BaseUrl}/wechat/{County}?signature={signature}&timestamp={ts}&nonce={nonce}",
            new StringContent(xml, Encoding.UTF8, "text/xml"));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await response.Content.ReadAsStringAsync();
        var match = ContentPattern().Match(body);
        return match.Success ? match.Groups[1].Value : body;
    }

    [GeneratedRegex(@"<Content><!\[CDATA\[(.*?)\]\]></Content>", RegexOptions.Singleline)]
    private static partial Regex ContentPattern();

    public async ValueTask DisposeAsync()
    {
        await Service.DisposeAsync();
        await WeCom.DisposeAsync();
        try
        {
            Directory.Delete(Path.GetDirectoryName(PacksDirectory)!, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}
