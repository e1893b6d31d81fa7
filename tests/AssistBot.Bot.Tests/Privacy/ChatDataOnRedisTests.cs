using System.Net;
using AssistBot.Bot.Cases;
using AssistBot.Bot.Tests.Cases;
using AssistBot.Bot.Tests.Infrastructure;
using AssistBot.Bot.Tests.WeChat;
using Microsoft.Extensions.DependencyInjection;
using StackExchange.Redis;

namespace AssistBot.Bot.Tests.Privacy;

/// <summary>The real service on Redis: masked personal data in what WeChat users type, exports, and expiring chat data.</summary>
[Collection(SharedRedisCollection.Name)]
public sealed class ChatDataOnRedisTests(SharedRedis redis)
{
    private const string AdminKey = "chat-data-admin-key";

    private WeChatTestHost NewHost() => new(redis, settings: new Dictionary<string, string?>
    {
        ["Admin:ApiKey"] = AdminKey,
        ["WeChat:RateLimitMessages"] = "1000",
    }, useTestBot: false);

    /// <summary>Every value under every key that mentions one of <paramref name="fragments"/>, as text.</summary>
    private async Task<(List<string> Keys, string Values)> StoredAsync(params string[] fragments)
    {
        var db = redis.Connection.GetDatabase();
        var keys = new List<string>();
        var values = new System.Text.StringBuilder();
        foreach (var endpoint in redis.Connection.GetEndPoints())
            foreach (var fragment in fragments)
                await foreach (var key in redis.Connection.GetServer(endpoint).KeysAsync(pattern: "*" + fragment + "*"))
                {
                    keys.Add(key.ToString());
                    switch (await db.KeyTypeAsync(key))
                    {
                        case RedisType.String: values.AppendLine(await db.StringGetAsync(key)); break;
                        case RedisType.Hash: foreach (var e in await db.HashGetAllAsync(key)) values.AppendLine(e.Value); break;
                        case RedisType.SortedSet: foreach (var m in await db.SortedSetRangeByRankAsync(key)) values.AppendLine(m); break;
                    }
                }
        return (keys, values.ToString());
    }

    [Fact]
    public async Task A_message_with_an_id_and_a_phone_is_never_stored_cached_or_answered_in_full()
    {
        await using var host = NewHost();
        var platform = new WeChatPlatform(host.CreateClient());
        var openId = WeChatPlatform.NewOpenId();
        var id = TestIds.Valid();
        var phone = "139" + Random.Shared.Next(10_000_000, 99_999_999);
        var msgId = WeChatPlatform.NewMsgId();
        var xml = WeChatPlatform.TextXml(openId, $"我身份证{id}，电话{phone[..3]} {phone[3..7]} {phone[7..]}，低保怎么申请", msgId);

        var first = await (await platform.PostOaPlainAsync(xml)).Content.ReadAsStringAsync();
        // WeChat's retry of the same message is answered from the cached reply.
        var retry = await (await platform.PostOaPlainAsync(xml)).Content.ReadAsStringAsync();

        var (keys, values) = await StoredAsync(openId, msgId);
        Assert.Contains(keys, k => k.Contains(":claim:", StringComparison.Ordinal)); // the retry cache was written
        var everything = first + retry + values;
        Assert.DoesNotContain(id, everything);
        Assert.DoesNotContain(id[..14], everything);
        Assert.DoesNotContain(phone, everything);
        Assert.DoesNotContain(phone[3..7] + " " + phone[7..], everything);
    }

    [Fact]
    public async Task Exports_in_masked_mode_mask_numbers_inside_the_situation_text_too()
    {
        await using var host = NewHost();
        var client = host.CreateClient();
        var id = TestIds.Valid();
        var phone = "158" + Random.Shared.Next(10_000_000, 99_999_999);
        // A record written before masking existed (or by any other writer) still has them in its free text.
        var storage = host.Services.GetRequiredService<AssistBot.Bot.Storage.IStorage>();
        var declaration = (await host.Services.GetRequiredService<DeclarationStore>().SubmitAsync("xinfeng", "wechat", "o_export",
            CaseWorld.Submission(id), host.Services.GetRequiredService<CountyCaseData>().Get("xinfeng").Rules)).Declaration;
        await storage.WriteAsync(CaseKeys.Declaration("xinfeng", declaration.Id),
            declaration with { Description = $"儿子电话{phone}，身份证{id}" }, AssistBot.Bot.Storage.WriteCondition.Always);

        var json = await GetAsync(client, $"/admin/xinfeng/declarations/{declaration.Id}");
        var day = declaration.SubmittedAt.ToChina().ToString("yyyy-MM-dd");
        var next = declaration.SubmittedAt.ToChina().AddDays(1).ToString("yyyy-MM-dd");
        var csv = await GetAsync(client, $"/admin/xinfeng/declarations.csv?from={day}&to={next}");

        foreach (var export in new[] { json, csv })
        {
            Assert.Contains(declaration.Id, export);
            Assert.Contains($"{phone[..3]}****{phone[^4..]}", export);
            Assert.DoesNotContain(phone, export);
            Assert.DoesNotContain(id, export);
        }
    }

    [Fact]
    public async Task Chat_state_on_redis_carries_the_retention_period_as_its_time_to_live()
    {
        await using var host = NewHost();
        var platform = new WeChatPlatform(host.CreateClient());
        var openId = WeChatPlatform.NewOpenId();
        Assert.Equal(HttpStatusCode.OK, (await platform.PostOaPlainAsync(WeChatPlatform.EventXml(openId, "subscribe"))).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await platform.PostOaPlainAsync(WeChatPlatform.TextXml(openId, "低保怎么申请"))).StatusCode);

        var db = redis.Connection.GetDatabase();
        var (keys, _) = await StoredAsync(openId);
        var documents = keys.Where(k => k.Contains(":doc:", StringComparison.Ordinal)).ToList();
        Assert.Contains(documents, k => k.Contains("/conversations/", StringComparison.Ordinal));
        Assert.Contains(documents, k => k.Contains("wechat/users/xinfeng/", StringComparison.Ordinal));
        foreach (var key in documents)
        {
            var ttl = await db.KeyTimeToLiveAsync(key);
            Assert.True(ttl is { } t && t > TimeSpan.FromDays(179) && t <= TimeSpan.FromDays(180), $"{key}: {ttl}");
        }
    }

    private static async Task<string> GetAsync(HttpClient client, string path)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.Add("X-Api-Key", AdminKey);
        var response = await client.SendAsync(request);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadAsStringAsync();
    }
}
