using System.Text.Json.Serialization;

namespace AssistBot.Bot.WeChat;

// The WeCom API's request bodies (message/send, update_template_card).

internal sealed class WeComTextRequest
{
    [JsonPropertyName("touser")] public string ToUser { get; set; } = "";
    [JsonPropertyName("msgtype")] public string MsgType { get; set; } = "text";
    [JsonPropertyName("agentid")] public long AgentId { get; set; }
    [JsonPropertyName("text")] public TextContent Text { get; set; } = new();
    [JsonPropertyName("safe")] public int Safe { get; set; }
}

internal sealed class WeComTemplateCardRequest
{
    [JsonPropertyName("touser")] public string ToUser { get; set; } = "";
    [JsonPropertyName("msgtype")] public string MsgType { get; set; } = "template_card";
    [JsonPropertyName("agentid")] public long AgentId { get; set; }
    [JsonPropertyName("template_card")] public WeComTemplateCard TemplateCard { get; set; } = new();
    [JsonPropertyName("enable_id_trans")] public int EnableIdTrans { get; set; }
    [JsonPropertyName("enable_duplicate_check")] public int EnableDuplicateCheck { get; set; }
}

internal sealed class WeComReplaceButton
{
    [JsonPropertyName("replace_name")] public string ReplaceName { get; set; } = "";
}

internal sealed class WeComUpdateCardRequest
{
    [JsonPropertyName("userids")] public List<string> UserIds { get; set; } = [];
    [JsonPropertyName("agentid")] public long AgentId { get; set; }
    [JsonPropertyName("response_code")] public string ResponseCode { get; set; } = "";
    [JsonPropertyName("button")] public WeComReplaceButton? Button { get; set; }
    [JsonPropertyName("template_card")] public WeComTemplateCard? TemplateCard { get; set; }
}
