using AssistBot.Bot.Conversation.State;

namespace AssistBot.Bot.Conversation.Dialogs;

/// <summary>The dialogs that can run at one level, and (for the root set) where their stack is stored.</summary>
public sealed class DialogSet(IStatePropertyAccessor<DialogState>? dialogState = null)
{
    private readonly Dictionary<string, Dialog> _dialogs = new(StringComparer.Ordinal);

    public DialogSet Add(Dialog dialog)
    {
        if (_dialogs.TryGetValue(dialog.Id, out var existing))
        {
            if (ReferenceEquals(existing, dialog)) return this;
            throw new InvalidOperationException($"A different dialog with id '{dialog.Id}' is already in this set.");
        }
        _dialogs[dialog.Id] = dialog;
        return this;
    }

    public Dialog? Find(string dialogId) => _dialogs.GetValueOrDefault(dialogId);

    public IEnumerable<Dialog> All => _dialogs.Values;

    public async Task<DialogContext> CreateContextAsync(ITurnContext turnContext, CancellationToken cancellationToken = default)
    {
        if (dialogState is null)
            throw new InvalidOperationException("This DialogSet was created without a state property accessor.");
        var state = await dialogState.GetAsync(turnContext, () => new DialogState(), cancellationToken).ConfigureAwait(false);
        return new DialogContext(this, turnContext, state);
    }
}
