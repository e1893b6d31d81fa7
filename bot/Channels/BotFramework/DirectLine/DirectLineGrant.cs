using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using AssistBot.Bot.Privacy;
using Microsoft.Extensions.Options;

namespace AssistBot.Bot.BotFramework.DirectLine;

/// <summary>
/// What a token grants: one conversation, as one user, in one county. <paramref name="Generation"/> counts the
/// conversation's token refreshes: a refresh retires the tokens of earlier generations.
/// </summary>
public sealed record DirectLineGrant(string ConversationId, string UserId, string County, int Generation = 0);
