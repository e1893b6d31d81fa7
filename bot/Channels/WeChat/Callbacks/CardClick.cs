using System.Globalization;
using System.Text.Json;
using AssistBot.Bot.Conversation.Schema;

namespace AssistBot.Bot.WeChat;

/// <summary>A WeCom card button click (<c>template_card_event</c>): the button's key, the card's task id, the click's response_code.</summary>
public sealed record CardClick(string Key, string TaskId, string ResponseCode);
