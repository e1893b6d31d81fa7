using System.Text;
using AssistBot.Knowledge.Answering;
using AssistBot.Knowledge.Packs;
using Microsoft.Playwright;
using Xunit.Abstractions;

namespace AssistBot.Web.Tests;

/// <summary>
/// Replies stay short on a phone in 长辈模式 (issue 20, item 4). Every policy reply a farmer gets first — each
/// entry's answer and its "怎么办理" reply, as the bot composes them (county prefix, text, source line) — is laid out
/// by the real page in a real Chromium, and none may need more than two screens.
/// <para>A screen: the conversation area of the chat page in elder mode on a 360 × 640 CSS px phone (the page's
/// header and input box take the rest), measured, not estimated. Long explanations belong in the entry's
/// <c>detail</c> ("详细说说"), which is listed in the report but not limited.</para>
/// Writes TestResults/answer-lengths.txt (every reply's height in screens).
/// </summary>
public sealed class AnswerLengthBrowserTests(ITestOutputHelper log) : IAsyncLifetime
{
    private const int PhoneWidth = 360, PhoneHeight = 640;
    private const double MaxScreens = 2;

    private readonly LiveService _service = new();
    private IPlaywright _playwright = null!;
    private IBrowser _browser = null!;

    public async Task InitializeAsync()
    {
        _playwright = await Playwright.CreateAsync();
        _browser = await HeadlessChromium.LaunchAsync(_playwright);
    }

    public async Task DisposeAsync()
    {
        await _browser.DisposeAsync();
        _playwright.Dispose();
        await _service.DisposeAsync();
    }

    [Fact]
    public async Task No_pack_answer_needs_more_than_two_screens_at_elder_size()
    {
        var replies = Replies();
        Assert.True(replies.Count(r => r.Kind == "answer") >= 60, "the packs were not read");

        var page = await (await HeadlessChromium.PhoneAsync(_browser, PhoneWidth, PhoneHeight)).NewPageAsync();
        await page.GotoAsync(_service.BaseUrl + "/chat/xinfeng?elder=1");
        await page.Locator(".msg-bot .msg-bubble").First.WaitForAsync(new() { Timeout = 15000 });
        var screen = await page.Locator("#scroll").EvaluateAsync<double>("e => e.clientHeight");
        Assert.InRange(screen, 300, PhoneHeight); // header and input box take part of the phone

        // Each reply as a bot message of the real page (same elements, same styles), measured with its margins.
        var heights = await page.EvaluateAsync<double[]>("""
            texts => {
              const list = document.getElementById('messages');
              return texts.map(text => {
                const item = document.createElement('li');
                item.className = 'msg msg-bot';
                const bubble = document.createElement('div');
                bubble.className = 'msg-bubble';
                bubble.textContent = text;
                const speak = document.createElement('button');
                speak.className = 'msg-speak';
                speak.textContent = '读给我听';
                item.append(bubble, speak);
                list.appendChild(item);
                const style = getComputedStyle(item);
                const height = item.getBoundingClientRect().height + parseFloat(style.marginTop) + parseFloat(style.marginBottom);
                item.remove();
                return height;
              });
            }
            """, replies.Select(r => r.Text).ToArray());

        var measured = replies.Zip(heights, (r, h) => (Reply: r, Screens: h / screen)).OrderByDescending(m => m.Screens).ToList();
        var report = new StringBuilder()
            .AppendLine($"screen = conversation area on a {PhoneWidth}x{PhoneHeight} CSS px phone in elder mode: {screen:0} px")
            .AppendLine("screens  kind    entry");
        foreach (var (reply, screens) in measured) report.AppendLine($"{screens,6:0.00}  {reply.Kind,-7} {reply.Where}");
        var path = RepositoryPaths.Output("answer-lengths.txt");
        await File.WriteAllTextAsync(path, report.ToString());
        foreach (var (reply, screens) in measured.Take(8)) log.WriteLine($"{screens:0.00} screens  {reply.Kind} {reply.Where}");
        log.WriteLine($"{measured.Count} replies, screen {screen:0} px; full list in {path}");

        var tooLong = measured.Where(m => m.Reply.Kind != "detail" && m.Screens > MaxScreens)
            .Select(m => $"{m.Reply.Where} ({m.Reply.Kind}): {m.Screens:0.00} screens").ToList();
        Assert.True(tooLong.Count == 0, "Replies longer than two screens at elder size (move details to `detail`):\n"
            + string.Join("\n", tooLong));
    }

    private sealed record Reply(string Where, string Kind, string Text);

    /// <summary>Every first reply of every county (national entries through each county), composed like the bot does.</summary>
    private static List<Reply> Replies()
    {
        var loaded = PackLoader.LoadAll(Path.Combine(RepositoryPaths.Root, "knowledge", "data", "packs"));
        Assert.False(loaded.HasErrors, string.Join("\n", loaded.Issues));
        var snapshot = KnowledgeSnapshot.Build(loaded.Packs, DateTimeOffset.UnixEpoch);
        var replies = new Dictionary<string, Reply>(StringComparer.Ordinal);
        foreach (var pack in loaded.Packs.Where(p => p.Id != KnowledgePack.NationalId))
        {
            Assert.True(snapshot.TryGet(pack.Id, out var county));
            foreach (var entry in county.Index.Entries)
            {
                var prefix = county.CountyPrefixFor(entry);
                var where = $"{entry.Id} ({entry.Origin})";
                Add(where, "answer", PolicyTexts.Compose(prefix, entry.Answer, entry.Source));
                if (entry.How is { } how) Add(where, "how", PolicyTexts.Compose(prefix, PolicyTexts.HowLead + how, entry.Source));
                if (entry.Detail is { } detail) Add(where, "detail", PolicyTexts.Compose(prefix, detail, entry.Source));
            }
        }
        return replies.Values.ToList();

        void Add(string where, string kind, string text) => replies.TryAdd(text, new Reply(where, kind, text));
    }
}
