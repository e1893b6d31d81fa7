using Microsoft.Data.Sqlite;

namespace AssistBot.Bot.Storage;

/// <summary>
/// <see cref="IStorage"/> without a server: one SQLite database file (WAL mode) under the data directory.
/// Every conditional write is a single SQL statement, so SQLite's own locking makes it atomic.
/// </summary>
public sealed class EmbeddedStorage : IStorage, IDisposable
{
    private readonly string _connectionString;
    private readonly TimeProvider _time;
    private readonly ITimer _purgeTimer;

    public EmbeddedStorage(string databasePath, TimeProvider time)
    {
        _time = time;
        var directory = Path.GetDirectoryName(Path.GetFullPath(databasePath));
        if (!string.IsNullOrEmpty(directory)) Directory.CreateDirectory(directory);
        _connectionString = new SqliteConnectionStringBuilder
        {
            DataSource = databasePath,
            Mode = SqliteOpenMode.ReadWriteCreate,
            Pooling = true,
            DefaultTimeout = 30,
        }.ToString();
        Description = "embedded " + databasePath;
        using (var connection = Open())
        {
            Execute(connection, """
                PRAGMA journal_mode = WAL;
                CREATE TABLE IF NOT EXISTS docs (key TEXT PRIMARY KEY, etag TEXT NOT NULL, data BLOB NOT NULL, expires INTEGER);
                CREATE TABLE IF NOT EXISTS claims (key TEXT PRIMARY KEY, expires INTEGER NOT NULL, result TEXT);
                CREATE TABLE IF NOT EXISTS counters (key TEXT PRIMARY KEY, value INTEGER NOT NULL, expires INTEGER);
                CREATE TABLE IF NOT EXISTS idx (name TEXT NOT NULL, member TEXT NOT NULL, score REAL NOT NULL, PRIMARY KEY (name, member));
                CREATE INDEX IF NOT EXISTS idx_by_score ON idx (name, score, member);
                """);
            AddClaimResultColumn(connection);
        }
        PurgeExpired();
        _purgeTimer = time.CreateTimer(_ => PurgeExpired(), null, TimeSpan.FromHours(1), TimeSpan.FromHours(1));
    }

    public string Description { get; }

    private long Now => _time.GetUtcNow().ToUnixTimeMilliseconds();

    private long? ExpiresAt(TimeSpan? timeToLive) =>
        timeToLive is { } ttl ? Now + Math.Max(1, (long)ttl.TotalMilliseconds) : null;

    public async ValueTask<StoreItem<T>?> ReadAsync<T>(string key, CancellationToken cancellationToken = default)
    {
        using var connection = Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT etag, data FROM docs WHERE key = $key AND (expires IS NULL OR expires > $now)";
        command.Parameters.AddWithValue("$key", key);
        command.Parameters.AddWithValue("$now", Now);
        using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        if (!await reader.ReadAsync(cancellationToken).ConfigureAwait(false)) return null;
        var eTag = reader.GetString(0);
        var data = (byte[])reader.GetValue(1);
        return new StoreItem<T>(StorageJson.Deserialize<T>(data), eTag);
    }

    public async ValueTask<string> WriteAsync<T>(string key, T value, WriteCondition condition, TimeSpan? timeToLive = null,
        CancellationToken cancellationToken = default)
    {
        var eTag = ETags.New();
        using var connection = Open();
        using var command = connection.CreateCommand();
        command.CommandText = condition.Kind switch
        {
            WriteConditionKind.Always => """
                INSERT INTO docs (key, etag, data, expires) VALUES ($key, $etag, $data, $expires)
                ON CONFLICT (key) DO UPDATE SET etag = excluded.etag, data = excluded.data, expires = excluded.expires
                """,
            WriteConditionKind.IfNotExists => """
                INSERT INTO docs (key, etag, data, expires) VALUES ($key, $etag, $data, $expires)
                ON CONFLICT (key) DO UPDATE SET etag = excluded.etag, data = excluded.data, expires = excluded.expires
                WHERE docs.expires IS NOT NULL AND docs.expires <= $now
                """,
            _ => """
                UPDATE docs SET etag = $etag, data = $data, expires = $expires
                WHERE key = $key AND etag = $expected AND (expires IS NULL OR expires > $now)
                """,
        };
        command.Parameters.AddWithValue("$key", key);
        command.Parameters.AddWithValue("$etag", eTag);
        command.Parameters.AddWithValue("$data", StorageJson.Serialize(value));
        command.Parameters.AddWithValue("$expires", (object?)ExpiresAt(timeToLive) ?? DBNull.Value);
        command.Parameters.AddWithValue("$now", Now);
        command.Parameters.AddWithValue("$expected", condition.ETag ?? "");
        var changed = await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        if (changed != 1) throw new StorageConflictException(key, condition);
        return eTag;
    }

