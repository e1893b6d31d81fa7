using System.Buffers;
using System.Text.Json;
using AssistBot.Bot.Storage;

namespace AssistBot.Bot.Conversation.State;

/// <summary>
/// Bot Builder's BotState with real optimistic concurrency: the state document is read once per turn (cached in
/// TurnState) and written back with If-Match on the ETag it was read with, so a write based on stale state throws
/// <see cref="StorageConflictException"/> instead of silently overwriting another instance's change.
/// The document travels as raw JSON: a turn parses only the properties it reads, and a save serializes once and
/// is skipped when the bytes did not change.
/// </summary>
public abstract class BotState(IDocumentStore storage, string stateName)
{
    private readonly string _cacheKey = "AssistBot.BotState." + stateName;
    private readonly string _prefetchKey = "AssistBot.BotState.Prefetch." + stateName;

    public IDocumentStore Storage { get; } = storage;

    /// <summary>
    /// How long a saved document lives after its last change (null: forever). Each save renews it, so state expires
    /// only after that long without a change (see <see cref="Privacy.RetentionOptions.Conversation"/>).
    /// </summary>
    public TimeSpan? TimeToLive { get; init; }

    /// <summary>The storage key of this state for the turn's channel/conversation/user.</summary>
    public abstract string GetStorageKey(ITurnContext turnContext);

    public IStatePropertyAccessor<T> CreateProperty<T>(string name) => new BotStatePropertyAccessor<T>(this, name);

    /// <summary>True when the document did not exist in storage when it was loaded this turn.</summary>
    public bool IsNew(ITurnContext turnContext) => GetCache(turnContext).ReadItem is null;

    public async Task LoadAsync(ITurnContext turnContext, bool force = false, CancellationToken cancellationToken = default)
    {
        var cached = turnContext.TurnState.Get<CachedState>(_cacheKey);
        if (cached is not null && !force) return;
        var key = GetStorageKey(turnContext);
        var prefetched = turnContext.TurnState.Get<StatePrefetch>(_prefetchKey);
        turnContext.TurnState.Remove(_prefetchKey);
        var item = prefetched is not null && !force && prefetched.Key == key
            ? await prefetched.Read.ConfigureAwait(false)
            : await Storage.ReadAsync<JsonBytes>(key, cancellationToken).ConfigureAwait(false);
        turnContext.TurnState.Set(_cacheKey, new CachedState(key, item));
    }

    /// <summary>
    /// Starts reading the state under <paramref name="key"/> before the turn exists, so the read travels together
    /// with the caller's other storage calls (the WeChat channel sends it alongside its retry claim: one round trip
    /// instead of two). Hand the result to the turn with <see cref="UsePrefetch"/>.
    /// </summary>
    public StatePrefetch BeginRead(string key) => new(key, Storage.ReadAsync<JsonBytes>(key).AsTask());

    /// <summary>
    /// The turn's first <see cref="LoadAsync"/> takes the prefetched state instead of reading. If it is stale (another
    /// turn saved in between), the save fails its ETag check and the turn re-runs on fresh state, as any conflict does.
    /// </summary>
    public void UsePrefetch(ITurnContext turnContext, StatePrefetch prefetch) => turnContext.TurnState.Set(_prefetchKey, prefetch);

    /// <summary>
    /// Writes the state when it changed (or when <paramref name="force"/>), conditioned on the ETag it was read with.
    /// Throws <see cref="StorageConflictException"/> when someone else wrote it in between.
    /// </summary>
    public async Task SaveChangesAsync(ITurnContext turnContext, bool force = false, CancellationToken cancellationToken = default)
    {
        var cached = turnContext.TurnState.Get<CachedState>(_cacheKey);
        if (cached is null) return;
        var json = cached.Serialize();
        if (!force && (cached.ReadItem is null ? cached.IsEmpty : json.AsSpan().SequenceEqual(cached.ReadItem.Value.Utf8))) return;
        var document = new JsonBytes(json);
        var eTag = await Storage.WriteAsync(cached.Key, document, WriteCondition.For(cached.ReadItem), TimeToLive, cancellationToken)
            .ConfigureAwait(false);
        cached.Saved(document, eTag);
    }

    /// <summary>Forgets the cached state so the next load reads storage again (used when a turn is re-run).</summary>
    public void Invalidate(ITurnContext turnContext)
    {
        turnContext.TurnState.Remove(_cacheKey);
        turnContext.TurnState.Remove(_prefetchKey);
    }

    /// <summary>Empties the state in the cache; it is written (as empty) by the next save.</summary>
    public void ClearState(ITurnContext turnContext) => GetCache(turnContext).Clear();

