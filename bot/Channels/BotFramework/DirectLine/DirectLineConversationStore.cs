using System.Globalization;
using AssistBot.Bot.Conversation.Schema;
using AssistBot.Bot.Storage;
using Microsoft.Extensions.Options;

namespace AssistBot.Bot.BotFramework.DirectLine;

/// <summary>
/// Direct Line conversations and their activities in storage (<see cref="IDocumentStore"/>,
/// <see cref="ICounterStore"/>), so several bot instances serve the
/// same conversation. Each activity gets the next sequence number of its conversation (a counter); its id is
/// <c>{conversationId}|{seq:D7}</c> and the watermark a client sends back is the last sequence number it saw.
/// Everything expires with the conversation.
/// </summary>
public sealed class DirectLineConversationStore(IDocumentStore documents, ICounterStore counters,
    IOptions<BotFrameworkOptions> options, TimeProvider time)
{
    /// <summary>An activity whose number was taken but which is still missing after this long is given up on.</summary>
    private static readonly TimeSpan GapTimeout = TimeSpan.FromSeconds(10);

    private const int MaxBatch = 100;
    private readonly TimeSpan _lifetime = options.Value.ConversationLifetime;

    public async Task CreateAsync(DirectLineConversation conversation, CancellationToken ct)
    {
        await documents.WriteAsync(ConversationKey(conversation.Id), conversation, WriteCondition.IfNotExists, _lifetime, ct).ConfigureAwait(false);
        await counters.IncrementAsync(SequenceKey(conversation.Id), 0, _lifetime, ct).ConfigureAwait(false);
    }

    /// <summary>
    /// How long a token stays usable after it was refreshed: requests the client sent before it received the new
    /// token still arrive with the old one.
    /// </summary>
    public static readonly TimeSpan RetiredTokenGrace = TimeSpan.FromSeconds(30);

    /// <summary>
    /// True while a token of <paramref name="generation"/> may open the conversation: it is the current generation,
    /// or the one just refreshed and still within <see cref="RetiredTokenGrace"/>.
    /// </summary>
    public async ValueTask<bool> AcceptsAsync(string conversationId, int generation, CancellationToken ct)
    {
        var state = (await documents.ReadAsync<TokenGenerations>(TokensKey(conversationId), ct).ConfigureAwait(false))?.Value ?? new TokenGenerations(0, null);
        return generation == state.Current ||
               (generation == state.Current - 1 && state.PreviousUsableUntil is { } until && time.GetUtcNow() < until);
    }

    /// <summary>
    /// Retires the tokens of <paramref name="generation"/> (which must be current) and returns the next generation, or
    /// null when the presented token is not the current one (already refreshed).
    /// </summary>
    public async Task<int?> RetireTokensAsync(string conversationId, int generation, CancellationToken ct)
    {
        for (var attempt = 1; ; attempt++)
        {
            var current = await documents.ReadAsync<TokenGenerations>(TokensKey(conversationId), ct).ConfigureAwait(false);
            if ((current?.Value.Current ?? 0) != generation) return null;
            try
            {
                await documents.WriteAsync(TokensKey(conversationId), new TokenGenerations(generation + 1, time.GetUtcNow() + RetiredTokenGrace),
                    WriteCondition.For(current), _lifetime, ct).ConfigureAwait(false);
                return generation + 1;
            }
            catch (StorageConflictException) when (attempt < 8)
            {
            }
        }
    }

    /// <summary>The current token generation of a conversation (0 until its first refresh).</summary>
    public async ValueTask<int> CurrentGenerationAsync(string conversationId, CancellationToken ct) =>
        (await documents.ReadAsync<TokenGenerations>(TokensKey(conversationId), ct).ConfigureAwait(false))?.Value.Current ?? 0;

    public async Task<DirectLineConversation?> GetAsync(string conversationId, CancellationToken ct) =>
        (await documents.ReadAsync<DirectLineConversation>(ConversationKey(conversationId), ct).ConfigureAwait(false))?.Value;

    /// <summary>Gives the activity the next id of its conversation (before it is shown to anyone).</summary>
    public async ValueTask AssignIdAsync(string conversationId, Activity activity, CancellationToken ct)
    {
        var sequence = await counters.IncrementAsync(SequenceKey(conversationId), 1, _lifetime, ct).ConfigureAwait(false);
        activity.Id = ActivityId(conversationId, sequence);
        activity.Timestamp ??= time.GetUtcNow();
    }

    /// <summary>Stores an activity that <see cref="AssignIdAsync"/> numbered; clients see it from now on.</summary>
    public async ValueTask AppendAsync(string conversationId, Activity activity, CancellationToken ct)
    {
        var sequence = SequenceOf(conversationId, activity.Id)
            ?? throw new InvalidOperationException("The activity was not numbered by this store.");
        await documents.WriteAsync(ActivityKey(conversationId, sequence), activity, WriteCondition.Always, _lifetime, ct).ConfigureAwait(false);
    }

    /// <summary>The activities after <paramref name="watermark"/> and the new watermark.</summary>
    public async Task<(IReadOnlyList<Activity> Activities, long Watermark)> ReadAfterAsync(string conversationId,
        long watermark, CancellationToken ct)
    {
        var last = await counters.IncrementAsync(SequenceKey(conversationId), 0, _lifetime, ct).ConfigureAwait(false);
        if (last <= watermark) return ([], Math.Min(watermark, Math.Max(last, 0)));
        var count = (int)Math.Min(last - watermark, MaxBatch);
        var reads = new Task<StoreItem<Activity>?>[count];
        for (var i = 0; i < count; i++)
            reads[i] = documents.ReadAsync<Activity>(ActivityKey(conversationId, watermark + 1 + i), ct).AsTask();
        await Task.WhenAll(reads).ConfigureAwait(false);

        var activities = new List<Activity>(count);
        var next = watermark;
        for (var i = 0; i < count; i++)
        {
            var item = reads[i].Result;
            if (item is null)
            {
                // Numbered but not stored yet (a writer between AssignIdAsync and AppendAsync): wait for it, unless a
                // later activity shows it has been missing too long (its writer died).
                if (!LaterActivityIsOlderThan(reads, i, time.GetUtcNow() - GapTimeout)) break;
                next = watermark + 1 + i;
                continue;
            }
            activities.Add(item.Value);
            next = watermark + 1 + i;
        }
        return (activities, next);
    }

    private static bool LaterActivityIsOlderThan(Task<StoreItem<Activity>?>[] reads, int gap, DateTimeOffset limit)
    {
        for (var j = gap + 1; j < reads.Length; j++)
            if (reads[j].Result?.Value.Timestamp is { } stamp)
                return stamp < limit;
        return false;
    }

    public static string ActivityId(string conversationId, long sequence) =>
        conversationId + "|" + sequence.ToString("D7", CultureInfo.InvariantCulture);

    private static long? SequenceOf(string conversationId, string? activityId) =>
        activityId is not null && activityId.Length > conversationId.Length + 1 &&
        activityId.StartsWith(conversationId, StringComparison.Ordinal) && activityId[conversationId.Length] == '|' &&
        long.TryParse(activityId.AsSpan(conversationId.Length + 1), NumberStyles.None, CultureInfo.InvariantCulture, out var s)
            ? s
            : null;

    private static string ConversationKey(string id) => "directline/" + id;
    private static string TokensKey(string id) => "directline/" + id + "/tokens";
    private static string SequenceKey(string id) => "directline/" + id + "/seq";
    private static string ActivityKey(string id, long sequence) =>
        "directline/" + id + "/a/" + sequence.ToString(CultureInfo.InvariantCulture);
}
