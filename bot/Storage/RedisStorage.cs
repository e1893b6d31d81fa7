using System.Globalization;
using System.Text;
using StackExchange.Redis;

namespace AssistBot.Bot.Storage;

/// <summary>
/// <see cref="IStorage"/> on Redis: documents are hashes {e: etag, d: json}, conditional writes run as one Lua
/// script so the ETag check and the write are atomic, and every key carries the <c>assistbot:</c> prefix.
/// </summary>
/// <remarks>
/// The same code serves a standalone Redis and a Redis Cluster (StackExchange.Redis routes each command, and each
/// script by its first key, to the node holding the slot; scripts go by EVALSHA and are loaded on a node the first
/// time it answers NOSCRIPT). A script or multi-key command must touch keys of one hash slot only: callers put a hash
/// tag (<c>{...}</c>) in the keys one call touches together, and batches are split here by slot, each part atomic.
/// </remarks>
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

    /// <summary>How many slot groups a large keyspace (the outbox) is spread over on a cluster.</summary>
    public const int ClusterSlotGroups = 16;

    private int _slotGroups;

    /// <summary>1 on a standalone Redis (everything on one node; keys stay as they always were), 16 on a cluster.</summary>
    public int SlotGroups
    {
        get
        {
            if (_slotGroups != 0) return _slotGroups;
            // Known only once connected; guessing "standalone" while a cluster is unreachable would change the keys.
            var servers = _connection.GetServers().Where(s => s.IsConnected).ToList();
            if (servers.Count == 0) throw new StorageUnavailableException("Redis is unreachable: not connected yet", null);
            return _slotGroups = servers.Any(s => s.ServerType == ServerType.Cluster) ? ClusterSlotGroups : 1;
        }
    }

    /// <summary>
    /// Splits a batch by hash slot (one part on a standalone Redis), keeping the order of the items within each part.
    /// </summary>
    private List<List<int>> BySlot(int count, Func<int, RedisKey> keyOf)
    {
        var parts = new Dictionary<int, List<int>>();
        for (var i = 0; i < count; i++)
        {
            var slot = _connection.HashSlot(keyOf(i));
            if (!parts.TryGetValue(slot, out var part)) parts[slot] = part = [];
            part.Add(i);
        }
        return [.. parts.Values];
    }

    private IDatabase Db => _connection.GetDatabase();

    private static RedisKey Doc(string key) => Prefix + "doc:" + key;
    private static RedisKey Claim(string key) => Prefix + "claim:" + key;
    private static RedisKey Counter(string key) => Prefix + "ctr:" + key;
    private static RedisKey Index(string index) => Prefix + "idx:" + index;

    // The Redis keys behind a document, index and counter name, for RedisWriteReplication's WAIT routing.
    internal static RedisKey DocumentKey(string key) => Doc(key);
    internal static RedisKey IndexKey(string index) => Index(index);
    internal static RedisKey CounterKey(string key) => Counter(key);

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

    // KEYS: claim, guard; ARGV: claim ttl ms, guard value, guard ttl ms. Returns 0 claimed, 1 already claimed, 2 guard mismatch.
    private const string GuardedClaimScript = """
        local g = redis.call('GET', KEYS[2])
        if g and g ~= ARGV[2] then return 2 end
        if not g then redis.call('SET', KEYS[2], ARGV[2], 'PX', ARGV[3]) end
        if redis.call('SET', KEYS[1], '1', 'PX', ARGV[1], 'NX') then return 0 end
        return 1
        """;

    public async ValueTask<ClaimOutcome> TryClaimGuardedAsync(string key, TimeSpan timeToLive, ClaimGuard guard,
        CancellationToken cancellationToken = default)
    {
        var result = await Run(Db.ScriptEvaluateAsync(GuardedClaimScript, [Claim(key), Claim(guard.Key)],
            [Math.Max(1, (long)timeToLive.TotalMilliseconds), guard.Value, Math.Max(1, (long)guard.TimeToLive.TotalMilliseconds)]))
            .ConfigureAwait(false);
        return (long)result switch
        {
            0 => ClaimOutcome.Claimed,
            1 => ClaimOutcome.AlreadyClaimed,
            _ => ClaimOutcome.GuardMismatch,
        };
    }

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

    public async ValueTask<long> IndexRemoveRangeByScoreAsync(string index, double minScore, double maxScore,
        CancellationToken cancellationToken = default) =>
        await Run(Db.SortedSetRemoveRangeByScoreAsync(Index(index), minScore, maxScore)).ConfigureAwait(false);

    public async ValueTask<double?> IndexScoreAsync(string index, string member, CancellationToken cancellationToken = default) =>
        await Run(Db.SortedSetScoreAsync(Index(index), member)).ConfigureAwait(false);

    public async ValueTask PingAsync(CancellationToken cancellationToken = default) =>
        await Run(Db.PingAsync()).WaitAsync(TimeSpan.FromSeconds(2), cancellationToken).ConfigureAwait(false);

    // ---- batches: one round trip each. Plain reads are pipelined (cheaper for Redis than the same reads inside a script);
    // writes that must be atomic together run as one Lua script. ----

    // ARGV: min, max, take, cursor member ('' = none), cursor score. Starts right after the cursor by rank (O(log n)) when
    // it is still in the index with that score, else at the first member scoring at least min. Returns {found, page}.
    private const string RangeAfterScript = """
        local start, found = nil, 0
        if ARGV[4] ~= '' then
          local s = redis.call('ZSCORE', KEYS[1], ARGV[4])
          if s and tonumber(s) == tonumber(ARGV[5]) then start = redis.call('ZRANK', KEYS[1], ARGV[4]) + 1; found = 1 end
        end
        if not start then start = redis.call('ZCOUNT', KEYS[1], '-inf', '(' .. ARGV[1]) end
        return {found, redis.call('ZRANGE', KEYS[1], start, start + tonumber(ARGV[3]) - 1, 'WITHSCORES')}
        """;

    // KEYS: the groups (an index and the three kept-claim hashes that may hold a claim: KeptClaims), then the documents;
    // ARGV: the number of group keys, the etag, then per document: its group's first key, index member, score, data. A
    // write wins when its document does not exist and no kept hash of its group has the document's key as a field;
    // whether a kept hash exists is asked once per batch (in a fresh outbox none does). The index members are added per
    // group, in one ZADD. The reply is one character per write, '1' won, '0' not (one string, not a reply per write).
    // Lean on purpose: a sweep stores a million messages through it, and each key or argument per write costs Redis time.
    private static readonly string ClaimAndWriteManyScript = $$"""
        local aux, etag = tonumber(ARGV[1]), ARGV[2]
        local won, adds, live = {}, {}, {}
        for i = 1, #KEYS - aux do
          local doc, a = KEYS[aux + i], 3 + 4 * (i - 1)
          local g = tonumber(ARGV[a])
          local free = redis.call('EXISTS', doc) == 0
          if free then
            for j = g + 1, g + 3 do
              local present = live[j]
              if present == nil then present = redis.call('EXISTS', KEYS[j]) == 1; live[j] = present end
              if present and redis.call('HEXISTS', KEYS[j], string.sub(doc, {{(Prefix + "doc:").Length + 1}})) == 1 then free = false; break end
            end
          end
          if free then
            redis.call('HSET', doc, 'e', etag, 'd', ARGV[a + 3])
            local add = adds[g]
            if not add then add = {}; adds[g] = add end
            add[#add + 1] = ARGV[a + 2]
            add[#add + 1] = ARGV[a + 1]
            won[i] = '1'
          else
            won[i] = '0'
          end
        end
        for g, add in pairs(adds) do
          for j = 1, #add, 4000 do redis.call('ZADD', KEYS[g], unpack(add, j, math.min(j + 3999, #add))) end
        end
        return table.concat(won)
        """;

    // KEYS: kept-claim hash; ARGV: field, expiry (unix ms).
    private const string KeepClaimScript = """
        redis.call('HSET', KEYS[1], ARGV[1], '1')
        redis.call('PEXPIREAT', KEYS[1], ARGV[2])
        return 1
        """;

    /// <summary>
    /// The hash holding the kept claims of <paramref name="documentKey"/>'s hash tag written in one generation (half a
    /// claim lifetime long). A claim kept in generation g must hold until at least the end of g plus a lifetime, so
    /// the hash expires then, and a claim kept less than a lifetime ago is in generation now, now - 1 or now - 2.
    /// On a standalone Redis every tag shares one hash per generation; on a cluster a key without a tag gets its own
    /// (its document's whole key as the tag, so both stay in one slot).
    /// </summary>
    private RedisKey KeptClaims(string documentKey, long generationMs, long generation)
    {
        var tag = SlotGroups == 1 ? "" : TagOf(documentKey) ?? "{" + Prefix + "doc:" + documentKey + "}";
        return Prefix + "kept:" + tag + ":" + generationMs.ToString(CultureInfo.InvariantCulture) + ":" +
            generation.ToString(CultureInfo.InvariantCulture);
    }

    private static long GenerationMs(TimeSpan claimLifetime) => Math.Max(1, (long)claimLifetime.TotalMilliseconds / 2);

    /// <summary>The hash tag of a key as Redis Cluster reads it: the first {...} with something inside, else null.</summary>
    private static string? TagOf(string key)
    {
        var open = key.IndexOf('{', StringComparison.Ordinal);
        if (open < 0) return null;
        var close = key.IndexOf('}', open + 1);
        return close > open + 1 ? key[open..(close + 1)] : null;
    }

    private static long NowMs => DateTimeOffset.UtcNow.ToUnixTimeMilliseconds();

    public async ValueTask<IReadOnlyList<StoreItem<T>?>> ReadManyAsync<T>(IReadOnlyList<string> keys,
        CancellationToken cancellationToken = default)
    {
        if (keys.Count == 0) return [];
        var batch = Db.CreateBatch();
        var reads = new Task<RedisValue[]>[keys.Count];
        for (var i = 0; i < keys.Count; i++) reads[i] = batch.HashGetAsync(Doc(keys[i]), DocumentFields);
        batch.Execute();
        await Run(Task.WhenAll(reads)).ConfigureAwait(false);
        var items = new StoreItem<T>?[keys.Count];
        for (var i = 0; i < reads.Length; i++)
        {
            var fields = reads[i].Result;
            if (fields[0].IsNull || fields[1].IsNull) continue;
            items[i] = new StoreItem<T>(StorageJson.Deserialize<T>((byte[])fields[1]!), fields[0].ToString());
        }
        return items;
    }

    public async ValueTask<IReadOnlyList<IndexEntry>> IndexRangeAfterAsync(string index, double minScore, double maxScore, IndexEntry? after,
        int take, CancellationToken cancellationToken = default)
    {
        var result = new List<IndexEntry>(Math.Max(0, take));
        var cursor = after;
        while (result.Count < take)
        {
            var want = take - result.Count;
            var from = cursor is { } c ? Math.Max(minScore, c.Score) : minScore;
            var reply = (RedisResult[])(await Run(Db.ScriptEvaluateAsync(RangeAfterScript, [Index(index)],
                [ScoreArg(from), ScoreArg(maxScore), want, cursor?.Member ?? "", cursor is { } s ? ScoreArg(s.Score) : ""]))
                .ConfigureAwait(false))!;
            // The cursor was gone (removed or re-scored): the page restarts at its score and may repeat members up to it.
            var filter = after is not null && (long)reply[0] == 0;
            var page = (RedisResult[])reply[1]!;
            for (var i = 0; i < page.Length; i += 2)
            {
                var entry = new IndexEntry(page[i].ToString(), ParseScore(page[i + 1].ToString()));
                if (entry.Score > maxScore) return result;
                if (entry.Score < minScore || (filter && Compare(entry, after!.Value) <= 0)) continue;
                result.Add(entry);
            }
            if (page.Length / 2 < want) break;
            cursor = new IndexEntry(page[^2].ToString(), ParseScore(page[^1].ToString()));
        }
        return result;
    }

    public async ValueTask<IReadOnlyList<IReadOnlyList<IndexEntry>>> IndexRangeManyAsync(IReadOnlyList<string> indexes, double minScore,
        double maxScore, int take, CancellationToken cancellationToken = default)
    {
        if (indexes.Count == 0) return [];
        var batch = Db.CreateBatch();
        var reads = new Task<SortedSetEntry[]>[indexes.Count];
        for (var i = 0; i < indexes.Count; i++)
            reads[i] = batch.SortedSetRangeByScoreWithScoresAsync(Index(indexes[i]), minScore, maxScore, Exclude.None, Order.Ascending, 0, take);
        batch.Execute();
        await Run(Task.WhenAll(reads)).ConfigureAwait(false);
        var result = new IReadOnlyList<IndexEntry>[indexes.Count];
        for (var i = 0; i < reads.Length; i++)
        {
            var page = reads[i].Result;
            var entries = new IndexEntry[page.Length];
            for (var j = 0; j < page.Length; j++) entries[j] = new IndexEntry(page[j].Element!, page[j].Score);
            result[i] = entries;
        }
        return result;
    }

    public async ValueTask<IReadOnlyList<bool>> ClaimAndWriteManyAsync<T>(IReadOnlyList<ClaimedWrite<T>> writes, TimeSpan claimLifetime,
        CancellationToken cancellationToken = default)
    {
        if (writes.Count == 0) return [];
        for (var i = 0; i < writes.Count; i++)
        {
            var w = writes[i];
            if (_connection.HashSlot(Doc(w.DocumentKey)) != _connection.HashSlot(Index(w.Index)))
                throw new ArgumentException(
                    $"The document and index of one write must share a hash slot (a {{tag}}): {w.DocumentKey}, {w.Index}", nameof(writes));
        }
        var generationMs = GenerationMs(claimLifetime);
        var generation = NowMs / generationMs;
        var parts = BySlot(writes.Count, i => Doc(writes[i].DocumentKey));
        // One etag for the batch: an etag only has to differ from the document's earlier ones, and these are new documents.
        var eTag = ETags.New();
        var calls = new Task<RedisResult>[parts.Count];
        for (var p = 0; p < parts.Count; p++)
        {
            var part = parts[p];
            // The groups of the part: (index, kept-claim tag) → position of its first key (a sweep's batch has one).
            var groups = new Dictionary<(string Index, string Tag), int>();
            var aux = new List<RedisKey>(4);
            var group = new int[part.Count];
            for (var j = 0; j < part.Count; j++)
            {
                var w = writes[part[j]];
                var tag = SlotGroups == 1 ? "" : TagOf(w.DocumentKey) ?? w.DocumentKey;
                if (!groups.TryGetValue((w.Index, tag), out var first))
                {
                    groups[(w.Index, tag)] = first = aux.Count + 1;
                    aux.Add(Index(w.Index));
                    for (var g = 0; g < 3; g++) aux.Add(KeptClaims(w.DocumentKey, generationMs, generation - g));
                }
                group[j] = first;
            }
            var keys = new RedisKey[aux.Count + part.Count];
            aux.CopyTo(keys);
            var args = new RedisValue[2 + 4 * part.Count];
            args[0] = aux.Count;
            args[1] = eTag;
            for (var j = 0; j < part.Count; j++)
            {
                var w = writes[part[j]];
                keys[aux.Count + j] = Doc(w.DocumentKey);
                args[2 + 4 * j] = group[j];
                args[3 + 4 * j] = w.Member;
                args[4 + 4 * j] = ScoreArg(w.Score);
                args[5 + 4 * j] = StorageJson.Serialize(w.Document);
            }
            calls[p] = Db.ScriptEvaluateAsync(ClaimAndWriteManyScript, keys, args);
        }
        // The parts go out together (one round trip per node) and each is atomic on its own.
        await Run(Task.WhenAll(calls)).ConfigureAwait(false);
        var result = new bool[writes.Count];
        for (var p = 0; p < parts.Count; p++)
        {
            var won = (string)calls[p].Result!;
            for (var j = 0; j < won.Length; j++) result[parts[p][j]] = won[j] == '1';
        }
        return result;
    }

    public async ValueTask KeepClaimAsync(string documentKey, TimeSpan claimLifetime, CancellationToken cancellationToken = default)
    {
        var generationMs = GenerationMs(claimLifetime);
        var generation = NowMs / generationMs;
        var expiresAt = (generation + 1) * generationMs + (long)claimLifetime.TotalMilliseconds;
        await Run(Db.ScriptEvaluateAsync(KeepClaimScript, [KeptClaims(documentKey, generationMs, generation)], [documentKey, expiresAt]))
            .ConfigureAwait(false);
    }

    // KEYS: the claim hash, the batch document, the batch index; ARGV: hash ttl ms, etag, score, batch member, then the
    // fields. HSETNX per field; the fields won go into the batch document as a JSON array (cjson), one index member.
    private const string ClaimFieldsScript = """
        local won = {}
        for i = 5, #ARGV do
          if redis.call('HSETNX', KEYS[1], ARGV[i], '1') == 1 then won[#won + 1] = ARGV[i] end
        end
        if #won == 0 then return 0 end
        redis.call('PEXPIRE', KEYS[1], ARGV[1])
        redis.call('HSET', KEYS[2], 'e', ARGV[2], 'd', cjson.encode(won))
        redis.call('ZADD', KEYS[3], ARGV[3], ARGV[4])
        return #won
        """;

    public async ValueTask<int> ClaimFieldsAsync(FieldClaims claims, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(claims);
        if (claims.Fields.Count == 0) return 0;
        RedisKey hash = Prefix + "fields:" + claims.Hash, doc = Doc(claims.BatchDocument), index = Index(claims.Index);
        var slot = _connection.HashSlot(hash);
        if (_connection.HashSlot(doc) != slot || _connection.HashSlot(index) != slot)
            throw new ArgumentException($"The claim hash, batch document and index must share a hash slot (a {{tag}}): {claims.Hash}",
                nameof(claims));
        var args = new RedisValue[4 + claims.Fields.Count];
        args[0] = Math.Max(1, (long)claims.Lifetime.TotalMilliseconds);
        args[1] = ETags.New();
        args[2] = ScoreArg(claims.Score);
        args[3] = claims.BatchDocument;
        for (var i = 0; i < claims.Fields.Count; i++) args[4 + i] = claims.Fields[i];
        return (int)(long)await Run(Db.ScriptEvaluateAsync(ClaimFieldsScript, [hash, doc, index], args)).ConfigureAwait(false);
    }

    private static string ScoreArg(double score) => score switch
    {
        double.PositiveInfinity => "+inf",
        double.NegativeInfinity => "-inf",
        _ => score.ToString("R", CultureInfo.InvariantCulture),
    };

    private static double ParseScore(string text) => text switch
    {
        "inf" or "+inf" => double.PositiveInfinity,
        "-inf" => double.NegativeInfinity,
        _ => double.Parse(text, CultureInfo.InvariantCulture),
    };

    /// <summary>Redis's order: score, then member bytes (UTF-8).</summary>
    private static int Compare(IndexEntry a, IndexEntry b)
    {
        var byScore = a.Score.CompareTo(b.Score);
        return byScore != 0 ? byScore : Encoding.UTF8.GetBytes(a.Member).AsSpan().SequenceCompareTo(Encoding.UTF8.GetBytes(b.Member));
    }

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
