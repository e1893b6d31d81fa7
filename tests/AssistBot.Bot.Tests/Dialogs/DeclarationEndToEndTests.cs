using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;
using AssistBot.Bot.Tests.Cases;
using AssistBot.Bot.Tests.Infrastructure;
using AssistBot.Bot.Tests.WeChat;
using AssistBot.Scheduler.Outbox;
using Microsoft.Extensions.DependencyInjection;
using Xunit.Abstractions;

namespace AssistBot.Bot.Tests.Dialogs;

/// <summary>
/// The issue's "done when", over the real service: a farmer declares on /wechat/xinfeng (plain mode) with an
/// invalid ID refused, a policy question mid-form and a correction, across a service restart; 查进度 shows it; a
/// cadre on /wecom/xinfeng (encrypted) moves it 受理 → 核实 → 纳入 with a notice to the farmer each time, and a
/// cadre of another township can neither list nor open it. No reply contains the full ID number or phone.
/// </summary>
[Collection(SharedRedisCollection.Name)]
public sealed class DeclarationEndToEndTests(SharedRedis redis, ITestOutputHelper output)
{
    private const string AdminKey = "e2e-admin-key";
    private readonly string _dataKey = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));
    private readonly string _run = Guid.NewGuid().ToString("N")[..8];
    private readonly List<string> _everything = [];

    private WeChatTestHost NewHost() => new(redis, settings: new Dictionary<string, string?>
    {
        ["DataProtection:Key"] = _dataKey,
        ["Admin:ApiKey"] = AdminKey,
        ["WeChat:RateLimitMessages"] = "1000",
    }, useTestBot: false);

    private async Task<string> FarmerAsync(WeChatPlatform platform, string openId, string text)
    {
        var response = await platform.PostOaPlainAsync(WeChatPlatform.TextXml(openId, text));
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, body);
        var reply = body == "success" ? "" : WeChatPlatform.PassiveText(body);
        output.WriteLine($"农户: {text}\n机器人: {reply}\n");
        _everything.Add(reply);
        return reply;
    }

    private async Task<string> CadreAsync(WeChatPlatform platform, string userId, string text)
    {
        var xml = $"<xml><ToUserName><![CDATA[{TestAccounts.CorpId}]]></ToUserName><FromUserName><![CDATA[{userId}]]></FromUserName>" +
                  $"<CreateTime>{WeChatPlatform.Now()}</CreateTime><MsgType><![CDATA[text]]></MsgType><Content><![CDATA[{text}]]></Content>" +
                  $"<MsgId>{WeChatPlatform.NewMsgId()}</MsgId><AgentID>{TestAccounts.AgentId}</AgentID></xml>";
        var response = await platform.PostWeComAsync(xml);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, body);
        var reply = body == "success" ? "" : WeChatPlatform.DecryptReply(body, TestAccounts.WeComToken, TestAccounts.WeComAesKey, TestAccounts.CorpId).Element("Content")!.Value;
        output.WriteLine($"干部 {userId}: {text}\n机器人: {reply}\n");
        _everything.Add(reply);
        return reply;
    }

    [Fact]
    public async Task Declare_on_wechat_across_a_restart_then_a_cadre_moves_it_through_on_wecom()
    {
        var openId = WeChatPlatform.NewOpenId();
        var id = TestIds.Valid();
        var village = $"试验{_run}村";
        var villageCadre = $"cun{_run}";
        var otherCadre = $"gupo{_run}";

        var host = NewHost();
        var platform = new WeChatPlatform(host.CreateClient());

        // The county imports its roster through the admin API.
        using (var request = new HttpRequestMessage(HttpMethod.Post, "/admin/xinfeng/import/roster"))
        {
            request.Headers.Add("X-Api-Key", AdminKey);
            request.Content = new StringContent($"企业微信账号,姓名,职务,乡镇,村\n{villageCadre},刘村干,村支书,大塘埠,{village}\n{otherCadre},陈干部,乡镇干部,古陂镇,\n",
                Encoding.UTF8, new MediaTypeHeaderValue("text/csv"));
            var import = await host.CreateClient().SendAsync(request);
            Assert.Equal(System.Net.HttpStatusCode.OK, import.StatusCode);
        }

        Assert.Contains("现在开始吗", await FarmerAsync(platform, openId, "我要申报"));
        Assert.Contains("您同意吗", await FarmerAsync(platform, openId, "1"));
        Assert.Contains("户主姓名", await FarmerAsync(platform, openId, "同意"));
        Assert.Contains("身份证号", await FarmerAsync(platform, openId, "张三"));
        Assert.Contains("校验不通过", await FarmerAsync(platform, openId, TestIds.WithWrongCheck(id)));
        var question = await FarmerAsync(platform, openId, "申报以后要多久才有结果？");
        Assert.Contains("村干部入户核实", question);
        Assert.Contains("身份证号（18位）", question);
        Assert.Contains("联系电话", await FarmerAsync(platform, openId, id));
        Assert.Contains("哪个乡镇", await FarmerAsync(platform, openId, "13912345678"));

        // The service restarts in the middle of the form: a new host over the same Redis and key.
        await host.DisposeAsync();
        host = NewHost();
        platform = new WeChatPlatform(host.CreateClient());

        Assert.Contains("大塘埠镇哪个村", await FarmerAsync(platform, openId, "大塘埠"));
        Assert.Contains("几口人", await FarmerAsync(platform, openId, "代屋村"));
        Assert.Contains("哪类困难", await FarmerAsync(platform, openId, "4"));
        Assert.Contains("说说情况", await FarmerAsync(platform, openId, "1、8"));
        Assert.Contains("纯收入", await FarmerAsync(platform, openId, "老伴住院花了五万多 房子也漏雨"));
        Assert.Contains("请核对", await FarmerAsync(platform, openId, "跳过"));
        Assert.Contains("哪个村", await FarmerAsync(platform, openId, "村写错了"));
        var summary = await FarmerAsync(platform, openId, village);
        Assert.Contains($"住址：大塘埠镇 {village}", summary);
        var submitted = await FarmerAsync(platform, openId, "确认提交");
        var reference = Regex.Match(submitted, @"XF-\d{8}-\d{4}").Value;
        Assert.NotEmpty(reference);

        var status = await FarmerAsync(platform, openId, "查进度");
        Assert.Contains(reference, status);
        Assert.Contains("等待村干部受理", status);

        // Cadres on WeCom.
        var pending = await CadreAsync(platform, villageCadre, "待办");
        Assert.Contains(reference, pending);
        Assert.DoesNotContain(reference, await CadreAsync(platform, otherCadre, "待办"));
        Assert.Contains("没有找到", await CadreAsync(platform, otherCadre, "详情 " + reference));
        Assert.Contains("没有找到", await CadreAsync(platform, otherCadre, "受理 " + reference));
        Assert.Contains("您的企业微信账号还没有登记", await CadreAsync(platform, "stranger" + _run, "待办"));

        Assert.Contains("老伴住院", await CadreAsync(platform, villageCadre, "详情 " + reference));
        Assert.Contains("已受理", await CadreAsync(platform, villageCadre, "受理 " + reference));
        Assert.Contains("核实属实", await CadreAsync(platform, villageCadre, $"核实 {reference} 属实 已入户看过"));
        Assert.Contains("纳入监测", await CadreAsync(platform, villageCadre, "纳入 " + reference));

        Assert.Contains("已纳入防止返贫监测帮扶", await FarmerAsync(platform, openId, "查进度"));

        var outbox = host.Services.GetRequiredService<IOutbox>();
        var messages = new List<OutboxMessage>();
        foreach (var state in Enum.GetValues<OutboxStatus>())
            messages.AddRange((await outbox.ListAsync(state, 0, 1000)).Select(e => e.Message));
        var notices = messages.Where(m => m.Recipient == OutboxRecipient.Farmer(openId)).Select(m => m.Text).ToList();
        Assert.Equal(3, notices.Count);
        Assert.Contains(notices, n => n.Contains("已受理"));
        Assert.Contains(notices, n => n.Contains("情况属实"));
        Assert.Contains(notices, n => n.Contains("已纳入"));
        Assert.Contains(messages, m => m.Recipient == OutboxRecipient.Cadre(villageCadre) && m.Text.Contains(reference));
        Assert.DoesNotContain(messages, m => m.Recipient == OutboxRecipient.Cadre(otherCadre));

        var all = string.Join("\n", _everything.Concat(messages.Select(m => m.Text + m.FallbackText)));
        Assert.DoesNotContain(id, all);
        Assert.DoesNotContain(id[..14], all);
        Assert.DoesNotContain("13912345678", all);

        await host.DisposeAsync();
    }
}
