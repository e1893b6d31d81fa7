using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using AssistBot.Bot.Privacy;
using Microsoft.Extensions.Options;

namespace AssistBot.Bot.BotFramework.DirectLine;

public readonly record struct TokenCheck(TokenStatus Status, DirectLineGrant? Grant);
