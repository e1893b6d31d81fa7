using AssistBot.Bot.Conversation;
using AssistBot.Bot.Conversation.Dialogs;
using AssistBot.Bot.Conversation.State;
using AssistBot.Bot.Dialogs;

namespace AssistBot.Bot.Tests.Conversation;

/// <summary>
/// A free-text feature that counts "加一" messages in conversation state and replies with the new count — a
/// read-modify-write that loses updates unless turns are serialized and saves are ETag-checked.
/// "慢" does the same but waits on <see cref="Gate"/> (first time only) after changing state and before the save.
/// </summary>
public sealed class CounterFeature(ConversationState conversationState) : IFreeTextHandler
{
    private readonly IStatePropertyAccessor<CounterState> _counter = conversationState.CreateProperty<CounterState>("counter");
    private int _slowCalls;

    public TaskCompletionSource Gate { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public TaskCompletionSource SlowTurnChangedState { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public async Task<bool> TryHandleAsync(DialogContext dc, RouteInput input, CancellationToken cancellationToken)
    {
        if (input.Text is not ("加一" or "慢")) return false;
        var counter = await _counter.GetAsync(dc.Context, () => new CounterState(), cancellationToken);
        counter.Value++;
        await dc.Context.SendActivityAsync($"计数 {counter.Value}", cancellationToken);
        if (input.Text == "慢" && Interlocked.Increment(ref _slowCalls) == 1)
        {
            SlowTurnChangedState.TrySetResult();
            await Gate.Task.WaitAsync(TimeSpan.FromSeconds(30), cancellationToken);
        }
        return true;
    }

    public sealed class CounterState
    {
        public int Value { get; set; }
    }
}
