namespace AssistBot.Bot.Conversation;

/// <summary>Bot Builder's TurnContextStateCollection: a small per-turn dictionary.</summary>
public sealed class TurnContextStateCollection
{
    private readonly Dictionary<string, object?> _values = new(StringComparer.Ordinal);

    public T? Get<T>() where T : class => Get<T>(typeof(T).FullName!);

    public T? Get<T>(string key) where T : class => _values.TryGetValue(key, out var v) ? v as T : null;

    public void Set<T>(T value) where T : class => Set(typeof(T).FullName!, value);

    public void Set<T>(string key, T value) => _values[key] = value;

    public bool Remove(string key) => _values.Remove(key);
}
