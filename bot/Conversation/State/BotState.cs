using System.Text.Json;
using System.Text.Json.Nodes;
using AssistBot.Bot.Storage;

namespace AssistBot.Bot.Conversation.State;

/// <summary>
/// Bot Builder's BotState with real optimistic concurrency: the state document is read once per turn (cached in
/// TurnState) and written back with If-Match on the ETag it was read with, so a write based on stale state throws
/// <see cref="StorageConflictException"/> instead of silently overwriting another instance's change.
/// Properties are live objects during the turn and are serialized (System.Text.Json) when saved.
/// </summary>
public abstract class BotState(IStorage storage, string stateName)
{
    private readonly string _cacheKey = "AssistBot.BotState." + stateName;
    private readonly string _prefetchKey = "AssistBot.BotState.Prefetch." + stateName;

    public IStorage Storage { get; } = storage;

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
            : await Storage.ReadAsync<JsonObject>(key, cancellationToken).ConfigureAwait(false);
        turnContext.TurnState.Set(_cacheKey, new CachedState(key, item));
    }

    /// <summary>
    /// Starts reading the state under <paramref name="key"/> before the turn exists, so the read travels together
    /// with the caller's other storage calls (the WeChat channel sends it alongside its retry claim: one round trip
    /// instead of two). Hand the result to the turn with <see cref="UsePrefetch"/>.
    /// </summary>
    public StatePrefetch BeginRead(string key) => new(key, Storage.ReadAsync<JsonObject>(key).AsTask());

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
        var document = cached.Serialize();
        var json = document.ToJsonString();
        if (!force && (json == cached.LoadedJson || (cached.ReadItem is null && document.Count == 0))) return;
        var eTag = await Storage.WriteAsync(cached.Key, document, WriteCondition.For(cached.ReadItem), null, cancellationToken)
            .ConfigureAwait(false);
        cached.Saved(document, eTag, json);
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
    internal sealed class CachedState
    {
        private JsonObject _document;
        private readonly Dictionary<string, (object? Value, Type Type)> _live = new(StringComparer.Ordinal);

        public CachedState(string key, StoreItem<JsonObject>? readItem)
        {
            Key = key;
            ReadItem = readItem;
            _document = readItem?.Value ?? new JsonObject();
            LoadedJson = readItem is null ? null : _document.ToJsonString();
        }

        public string Key { get; }

        public StoreItem<JsonObject>? ReadItem { get; private set; }

        public string? LoadedJson { get; private set; }

        public bool TryGet<T>(string name, out T value)
        {
            if (_live.TryGetValue(name, out var live))
            {
                value = (T)live.Value!;
                return true;
            }
            if (_document[name] is { } node)
            {
                value = node.Deserialize<T>(StorageJson.Options)!;
                _live[name] = (value, typeof(T));
                return true;
            }
            value = default!;
            return false;
        }

        public void Set<T>(string name, T value) => _live[name] = (value, typeof(T));

        public void Remove(string name)
        {
            _live.Remove(name);
            _document.Remove(name);
        }

        public void Clear()
        {
            _live.Clear();
            _document = new JsonObject();
        }

        public JsonObject Serialize()
        {
            var result = new JsonObject();
            foreach (var (name, node) in _document)
                if (!_live.ContainsKey(name)) result[name] = node?.DeepClone();
            foreach (var (name, (value, type)) in _live)
                result[name] = JsonSerializer.SerializeToNode(value, type, StorageJson.Options);
            return result;
        }

        public void Saved(JsonObject document, string eTag, string json)
        {
            ReadItem = new StoreItem<JsonObject>(document, eTag);
            LoadedJson = json;
        }
    }
}

/// <summary>A state read started ahead of its turn (see <see cref="BotState.BeginRead"/>).</summary>
public sealed record StatePrefetch(string Key, Task<StoreItem<JsonObject>?> Read);

internal sealed class BotStatePropertyAccessor<T>(BotState state, string name) : IStatePropertyAccessor<T>
{
    public string Name { get; } = name;

    public async Task<T> GetAsync(ITurnContext turnContext, Func<T>? defaultValueFactory = null,
        CancellationToken cancellationToken = default)
    {
        var cache = await state.GetLoadedCacheAsync(turnContext, cancellationToken).ConfigureAwait(false);
        if (cache.TryGet<T>(Name, out var value)) return value;
        if (defaultValueFactory is null) return default!;
        value = defaultValueFactory();
        cache.Set(Name, value);
        return value;
    }

    public async Task SetAsync(ITurnContext turnContext, T value, CancellationToken cancellationToken = default)
    {
        var cache = await state.GetLoadedCacheAsync(turnContext, cancellationToken).ConfigureAwait(false);
        cache.Set(Name, value);
    }

    public async Task DeleteAsync(ITurnContext turnContext, CancellationToken cancellationToken = default)
    {
        var cache = await state.GetLoadedCacheAsync(turnContext, cancellationToken).ConfigureAwait(false);
        cache.Remove(Name);
    }
}
