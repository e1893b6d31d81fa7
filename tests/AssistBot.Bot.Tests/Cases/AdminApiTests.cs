using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using AssistBot.Bot.Cases;
using AssistBot.Bot.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace AssistBot.Bot.Tests.Cases;

public sealed class AdminApiTests
{
    private const string Key = "test-admin-key-0123456789";

    private static AssistBotFactory Host(string apiKey) => new(new Dictionary<string, string?> { ["Admin:ApiKey"] = apiKey });

    private static HttpRequestMessage Post(string path, string csv, string? key)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = new StringContent(csv, Encoding.UTF8, "text/csv") };
        if (key is not null) request.Headers.Add("X-Api-Key", key);
        return request;
    }

    private static HttpRequestMessage Get(string path, string? key)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, path);
        if (key is not null) request.Headers.Add("X-Api-Key", key);
        return request;
    }

    [Fact]
    public async Task Admin_endpoints_are_404_when_no_key_is_configured()
    {
        await using var host = Host("");
        var client = host.CreateClient();
        Assert.Equal(HttpStatusCode.NotFound, (await client.SendAsync(Get("/admin/xinfeng/declarations.csv", "anything"))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.SendAsync(Post("/admin/xinfeng/import/roster", "a", null))).StatusCode);
    }

    [Fact]
    public async Task Admin_endpoints_are_401_without_the_right_key()
    {
        await using var host = Host(Key);
        var client = host.CreateClient();
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.SendAsync(Get("/admin/xinfeng/declarations.csv", null))).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.SendAsync(Get("/admin/xinfeng/declarations.csv", Key + "x"))).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.SendAsync(Post("/admin/xinfeng/import/roster", "x", "wrong"))).StatusCode);
    }

    [Fact]
    public async Task Import_over_http_reports_bad_lines_and_export_masks_personal_data_unless_asked()
    {
        await using var host = Host(Key);
        var client = host.CreateClient();

        var import = await client.SendAsync(Post("/admin/xinfeng/import/roster",
            "企业微信账号,姓名,职务,乡镇,村\nliucun,刘村干,村支书,大塘埠,代屋村\n,无账号,,大塘埠,\n", Key));
        Assert.Equal(HttpStatusCode.OK, import.StatusCode);
        var report = await import.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(1, report.GetProperty("created").GetInt32());
        Assert.Equal(3, report.GetProperty("errors")[0].GetProperty("line").GetInt32());

        var id = TestIds.Valid();
        var services = host.Services;
        var declaration = (await services.GetRequiredService<DeclarationStore>().SubmitAsync("xinfeng", "wechat", "o_admin",
            CaseWorld.Submission(id), services.GetRequiredService<CountyCaseData>().Get("xinfeng").Rules)).Declaration;
        var day = declaration.SubmittedAt.ToChina().ToString("yyyy-MM-dd");
        var next = declaration.SubmittedAt.ToChina().AddDays(1).ToString("yyyy-MM-dd");

        var masked = await (await client.SendAsync(Get($"/admin/xinfeng/declarations.csv?from={day}&to={next}", Key))).Content.ReadAsStringAsync();
        Assert.StartsWith("编号,提交时间", masked.TrimStart('\uFEFF'));
        Assert.Contains(declaration.Id, masked);
        Assert.Contains(id[..6] + "********" + id[^4..], masked);
        Assert.DoesNotContain(id, masked);
        Assert.DoesNotContain("13912345678", masked);

        var full = await (await client.SendAsync(Get($"/admin/xinfeng/declarations.csv?from={day}&to={next}&personalData=full", Key))).Content.ReadAsStringAsync();
        Assert.Contains(id, full);
        Assert.Contains("13912345678", full);

        var one = await client.SendAsync(Get($"/admin/xinfeng/declarations/{declaration.Id}", Key));
        var json = await one.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, one.StatusCode);
        Assert.DoesNotContain(id, json);
        Assert.Contains("139****5678", json);
        Assert.Equal(HttpStatusCode.NotFound, (await client.SendAsync(Get("/admin/xinfeng/declarations/XF-20000101-0001", Key))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.SendAsync(Get("/admin/nowhere/declarations.csv", Key))).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await client.SendAsync(Get("/admin/xinfeng/declarations.csv?from=yesterday", Key))).StatusCode);
    }
}
