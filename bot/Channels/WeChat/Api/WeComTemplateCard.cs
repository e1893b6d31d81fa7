using System.Text.Json.Serialization;

namespace AssistBot.Bot.WeChat;

/// <summary>A WeCom template card (the subset AssistBot sends: button_interaction and text_notice).</summary>
public sealed class WeComTemplateCard
{
    [JsonPropertyName("card_type")] public string CardType { get; set; } = "button_interaction";
    [JsonPropertyName("source")] public WeComCardSource? Source { get; set; }
    [JsonPropertyName("main_title")] public WeComCardTitle MainTitle { get; set; } = new();
    [JsonPropertyName("sub_title_text")] public string? SubTitleText { get; set; }
    [JsonPropertyName("horizontal_content_list")] public List<WeComCardField>? HorizontalContentList { get; set; }
    [JsonPropertyName("task_id")] public string? TaskId { get; set; }
    [JsonPropertyName("button_list")] public List<WeComCardButton>? ButtonList { get; set; }
    [JsonPropertyName("card_action")] public WeComCardAction? CardAction { get; set; }
}

public sealed class WeComCardSource
{
    [JsonPropertyName("desc")] public string Desc { get; set; } = "";
}

public sealed class WeComCardTitle
{
    [JsonPropertyName("title")] public string Title { get; set; } = "";
    [JsonPropertyName("desc")] public string? Desc { get; set; }
}

public sealed class WeComCardField
{
    [JsonPropertyName("keyname")] public string KeyName { get; set; } = "";
    [JsonPropertyName("value")] public string Value { get; set; } = "";
}

public sealed class WeComCardButton
{
    [JsonPropertyName("text")] public string Text { get; set; } = "";
    /// <summary>1 primary (blue), 2 secondary, 3 warning (red), 4 plain.</summary>
    [JsonPropertyName("style")] public int Style { get; set; } = 1;
    [JsonPropertyName("key")] public string Key { get; set; } = "";
}

public sealed class WeComCardAction
{
    /// <summary>0 none (text_notice cards need a card_action; 0 is not allowed there, 1 = a URL).</summary>
    [JsonPropertyName("type")] public int Type { get; set; }
    [JsonPropertyName("url")] public string? Url { get; set; }
}
