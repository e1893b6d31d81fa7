using StackExchange.Redis;

namespace AssistBot.Bot.Storage;

/// <summary>
/// <see cref="IStorage"/> on Redis: documents are hashes {e: etag, d: json}, conditional writes run as one Lua
/// script so the ETag check and the write are atomic, and every key carries the <c>assistbot:</c> prefix.
/// </summary>
public sealed class RedisStorage : IStorage
{
    private const string Prefix = "assistbot:";

    // ARGV: mode (0 always, 1 if-not-exists, 2 if-match), expected etag, new etag, data, ttl ms (0 = none)
    private const string WriteScript = """
        local cur = redis.call('HGET', KEYS[1], 'e')
        if ARGV[1] == '1' and cur then return 0 end
        if ARGV[1] == '2' and cur ~= ARGV[2] then return 0 end
        redis.call('HSET', KEYS[1], 'e', ARGV[3], 'd', ARGV[4])
        if ARGV[5] ~= '0' then redis.call('PEXPIRE', KEYS[1], ARGV[5]) else redis.call('PERSIST', KEYS[1]) end
        return 1
        """;

    private const string IncrementScript = """
        local v = redis.call('INCRBY', KEYS[1], ARGV[1])
        if ARGV[2] ~= '0' and redis.call('PTTL', KEYS[1]) < 0 then redis.call('PEXPIRE', KEYS[1], ARGV[2]) end
        return v
        """;

    private static readonly RedisValue[] DocumentFields = ["e", "d"];
    private readonly IConnectionMultiplexer _connection;

    public RedisStorage(IConnectionMultiplexer connection)
    {
        _connection = connection;
        Description = $"redis {string.Join(",", connection.GetEndPoints().Select(e => e.ToString()))}";
    }

    public string Description { get; }

    private IDatabase Db => _connection.GetDatabase();

    private static RedisKey Doc(string key) => Prefix + "doc:" + key;
    private static RedisKey Claim(string key) => Prefix + "claim:" + key;
    private static RedisKey Counter(string key) => Prefix + "ctr:" + key;
    private static RedisKey Index(string index) => Prefix + "idx:" + index;

    public async ValueTask<StoreItem<T>?> ReadAsync<T>(string key, CancellationToken cancellationToken = default)
    {
        var values = await Run(Db.HashGetAsync(Doc(key), DocumentFields)).ConfigureAwait(false);
        if (values[0].IsNull || values[1].IsNull) return null;
        return new StoreItem<T>(StorageJson.Deserialize<T>((byte[])values[1]!), values[0].ToString());
    }

    public async ValueTask<string> WriteAsync<T>(string key, T value, WriteCondition condition, TimeSpan? timeToLive = null,
        CancellationToken cancellationToken = default)
    {
        var eTag = ETags.New();
        var mode = condition.Kind switch
        {
            WriteConditionKind.IfNotExists => "1",
            WriteConditionKind.IfMatch => "2",
            _ => "0",
        };
        var ttl = timeToLive is { } t ? Math.Max(1, (long)t.TotalMilliseconds) : 0;
        var result = await Run(Db.ScriptEvaluateAsync(WriteScript, [Doc(key)],
            [mode, condition.ETag ?? "", eTag, StorageJson.Serialize(value), ttl])).ConfigureAwait(false);
        if ((long)result != 1) throw new StorageConflictException(key, condition);
        return eTag;
    }

    public async ValueTask<bool> DeleteAsync(string key, CancellationToken cancellationToken = default) =>
        await Run(Db.KeyDeleteAsync(Doc(key))).ConfigureAwait(false);

    public async ValueTask<bool> TryClaimAsync(string key, TimeSpan timeToLive, CancellationToken cancellationToken = default) =>
        await Run(Db.StringSetAsync(Claim(key), 1, timeToLive, When.NotExists)).ConfigureAwait(false);

    public async ValueTask ReleaseClaimAsync(string key, CancellationToken cancellationToken = default) =>
        await Run(Db.KeyDeleteAsync(Claim(key))).ConfigureAwait(false);

    // A claim's value is "1" while held; a recorded result is stored as "=" + result, so "" is a result too.
    private const char ResultMarker = '=';

    public async ValueTask<bool> SetClaimResultAsync(string key, string result, CancellationToken cancellationToken = default) =>
        await Run(Db.StringSetAsync(Claim(key), ResultMarker + result, null, keepTtl: true, When.Exists)).ConfigureAwait(false);

    public async ValueTask<string?> ReadClaimResultAsync(string key, CancellationToken cancellationToken = default)
    {
        var value = await Run(Db.StringGetAsync(Claim(key))).ConfigureAwait(false);
        return value.IsNull || value.ToString() is not [ResultMarker, ..] stored ? null : stored[1..];
    }

    public async ValueTask<long> IncrementAsync(string key, long by = 1, TimeSpan? timeToLive = null,
        CancellationToken cancellationToken = default)
    {
        if (timeToLive is null) return await Run(Db.StringIncrementAsync(Counter(key), by)).ConfigureAwait(false);
        var ttl = Math.Max(1, (long)timeToLive.Value.TotalMilliseconds);
        return (long)await Run(Db.ScriptEvaluateAsync(IncrementScript, [Counter(key)], [by, ttl])).ConfigureAwait(false);
    }

    public async ValueTask IndexAddAsync(string index, string member, double score, CancellationToken cancellationToken = default) =>
        await Run(Db.SortedSetAddAsync(Index(index), member, score)).ConfigureAwait(false);

    public async ValueTask<bool> IndexRemoveAsync(string index, string member, CancellationToken cancellationToken = default) =>
        await Run(Db.SortedSetRemoveAsync(Index(index), member)).ConfigureAwait(false);

    public async ValueTask<IReadOnlyList<IndexEntry>> IndexRangeByScoreAsync(string index, double minScore, double maxScore,
        int skip = 0, int take = 100, CancellationToken cancellationToken = default)
    {
        var entries = await Run(Db.SortedSetRangeByScoreWithScoresAsync(Index(index), minScore, maxScore,
            Exclude.None, Order.Ascending, skip, take)).ConfigureAwait(false);
        var result = new IndexEntry[entries.Length];
        for (var i = 0; i < entries.Length; i++) result[i] = new IndexEntry(entries[i].Element!, entries[i].Score);
        return result;
    }

    public async ValueTask<double?> IndexScoreAsync(string index, string member, CancellationToken cancellationToken = default) =>
        await Run(Db.SortedSetScoreAsync(Index(index), member)).ConfigureAwait(false);

    public async ValueTask PingAsync(CancellationToken cancellationToken = default) =>
        await Run(Db.PingAsync()).WaitAsync(TimeSpan.FromSeconds(2), cancellationToken).ConfigureAwait(false);

    private static async Task<TResult> Run<TResult>(Task<TResult> operation)
    {
        try
        {
            return await operation.ConfigureAwait(false);
        }
        catch (Exception e) when (e is RedisConnectionException or RedisTimeoutException)
        {
            throw new StorageUnavailableException("Redis is unreachable: " + e.Message, e);
        }
    }
}