    public async ValueTask<bool> DeleteAsync(string key, CancellationToken cancellationToken = default)
    {
        using var connection = Open();
        using var command = connection.CreateCommand();
        command.CommandText = "DELETE FROM docs WHERE key = $key RETURNING expires";
        command.Parameters.AddWithValue("$key", key);
        var expires = await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false);
        return expires is not null && (expires is DBNull || (long)expires > Now);
    }

    public async ValueTask<bool> TryClaimAsync(string key, TimeSpan timeToLive, CancellationToken cancellationToken = default)
    {
        using var connection = Open();
        return await ClaimAsync(connection, key, timeToLive, Now, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Takes <paramref name="key"/> when it is free or expired (a retaken claim loses its old result).</summary>
    private async ValueTask<bool> ClaimAsync(SqliteConnection connection, string key, TimeSpan timeToLive, long now,
        CancellationToken cancellationToken)
    {
        using var command = connection.CreateCommand();
        command.CommandText = """
            INSERT INTO claims (key, expires) VALUES ($key, $expires)
            ON CONFLICT (key) DO UPDATE SET expires = excluded.expires, result = NULL WHERE claims.expires <= $now
            """;
        command.Parameters.AddWithValue("$key", key);
        command.Parameters.AddWithValue("$expires", ExpiresAt(timeToLive));
        command.Parameters.AddWithValue("$now", now);
        return await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false) == 1;
    }

    public async ValueTask<ClaimOutcome> TryClaimGuardedAsync(string key, TimeSpan timeToLive, ClaimGuard guard,
        CancellationToken cancellationToken = default)
    {
        using var connection = Open();
        using var transaction = connection.BeginTransaction();
        var now = Now;
        using (var read = connection.CreateCommand())
        {
            read.CommandText = "SELECT result FROM claims WHERE key = $key AND expires > $now";
            read.Parameters.AddWithValue("$key", guard.Key);
            read.Parameters.AddWithValue("$now", now);
            var held = await read.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false);
            if (held is not null && held as string != guard.Value) return ClaimOutcome.GuardMismatch;
            if (held is null)
            {
                using var set = connection.CreateCommand();
                set.CommandText = """
                    INSERT INTO claims (key, expires, result) VALUES ($key, $expires, $value)
                    ON CONFLICT (key) DO UPDATE SET expires = excluded.expires, result = excluded.result
                    """;
                set.Parameters.AddWithValue("$key", guard.Key);
                set.Parameters.AddWithValue("$expires", ExpiresAt(guard.TimeToLive));
                set.Parameters.AddWithValue("$value", guard.Value);
                await set.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            }
        }
        var won = await ClaimAsync(connection, key, timeToLive, now, cancellationToken).ConfigureAwait(false);
        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        return won ? ClaimOutcome.Claimed : ClaimOutcome.AlreadyClaimed;
    }

    public async ValueTask ReleaseClaimAsync(string key, CancellationToken cancellationToken = default)
    {
        using var connection = Open();
        using var command = connection.CreateCommand();
        command.CommandText = "DELETE FROM claims WHERE key = $key";
        command.Parameters.AddWithValue("$key", key);
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    public async ValueTask<bool> SetClaimResultAsync(string key, string result, CancellationToken cancellationToken = default)
    {
        using var connection = Open();
        using var command = connection.CreateCommand();
        command.CommandText = "UPDATE claims SET result = $result WHERE key = $key AND expires > $now";
        command.Parameters.AddWithValue("$key", key);
        command.Parameters.AddWithValue("$result", result);
        command.Parameters.AddWithValue("$now", Now);
        return await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false) == 1;
    }

    public async ValueTask<string?> ReadClaimResultAsync(string key, CancellationToken cancellationToken = default)
    {
        using var connection = Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT result FROM claims WHERE key = $key AND expires > $now";
        command.Parameters.AddWithValue("$key", key);
        command.Parameters.AddWithValue("$now", Now);
        return await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false) as string;
    }

    /// <summary>Databases created before claims could carry a result get the column (SQLite has no ADD COLUMN IF NOT EXISTS).</summary>
    private static void AddClaimResultColumn(SqliteConnection connection)
    {
        using var probe = connection.CreateCommand();
        probe.CommandText = "SELECT COUNT(*) FROM pragma_table_info('claims') WHERE name = 'result'";
        if ((long)probe.ExecuteScalar()! == 0) Execute(connection, "ALTER TABLE claims ADD COLUMN result TEXT");
    }

    public async ValueTask<long> IncrementAsync(string key, long by = 1, TimeSpan? timeToLive = null,
        CancellationToken cancellationToken = default)
    {
        using var connection = Open();
        using var command = connection.CreateCommand();
        command.CommandText = """
            INSERT INTO counters (key, value, expires) VALUES ($key, $by, $expires)
            ON CONFLICT (key) DO UPDATE SET
              value = CASE WHEN counters.expires IS NOT NULL AND counters.expires <= $now THEN $by ELSE counters.value + $by END,
              expires = CASE WHEN counters.expires IS NOT NULL AND counters.expires <= $now THEN $expires
                             ELSE COALESCE(counters.expires, $expires) END
            RETURNING value
            """;
        command.Parameters.AddWithValue("$key", key);
        command.Parameters.AddWithValue("$by", by);
        command.Parameters.AddWithValue("$expires", (object?)ExpiresAt(timeToLive) ?? DBNull.Value);
        command.Parameters.AddWithValue("$now", Now);
        return (long)(await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false))!;
    }

    public async ValueTask IndexAddAsync(string index, string member, double score, CancellationToken cancellationToken = default)
    {
        using var connection = Open();
        using var command = connection.CreateCommand();
        command.CommandText = """
            INSERT INTO idx (name, member, score) VALUES ($name, $member, $score)
            ON CONFLICT (name, member) DO UPDATE SET score = excluded.score
            """;
        command.Parameters.AddWithValue("$name", index);
        command.Parameters.AddWithValue("$member", member);
        command.Parameters.AddWithValue("$score", score);
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    public async ValueTask<bool> IndexRemoveAsync(string index, string member, CancellationToken cancellationToken = default)
    {
        using var connection = Open();
        using var command = connection.CreateCommand();
        command.CommandText = "DELETE FROM idx WHERE name = $name AND member = $member";
        command.Parameters.AddWithValue("$name", index);
        command.Parameters.AddWithValue("$member", member);
        return await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false) == 1;
    }

    public async ValueTask<IReadOnlyList<IndexEntry>> IndexRangeByScoreAsync(string index, double minScore, double maxScore,
        int skip = 0, int take = 100, CancellationToken cancellationToken = default)
    {
        using var connection = Open();
        using var command = connection.CreateCommand();
        command.CommandText = """
            SELECT member, score FROM idx WHERE name = $name AND score >= $min AND score <= $max
            ORDER BY score, member LIMIT $take OFFSET $skip
            """;
        command.Parameters.AddWithValue("$name", index);
        command.Parameters.AddWithValue("$min", minScore);
        command.Parameters.AddWithValue("$max", maxScore);
        command.Parameters.AddWithValue("$take", take);
        command.Parameters.AddWithValue("$skip", skip);
        var result = new List<IndexEntry>();
        using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            result.Add(new IndexEntry(reader.GetString(0), reader.GetDouble(1)));
        return result;
    }

    public async ValueTask<long> IndexRemoveRangeByScoreAsync(string index, double minScore, double maxScore,
        CancellationToken cancellationToken = default)
    {
        using var connection = Open();
        using var command = connection.CreateCommand();
        command.CommandText = "DELETE FROM idx WHERE name = $name AND score >= $min AND score <= $max";
        command.Parameters.AddWithValue("$name", index);
        command.Parameters.AddWithValue("$min", minScore);
        command.Parameters.AddWithValue("$max", maxScore);
        return await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    public async ValueTask<double?> IndexScoreAsync(string index, string member, CancellationToken cancellationToken = default)
    {
        using var connection = Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT score FROM idx WHERE name = $name AND member = $member";
        command.Parameters.AddWithValue("$name", index);
        command.Parameters.AddWithValue("$member", member);
        return await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false) is double score ? score : null;
    }

    public async ValueTask PingAsync(CancellationToken cancellationToken = default)
    {
        using var connection = Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT 1";
        await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false);
    }

    // ---- batches: one connection and one transaction each, with the statement prepared once ----

    public async ValueTask<IReadOnlyList<StoreItem<T>?>> ReadManyAsync<T>(IReadOnlyList<string> keys,
        CancellationToken cancellationToken = default)
    {
        var items = new StoreItem<T>?[keys.Count];
        if (keys.Count == 0) return items;
        using var connection = Open();
        using var transaction = connection.BeginTransaction(deferred: true);
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT etag, data FROM docs WHERE key = $key AND (expires IS NULL OR expires > $now)";
        var key = command.Parameters.Add("$key", SqliteType.Text);
        command.Parameters.AddWithValue("$now", Now);
        for (var i = 0; i < keys.Count; i++)
        {
            key.Value = keys[i];
            using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
            if (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
                items[i] = new StoreItem<T>(StorageJson.Deserialize<T>((byte[])reader.GetValue(1)), reader.GetString(0));
        }
        return items;
    }

    public async ValueTask<IReadOnlyList<IndexEntry>> IndexRangeAfterAsync(string index, double minScore, double maxScore, IndexEntry? after,
        int take, CancellationToken cancellationToken = default)
    {
        var result = new List<IndexEntry>(Math.Max(0, take));
        if (take <= 0) return result;
        using var connection = Open();
        using var transaction = connection.BeginTransaction(deferred: true);
        // Two index seeks: the rest of the cursor's score, then above it. (A row-value comparison would walk all the
        // cursor's ties, and a sweep's loans share a few maturity days.)
        var above = "score >= $from";
        var from = minScore;
        if (after is { } cursor && cursor.Score >= minScore)
        {
            if (cursor.Score <= maxScore)
                await QueryAsync("SELECT member, score FROM idx WHERE name = $name AND score = $from AND member > $member ORDER BY member LIMIT $take",
                    cursor.Score, cursor.Member).ConfigureAwait(false);
            (above, from) = ("score > $from", cursor.Score);
        }
        if (result.Count < take)
            await QueryAsync($"SELECT member, score FROM idx WHERE name = $name AND {above} AND score <= $max ORDER BY score, member LIMIT $take",
                from, null).ConfigureAwait(false);
        return result;

        async Task QueryAsync(string sql, double fromScore, string? afterMember)
        {
            using var command = connection.CreateCommand();
            command.CommandText = sql;
            command.Parameters.AddWithValue("$name", index);
            command.Parameters.AddWithValue("$from", fromScore);
            command.Parameters.AddWithValue("$max", maxScore);
            command.Parameters.AddWithValue("$take", take - result.Count);
            if (afterMember is not null) command.Parameters.AddWithValue("$member", afterMember);
            using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
            while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
                result.Add(new IndexEntry(reader.GetString(0), reader.GetDouble(1)));
        }
    }

    public async ValueTask<IReadOnlyList<IReadOnlyList<IndexEntry>>> IndexRangeManyAsync(IReadOnlyList<string> indexes, double minScore,
        double maxScore, int take, CancellationToken cancellationToken = default)
    {
        var result = new IReadOnlyList<IndexEntry>[indexes.Count];
        if (indexes.Count == 0) return result;
        using var connection = Open();
        using var transaction = connection.BeginTransaction(deferred: true);
        using var command = connection.CreateCommand();
        command.CommandText = """
            SELECT member, score FROM idx WHERE name = $name AND score >= $min AND score <= $max
            ORDER BY score, member LIMIT $take
            """;
        var name = command.Parameters.Add("$name", SqliteType.Text);
        command.Parameters.AddWithValue("$min", minScore);
        command.Parameters.AddWithValue("$max", maxScore);
        command.Parameters.AddWithValue("$take", take);
        for (var i = 0; i < indexes.Count; i++)
        {
            name.Value = indexes[i];
            var entries = new List<IndexEntry>();
            using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
            while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
                entries.Add(new IndexEntry(reader.GetString(0), reader.GetDouble(1)));
            result[i] = entries;
        }
        return result;
    }

    /// <summary>The claims row that keeps a write-once document's key claimed after the document is gone.</summary>
    private static string KeptClaim(string documentKey) => "kept-claim:" + documentKey;

    public async ValueTask<IReadOnlyList<bool>> ClaimAndWriteManyAsync<T>(IReadOnlyList<ClaimedWrite<T>> writes, TimeSpan claimLifetime,
        CancellationToken cancellationToken = default)
    {
        var won = new bool[writes.Count];
        if (writes.Count == 0) return won;
        using var connection = Open();
        using var transaction = connection.BeginTransaction();
        // Inserts the document unless a live one exists (an expired one is replaced) or its key is kept claimed.
        using var write = connection.CreateCommand();
        write.CommandText = """
            INSERT INTO docs (key, etag, data, expires)
            SELECT $key, $etag, $data, NULL WHERE NOT EXISTS (SELECT 1 FROM claims WHERE key = $kept AND expires > $now)
            ON CONFLICT (key) DO UPDATE SET etag = excluded.etag, data = excluded.data, expires = NULL
            WHERE docs.expires IS NOT NULL AND docs.expires <= $now
            """;
        var docKey = write.Parameters.Add("$key", SqliteType.Text);
        var eTag = write.Parameters.Add("$etag", SqliteType.Text);
        var data = write.Parameters.Add("$data", SqliteType.Blob);
        var kept = write.Parameters.Add("$kept", SqliteType.Text);
        write.Parameters.AddWithValue("$now", Now);
        using var index = connection.CreateCommand();
        index.CommandText = """
            INSERT INTO idx (name, member, score) VALUES ($name, $member, $score)
            ON CONFLICT (name, member) DO UPDATE SET score = excluded.score
            """;
        var name = index.Parameters.Add("$name", SqliteType.Text);
        var member = index.Parameters.Add("$member", SqliteType.Text);
        var score = index.Parameters.Add("$score", SqliteType.Real);
        for (var i = 0; i < writes.Count; i++)
        {
            var w = writes[i];
            docKey.Value = w.DocumentKey;
            eTag.Value = ETags.New();
            data.Value = StorageJson.Serialize(w.Document);
            kept.Value = KeptClaim(w.DocumentKey);
            if (await write.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false) != 1) continue;
            name.Value = w.Index;
            member.Value = w.Member;
            score.Value = w.Score;
            await index.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            won[i] = true;
        }
        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        return won;
    }

    public async ValueTask KeepClaimAsync(string documentKey, TimeSpan claimLifetime, CancellationToken cancellationToken = default)
    {
        using var connection = Open();
        using var command = connection.CreateCommand();
        command.CommandText = """
            INSERT INTO claims (key, expires) VALUES ($key, $expires)
            ON CONFLICT (key) DO UPDATE SET expires = max(claims.expires, excluded.expires)
            """;
        command.Parameters.AddWithValue("$key", KeptClaim(documentKey));
        command.Parameters.AddWithValue("$expires", ExpiresAt(claimLifetime));
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    public async ValueTask<int> ClaimFieldsAsync(FieldClaims claims, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(claims);
        if (claims.Fields.Count == 0) return 0;
        var now = Now;
        using var connection = Open();
        using var transaction = connection.BeginTransaction();
        var won = new List<string>(claims.Fields.Count);
        // A field's claim is a claims row of its own (SQLite has no shared hash), taken like TryClaimAsync.
        foreach (var field in claims.Fields)
            if (await ClaimAsync(connection, "field:" + claims.Hash + "\n" + field, claims.Lifetime, now, cancellationToken).ConfigureAwait(false))
                won.Add(field);
        if (won.Count > 0)
        {
            using var write = connection.CreateCommand();
            write.CommandText = """
                INSERT INTO docs (key, etag, data, expires) VALUES ($key, $etag, $data, NULL)
                ON CONFLICT (key) DO UPDATE SET etag = excluded.etag, data = excluded.data, expires = NULL;
                INSERT INTO idx (name, member, score) VALUES ($name, $key, $score)
                ON CONFLICT (name, member) DO UPDATE SET score = excluded.score;
                """;
            write.Parameters.AddWithValue("$key", claims.BatchDocument);
            write.Parameters.AddWithValue("$etag", ETags.New());
            write.Parameters.AddWithValue("$data", StorageJson.Serialize(won));
            write.Parameters.AddWithValue("$name", claims.Index);
            write.Parameters.AddWithValue("$score", claims.Score);
            await write.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }
        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        return won.Count;
    }

    public void Dispose()
    {
        _purgeTimer.Dispose();
        SqliteConnection.ClearAllPools();
    }

    private SqliteConnection Open()
    {
        var connection = new SqliteConnection(_connectionString);
        connection.Open();
        // Per connection, not per file: in WAL mode NORMAL syncs at checkpoints instead of at every commit, so a crash
        // of the machine (not of the process) can lose the last moments of writes; the database never corrupts.
        using var pragma = connection.CreateCommand();
        pragma.CommandText = "PRAGMA synchronous = NORMAL";
        pragma.ExecuteNonQuery();
        return connection;
    }

    private void PurgeExpired()
    {
        try
        {
            using var connection = Open();
            using var command = connection.CreateCommand();
            command.CommandText = """
                DELETE FROM docs WHERE expires IS NOT NULL AND expires <= $now;
                DELETE FROM claims WHERE expires <= $now;
                DELETE FROM counters WHERE expires IS NOT NULL AND expires <= $now;
                """;
            command.Parameters.AddWithValue("$now", Now);
            command.ExecuteNonQuery();
        }
        catch (SqliteException)
        {
            // Purging is housekeeping; expired rows are invisible to reads anyway.
        }
    }

    private static void Execute(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }
}
