using AssistBot.Bot.Loans;
using AssistBot.Bot.Storage;
using AssistBot.Knowledge.Reminders;
using AssistBot.Scheduler.Rules;
using StackExchange.Redis;

namespace AssistBot.Benchmarks.Sweep;

/// <summary>
/// A measurement of the layout issue 18 proposes, NOT the service's code path (<c>--stage pointers</c>): the sweep pages
/// only the maturity index (loan numbers and scores; no loan document, account link or binding read, no JSON) and claims
/// each reminder as one field of a per-(county, send day, slot group) hash with <c>HSETNX</c> (field = loan number,
/// maturity day and stage; value = a short pending marker), plus one batch index entry per written batch instead of one
/// sorted-set member per reminder. It answers "how fast can the sweep half of that design be" on the same loans and
/// Redis as the real sweep; delivery (reading the loan's current facts, rendering, recording the outcome) is not in it.
/// </summary>
public static class PointerSweepPrototype
{
    private const int PageSize = 500;
    private const int InFlight = 4;

    // One batch: claim every field that is new, then (if any was) one index entry for the batch.
    // KEYS[1] the pointer hash, KEYS[2] the batch index (same hash tag); ARGV[1] due score, ARGV[2] batch member,
    // ARGV[3] the value, ARGV[4..] the fields.
    private const string ClaimScript = """
        local n = 0
        local v = ARGV[3]
        for i = 4, #ARGV do n = n + redis.call('HSETNX', KEYS[1], ARGV[i], v) end
        if n > 0 then redis.call('ZADD', KEYS[2], ARGV[1], ARGV[2]) end
        return n
        """;

    public static async Task<(long Read, long Claimed)> RunAsync(IStorage storage, IConnectionMultiplexer redis, string county,
        DateOnly sweptDay, string keyspace, CancellationToken ct = default)
    {
        var reads = (ISweepReads)storage;
        var pack = ReminderPackLoader.LoadPack(Path.Combine(AppContext.BaseDirectory, "packs"), "xinfeng-2024");
        var db = redis.GetDatabase();
        // Same spreading rule as the outbox: one group per master of a cluster (hash tags), one on a standalone Redis.
        var groups = Math.Max(1, storage.SlotGroups);
        var dueScore = new DateTimeOffset(sweptDay.ToDateTime(new TimeOnly(9, 0)), TimeSpan.FromHours(8)).ToUnixTimeMilliseconds();
        long read = 0, claimed = 0;
        var pending = new List<Task<RedisResult>>();
        var page = 0;
        foreach (var daysBefore in pack.Loans.BorrowerStagesDays.Distinct().Order())
        {
            var stage = LoanRules.BorrowerStage(daysBefore);
            var maturity = LoanRules.MaturityForBorrowerPrompt(sweptDay, daysBefore);
            IndexEntry? after = null;
            while (true)
            {
                var entries = await reads.IndexRangeAfterAsync(LoanStore.MaturityIndex(county), LoanStore.Score(maturity),
                    LoanStore.Score(maturity), after, PageSize, ct).ConfigureAwait(false);
                if (entries.Count == 0) break;
                read += entries.Count;
                var group = page++ % groups;
                var tag = $"{{{keyspace}:{county}:{sweptDay:yyyyMMdd}:{group}}}";
                var args = new RedisValue[3 + entries.Count];
                args[0] = dueScore;
                args[1] = $"{group}:{page}";
                args[2] = "p";
                var suffix = $":{maturity.DayNumber}:{stage}";
                for (var i = 0; i < entries.Count; i++) args[3 + i] = entries[i].Member + suffix;
                pending.Add(db.ScriptEvaluateAsync(ClaimScript, [(RedisKey)(tag + ":p"), (RedisKey)(tag + ":b")], args));
                if (pending.Count >= InFlight)
                {
                    var done = await Task.WhenAny(pending).ConfigureAwait(false);
                    pending.Remove(done);
                    claimed += (long)await done.ConfigureAwait(false);
                }
                if (entries.Count < PageSize) break;
                after = entries[^1];
            }
        }
        foreach (var task in pending) claimed += (long)await task.ConfigureAwait(false);
        return (read, claimed);
    }
}
