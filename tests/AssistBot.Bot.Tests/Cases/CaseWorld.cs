using System.Security.Cryptography;
using AssistBot.Bot.Cases;
using AssistBot.Bot.Cases.Cadres;
using AssistBot.Bot.Cases.Import;
using AssistBot.Bot.Storage;
using AssistBot.Bot.Tests.Infrastructure;
using AssistBot.Scheduler.Outbox;
using Microsoft.Extensions.Time.Testing;

namespace AssistBot.Bot.Tests.Cases;

/// <summary>
/// The case services from the service's composition root (<see cref="TestServiceHost"/>) over a real storage backend,
/// with two counties whose ids are unique per world (so worlds sharing one Redis never see each other's records):
/// <see cref="Xinfeng"/> (pack xinfeng-2024) and <see cref="Yuzhou"/> (pack yuzhou-2023); the outbox in its own keyspace.
/// </summary>
public sealed class CaseWorld : IDisposable
{
    private readonly TestServiceHost _host;

    public CaseWorld(IStorage storage, DateTimeOffset? now = null, IWriteReplication? replication = null)
    {
        var suffix = Guid.NewGuid().ToString("N")[..8];
        Xinfeng = "xf" + suffix;
        Yuzhou = "yz" + suffix;
        Clock = new FakeTimeProvider(now ?? new DateTimeOffset(2024, 5, 15, 9, 30, 0, ChinaTime.Offset));
        _host = TestServiceHost.Build(new Dictionary<string, string?>
        {
            [$"Counties:{Xinfeng}:Name"] = "信丰县",
            [$"Counties:{Xinfeng}:Pack"] = "xinfeng-2024",
            [$"Counties:{Yuzhou}:Name"] = "禹州市",
            [$"Counties:{Yuzhou}:Pack"] = "yuzhou-2023",
            ["DataProtection:Key"] = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)),
        }, services =>
        {
            TestServiceHost.UseStorage(services, storage);
            TestServiceHost.UseClock(services, Clock);
            if (replication is not null) TestServiceHost.Use(services, replication);
            TestServiceHost.Use<IOutbox>(services, sp => new StorageOutbox(storage, storage, storage, storage, Clock, "test-outbox-" + suffix));
        });
    }

    public string Xinfeng { get; }

    public string Yuzhou { get; }

    public FakeTimeProvider Clock { get; }

    public T Get<T>() where T : notnull => _host.Get<T>();

    public DeclarationStore Declarations => Get<DeclarationStore>();

    public CadreCommandHandler Cadres => Get<CadreCommandHandler>();

    public CaseImporter Importer => Get<CaseImporter>();

    public CountyCases County(string id) => Get<CountyCaseData>().Get(id);

    /// <summary>Everything in the outbox so far.</summary>
    public async Task<IReadOnlyList<OutboxMessage>> OutboxAsync() =>
        (await Get<IOutbox>().ListAsync(OutboxStatus.Pending, 0, 1000)).Select(e => e.Message).ToList();

    public async Task<Declaration> SubmitAsync(string county, string userId = "o_farmer", string? idNumber = null,
        string township = "大塘埠镇", string village = "代屋村")
    {
        var result = await Declarations.SubmitAsync(county, "wechat", userId, Submission(idNumber ?? TestIds.Valid(), township, village),
            County(county).Rules);
        return result.Declaration;
    }

    public static DeclarationSubmission Submission(string? idNumber, string township = "大塘埠镇", string village = "代屋村") =>
        new("张三", idNumber, "13912345678", township, village, 4, [HardshipType.Illness, HardshipType.Housing],
            "去年住院花了6万多，房子也漏雨", 6500m);

    public void Dispose() => _host.Dispose();
}

/// <summary>Synthetic, valid 身份证号 (correct GB 11643 check character) — not real people.</summary>
public static class TestIds
{
    private static int _sequence;

    /// <summary>A fresh valid number in 信丰 (360722), born 1975-03-12.</summary>
    public static string Valid(string region = "360722", string birth = "19750312")
    {
        var seq = (Interlocked.Increment(ref _sequence) % 999 + 1).ToString("D3");
        var first17 = region + birth + seq;
        return first17 + IdNumber.CheckCharacter(first17);
    }

    public static string WithWrongCheck(string valid)
    {
        var wrong = valid[17] == '0' ? '1' : '0';
        return valid[..17] + wrong;
    }
}
