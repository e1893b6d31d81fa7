using System.Text.Json.Serialization;

namespace AssistBot.Bot.WeChat;

/// <summary>Source-generated JSON for every WeChat and WeCom API body.</summary>
[JsonSourceGenerationOptions(DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    NumberHandling = JsonNumberHandling.AllowReadingFromString)]
[JsonSerializable(typeof(ApiResponse))]
[JsonSerializable(typeof(CustomServiceTextRequest))]
[JsonSerializable(typeof(TemplateSendRequest))]
[JsonSerializable(typeof(WeComTextRequest))]
[JsonSerializable(typeof(SubscribeSendRequest))]
[JsonSerializable(typeof(WeComTemplateCardRequest))]
[JsonSerializable(typeof(WeComUpdateCardRequest))]
internal sealed partial class ApiJsonContext : JsonSerializerContext;
