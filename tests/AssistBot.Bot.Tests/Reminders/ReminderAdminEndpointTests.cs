using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using AssistBot.Bot.Tests.Infrastructure;

namespace AssistBot.Bot.Tests.Reminders;

/// <summary>The admin API over real Kestrel-less hosting (TestServer): API key, loan import, preview, outbox counts.</summary>
public sealed class ReminderAdminEndpointTests : IDisposable
{
    private readonly AssistBotFactory _factory = new(new Dictionary<string, string?>
    {
        ["Admin:ApiKey"] = "test-admin-key",
        ["Reminders:Enabled"] = "false",
        ["DataProtection:Key"] = Convert.ToBase64String(Enumerable.Range(1, 32).Select(i => (byte)i).ToArray()),
    });

    private HttpClient Client(string? key = "test-admin-key")
    {
        var client = _factory.CreateClient();
        if (key is not null) client.DefaultRequestHeaders.Add("X-Api-Key", key);
        return client;
    }

    [Fact]
    public async Task Without_the_api_key_the_admin_api_refuses()
    {
        Assert.Equal(HttpStatusCode.Unauthorized, (await Client(null).GetAsync("/admin/reminders/outbox")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await Client("wrong").GetAsync("/admin/reminders/outbox")).StatusCode);
    }

    [Fact]
    public async Task Import_then_preview_then_outbox_counts()
    {
        var client = Client();
        var csv = await File.ReadAllTextAsync(ReminderWorld.DataFile("xinfeng-loans.csv"));
        var import = await client.PostAsync("/admin/xinfeng/loans/import", new StringContent(csv, Encoding.UTF8, "text/csv"));
        Assert.Equal(HttpStatusCode.OK, import.StatusCode);
        var result = (await import.Content.ReadFromJsonAsync<JsonObject>())!;
        Assert.Equal(4, result["created"]!.GetValue<int>());
        Assert.Equal([4, 7], result["errors"]!.AsArray().Select(e => e!["line"]!.GetValue<int>()));

        var preview = await client.GetFromJsonAsync<JsonArray>("/admin/xinfeng/reminders/preview?from=2024-05-24&days=1");
        // No roster in this host: the file's 帮扶责任人 are WeCom accounts, so the unbound borrower's prompt goes to the cadre.
        var line = Assert.Single(preview!);
        Assert.Equal(("2024-05-24T09:00:00+08:00", "loan-repayment", "7d", "XF2024001", "wecom"),
            (line!["due"]!.GetValue<string>(), line["kind"]!.GetValue<string>(), line["stage"]!.GetValue<string>(),
             line["subject"]!.GetValue<string>(), line["channel"]!.GetValue<string>()));

        Assert.Equal(HttpStatusCode.BadRequest, (await client.GetAsync("/admin/xinfeng/reminders/preview?from=24-05-2024")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/admin/nowhere/reminders/preview?from=2024-05-01")).StatusCode);

        var outbox = (await client.GetFromJsonAsync<JsonObject>("/admin/reminders/outbox?status=failed"))!;
        Assert.Equal(0, outbox["counts"]!["sent"]!.GetValue<long>());
        Assert.Equal("failed", outbox["status"]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.BadRequest, (await client.GetAsync("/admin/reminders/outbox?status=lost")).StatusCode);
    }

    [Fact]
    public async Task Not_reached_without_a_day_lists_today_and_a_malformed_day_is_a_400_in_chinese()
    {
        var client = Client();

        var today = await client.GetAsync("/admin/xinfeng/reminders/not-reached");
        Assert.Equal(HttpStatusCode.OK, today.StatusCode);
        Assert.Empty((await today.Content.ReadFromJsonAsync<JsonArray>())!);

        var malformed = await client.GetAsync("/admin/xinfeng/reminders/not-reached?day=06-12-2026");
        Assert.Equal(HttpStatusCode.BadRequest, malformed.StatusCode);
        Assert.Contains("不填就是今天", await malformed.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task A_csv_without_the_header_is_a_400_with_a_chinese_reason()
    {
        var response = await Client().PostAsync("/admin/xinfeng/loans/import", new StringContent("a,b\n1,2", Encoding.UTF8, "text/csv"));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("表头缺少", await response.Content.ReadAsStringAsync());
    }

    public void Dispose() => _factory.Dispose();
}
