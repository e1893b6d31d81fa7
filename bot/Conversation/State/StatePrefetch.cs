using System.Buffers;
using System.Text.Json;
using AssistBot.Bot.Storage;

namespace AssistBot.Bot.Conversation.State;

/// <summary>A state read started ahead of its turn (see <see cref="BotState.BeginRead"/>).</summary>
public sealed record StatePrefetch(string Key, Task<StoreItem<JsonBytes>?> Read);
