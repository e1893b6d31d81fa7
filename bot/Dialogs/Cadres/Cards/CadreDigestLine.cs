using System.Security.Cryptography;
using System.Text;
using AssistBot.Bot.Cases;
using AssistBot.Bot.Privacy;
using AssistBot.Bot.Storage;
using AssistBot.Bot.WeChat;
using AssistBot.Scheduler.Outbox;

namespace AssistBot.Bot.Dialogs.Cadres.Cards;

/// <summary>One line of a cadre's digest: what it is about, and the typed command that does it.</summary>
public sealed record CadreDigestLine(string Text, string? Command);
