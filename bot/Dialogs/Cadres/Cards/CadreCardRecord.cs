using System.Security.Cryptography;
using System.Text;
using AssistBot.Bot.Cases;
using AssistBot.Bot.Privacy;
using AssistBot.Bot.Storage;
using AssistBot.Bot.WeChat;
using AssistBot.Scheduler.Outbox;

namespace AssistBot.Bot.Dialogs.Cadres.Cards;

/// <summary>What was sent on a card (kept a week by task id), so a click can rebuild a digest with its other buttons.</summary>
public sealed record CadreCardRecord(string CountyId, string UserId, IReadOnlyList<CadreCardItem> Items);
