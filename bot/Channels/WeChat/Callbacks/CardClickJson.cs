using System.Globalization;
using System.Text.Json;
using AssistBot.Bot.Conversation.Schema;

namespace AssistBot.Bot.WeChat;

[System.Text.Json.Serialization.JsonSerializable(typeof(CardClick))]
internal sealed partial class CardClickJson : System.Text.Json.Serialization.JsonSerializerContext;