    /// <summary>Deletes the stored document and the cache.</summary>
    public async Task DeleteAsync(ITurnContext turnContext, CancellationToken cancellationToken = default)
    {
        turnContext.TurnState.Remove(_cacheKey);
        await Storage.DeleteAsync(GetStorageKey(turnContext), cancellationToken).ConfigureAwait(false);
    }

    private CachedState GetCache(ITurnContext turnContext) =>
        turnContext.TurnState.Get<CachedState>(_cacheKey)
        ?? throw new InvalidOperationException($"{GetType().Name} was not loaded for this turn; call LoadAsync first.");

    internal async Task<CachedState> GetLoadedCacheAsync(ITurnContext turnContext, CancellationToken cancellationToken)
    {
        await LoadAsync(turnContext, false, cancellationToken).ConfigureAwait(false);
        return GetCache(turnContext);
    }

    /// <summary>The state of one turn: the stored document, plus the live objects handed out by accessors.</summary>
    internal sealed class CachedState(string key, StoreItem<JsonBytes>? readItem)
    {
        private static readonly JsonWriterOptions WriterOptions = new() { Encoder = StorageJson.Options.Encoder };

        // The stored properties, parsed on first use; live objects override them, removed names drop them.
        private JsonElement? _stored;
        private bool _storedCleared;
        private readonly Dictionary<string, (object? Value, Type Type)> _live = new(StringComparer.Ordinal);
        private HashSet<string>? _removed;

        public string Key { get; } = key;

        public StoreItem<JsonBytes>? ReadItem { get; private set; } = readItem;

        /// <summary>Nothing to store: no live property and no stored one left.</summary>
        public bool IsEmpty => _live.Count == 0 && StoredProperties().All(p => _removed?.Contains(p.Name) == true);

        public bool TryGet<T>(string name, out T value)
        {
            if (_live.TryGetValue(name, out var live))
            {
                value = (T)live.Value!;
                return true;
            }
            if (_removed?.Contains(name) != true && Stored() is { } stored && stored.TryGetProperty(name, out var element))
            {
                value = element.Deserialize<T>(StorageJson.Options)!;
                _live[name] = (value, typeof(T));
                return true;
            }
            value = default!;
            return false;
        }

        public void Set<T>(string name, T value)
        {
            _live[name] = (value, typeof(T));
            _removed?.Remove(name);
        }

        public void Remove(string name)
        {
            _live.Remove(name);
            (_removed ??= new HashSet<string>(StringComparer.Ordinal)).Add(name);
        }

        public void Clear()
        {
            _live.Clear();
            _removed = null;
            _storedCleared = true;
        }

        /// <summary>
        /// The document as UTF-8 JSON: stored properties in their stored order (live values in place of theirs), then
        /// new ones, so an unchanged turn produces the very bytes it read and its save is skipped.
        /// </summary>
        public byte[] Serialize()
        {
            var buffer = new ArrayBufferWriter<byte>(ReadItem?.Value.Utf8.Length + 64 ?? 256);
            using (var writer = new Utf8JsonWriter(buffer, WriterOptions))
            {
                writer.WriteStartObject();
                HashSet<string>? written = null;
                foreach (var property in StoredProperties())
                {
                    if (_removed?.Contains(property.Name) == true) continue;
                    if (_live.TryGetValue(property.Name, out var live))
                    {
                        WriteLive(writer, property.Name, live);
                        (written ??= new HashSet<string>(StringComparer.Ordinal)).Add(property.Name);
                    }
                    else
                    {
                        property.WriteTo(writer);
                    }
                }
                foreach (var (name, live) in _live)
                    if (written?.Contains(name) != true) WriteLive(writer, name, live);
                writer.WriteEndObject();
            }
            return buffer.WrittenSpan.ToArray();
        }

        public void Saved(JsonBytes document, string eTag)
        {
            ReadItem = new StoreItem<JsonBytes>(document, eTag);
            // What was just written is the new stored document; live objects stay live for the rest of the turn.
            _stored = null;
            _storedCleared = false;
            _removed = null;
        }

        private static void WriteLive(Utf8JsonWriter writer, string name, (object? Value, Type Type) live)
        {
            writer.WritePropertyName(name);
            JsonSerializer.Serialize(writer, live.Value, live.Type, StorageJson.Options);
        }

        private JsonElement? Stored()
        {
            if (_storedCleared || ReadItem is null) return null;
            if (_stored is null)
            {
                var reader = new Utf8JsonReader(ReadItem.Value.Utf8);
                var root = JsonElement.ParseValue(ref reader);
                _stored = root.ValueKind == JsonValueKind.Object ? root : null;
                if (_stored is null) _storedCleared = true;
            }
            return _stored;
        }

        private IEnumerable<JsonProperty> StoredProperties() =>
            Stored() is { } stored ? stored.EnumerateObject() : [];
    }
}
