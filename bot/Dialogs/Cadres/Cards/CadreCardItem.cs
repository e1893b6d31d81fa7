using System.Security.Cryptography;
using System.Text;
using AssistBot.Bot.Cases;
using AssistBot.Bot.Privacy;
using AssistBot.Bot.Storage;
using AssistBot.Bot.WeChat;
using AssistBot.Scheduler.Outbox;

namespace AssistBot.Bot.Dialogs.Cadres.Cards;

/// <summary>One item on a card: its line, its buttons (keys), and whether it was done (and how).</summary>
public sealed record CadreCardItem(string Kind, string Title, string Line, IReadOnlyList<string> Keys, string? DoneAs = null);
