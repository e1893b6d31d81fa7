using System.Text.Json.Serialization;

namespace AssistBot.Bot.WeChat;

// The Official Account API's request and response bodies (JSON wire format, see the reference).

internal sealed class ApiResponse
{
    [JsonPropertyName("errcode")] public int ErrCode { get; set; }
    [JsonPropertyName("errmsg")] public string? ErrMsg { get; set; }
    [JsonPropertyName("access_token")] public string? AccessToken { get; set; }
    [JsonPropertyName("expires_in")] public int ExpiresIn { get; set; }
    [JsonPropertyName("msgid")] public long? MsgId { get; set; }
    [JsonPropertyName("ticket")] public string? Ticket { get; set; }
    [JsonPropertyName("userid")] public string? UserId { get; set; }
    [JsonPropertyName("openid")] public string? OpenId { get; set; }
}

internal sealed class TextContent
{
    [JsonPropertyName("content")] public string Content { get; set; } = "";
}

internal sealed class CustomServiceTextRequest
{
    [JsonPropertyName("touser")] public string ToUser { get; set; } = "";
    [JsonPropertyName("msgtype")] public string MsgType { get; set; } = "text";
    [JsonPropertyName("text")] public TextContent Text { get; set; } = new();
}

internal sealed class TemplateValue
{
    [JsonPropertyName("value")] public string Value { get; set; } = "";
}

internal sealed class TemplateSendRequest
{
    [JsonPropertyName("touser")] public string ToUser { get; set; } = "";
    [JsonPropertyName("template_id")] public string TemplateId { get; set; } = "";
    [JsonPropertyName("url")] public string? Url { get; set; }
    [JsonPropertyName("client_msg_id")] public string? ClientMsgId { get; set; }
    [JsonPropertyName("data")] public Dictionary<string, TemplateValue> Data { get; set; } = new();
}

/// <summary><c>/cgi-bin/message/subscribe/bizsend</c>: a 订阅通知 to one user.</summary>
internal sealed class SubscribeSendRequest
{
    [JsonPropertyName("touser")] public string ToUser { get; set; } = "";
    [JsonPropertyName("template_id")] public string TemplateId { get; set; } = "";
    [JsonPropertyName("page")] public string? Page { get; set; }
    [JsonPropertyName("data")] public Dictionary<string, TemplateValue> Data { get; set; } = new();
}
