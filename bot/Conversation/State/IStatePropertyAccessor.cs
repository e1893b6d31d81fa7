namespace AssistBot.Bot.Conversation.State;

/// <summary>One named property of a <see cref="BotState"/> (Bot Builder's IStatePropertyAccessor).</summary>
public interface IStatePropertyAccessor<T>
{
    string Name { get; }

    /// <summary>The value; when absent, <paramref name="defaultValueFactory"/>'s value is stored and returned.</summary>
    Task<T> GetAsync(ITurnContext turnContext, Func<T>? defaultValueFactory = null, CancellationToken cancellationToken = default);

    Task SetAsync(ITurnContext turnContext, T value, CancellationToken cancellationToken = default);

    Task DeleteAsync(ITurnContext turnContext, CancellationToken cancellationToken = default);
}
