using System.Buffers;
using System.Text.Json;
using AssistBot.Bot.Storage;

namespace AssistBot.Bot.Conversation.State;

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
