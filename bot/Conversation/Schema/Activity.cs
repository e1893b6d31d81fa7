using System.Text.Json;
using System.Text.Json.Serialization;

namespace AssistBot.Bot.Conversation.Schema;

/// <summary>
/// The Bot Framework Activity (Microsoft.Bot.Schema), one model for every channel. Wire names are camelCase,
/// nulls are omitted and unknown fields are kept in <see cref="Properties"/> so they round-trip.
/// </summary>
public sealed class Activity
{
    public string Type { get; set; } = ActivityTypes.Message;
    public string? Id { get; set; }
    public DateTimeOffset? Timestamp { get; set; }
    public DateTimeOffset? LocalTimestamp { get; set; }
    public string? LocalTimezone { get; set; }
    public string? ServiceUrl { get; set; }
    public string? ChannelId { get; set; }
    public ChannelAccount? From { get; set; }
    public ConversationAccount? Conversation { get; set; }
    public ChannelAccount? Recipient { get; set; }
    public string? TextFormat { get; set; }
    public string? AttachmentLayout { get; set; }
    public List<ChannelAccount>? MembersAdded { get; set; }
    public List<ChannelAccount>? MembersRemoved { get; set; }
    public string? Locale { get; set; }
    public string? Text { get; set; }
    public string? Speak { get; set; }
    public string? InputHint { get; set; }
    public string? Summary { get; set; }
    public SuggestedActions? SuggestedActions { get; set; }
    public List<Attachment>? Attachments { get; set; }
    public List<JsonElement>? Entities { get; set; }
    public JsonElement? ChannelData { get; set; }
    public string? Action { get; set; }
    public string? ReplyToId { get; set; }
    public string? Label { get; set; }
    public string? ValueType { get; set; }
    public JsonElement? Value { get; set; }
    public string? Name { get; set; }
    public ConversationReference? RelatesTo { get; set; }
    public string? Code { get; set; }
    public DateTimeOffset? Expiration { get; set; }
    public string? Importance { get; set; }
    public string? DeliveryMode { get; set; }
    public List<string>? ListenFor { get; set; }

    /// <summary>Filled by the bot after authentication; never on the wire.</summary>
    [JsonIgnore]
    public string? CallerId { get; set; }

    /// <summary>
    /// The text as the user sent it, when <see cref="Text"/> had personal data masked at the start of the turn (see
    /// <see cref="Privacy.InboundPersonalData"/>); null when nothing was masked. Only a step that asks for exactly an
    /// ID number or a phone number reads it, to keep the value in an encrypted field. Never on the wire, never stored.
    /// </summary>
    [JsonIgnore]
    public string? UnmaskedText { get; internal set; }

    [JsonExtensionData]
    public Dictionary<string, JsonElement>? Properties { get; set; }

    public static Activity CreateMessageActivity(string? text = null) => new() { Type = ActivityTypes.Message, Text = text };

    public bool IsMessage => Type == ActivityTypes.Message;

    /// <summary>A reply: type message, from/recipient swapped, same conversation and channel, replyToId = Id.</summary>
    public Activity CreateReply(string? text = null) => new()
    {
        Type = ActivityTypes.Message,
        Timestamp = null,
        From = Recipient is null ? null : new ChannelAccount(Recipient.Id, Recipient.Name, "bot"),
        Recipient = From is null ? null : new ChannelAccount(From.Id, From.Name, "user"),
        ReplyToId = Id,
        ServiceUrl = ServiceUrl,
        ChannelId = ChannelId,
        Conversation = Conversation,
        Locale = Locale,
        Text = text ?? "",
        InputHint = InputHints.AcceptingInput,
    };

    public ConversationReference GetConversationReference() => new()
    {
        ActivityId = Type == ActivityTypes.ConversationUpdate && ChannelId is "directline" or "webchat" ? null : Id,
        User = From,
        Bot = Recipient,
        Conversation = Conversation,
        ChannelId = ChannelId,
        Locale = Locale,
        ServiceUrl = ServiceUrl,
    };

    /// <summary>Addresses this (outgoing, unless <paramref name="isIncoming"/>) activity with a reference.</summary>
    public Activity ApplyConversationReference(ConversationReference reference, bool isIncoming = false)
    {
        ChannelId = reference.ChannelId;
        ServiceUrl = reference.ServiceUrl;
        Conversation = reference.Conversation;
        Locale ??= reference.Locale;
        if (isIncoming)
        {
            From = reference.User;
            Recipient = reference.Bot;
            if (reference.ActivityId is not null) Id = reference.ActivityId;
        }
        else
        {
            From = reference.Bot;
            Recipient = reference.User;
            if (reference.ActivityId is not null) ReplyToId = reference.ActivityId;
        }
        return this;
    }
}
