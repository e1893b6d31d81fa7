using System.Globalization;
using System.Text.Json;
using AssistBot.Bot.Conversation.Schema;

namespace AssistBot.Bot.WeChat;

/// <summary>Maps a callback message to an <see cref="Activity"/> following the channel conventions (INTEGRATION.md).</summary>
public static class WeChatActivityMapper
{
    public const string MenuClickEvent = "menuClick";
    public const string ScanEvent = "scan";
    public const string LocationEvent = "location";
    public const string CardClickEvent = "cardClick";

    private static readonly JsonElement VoiceChannelData = JsonSerializer.SerializeToElement(new { msgType = "voice" });

    public static WeChatInboundAction Map(WeChatInboundMessage message, string countyId, string channelId)
    {
        var type = message.MsgType ?? "";
        if (type.Equals(WeChatMsgTypes.Text, StringComparison.OrdinalIgnoreCase))
            return WeChatInboundAction.Turn(Message(message, countyId, channelId, message.Content ?? ""));

        if (type.Equals(WeChatMsgTypes.Voice, StringComparison.OrdinalIgnoreCase))
        {
            var recognized = TrimRecognition(message.Recognition);
            if (recognized.Length == 0) return WeChatInboundAction.Reply(WeChatTexts.VoiceNotRecognized);
            var activity = Message(message, countyId, channelId, recognized);
            activity.ChannelData = VoiceChannelData;
            return WeChatInboundAction.Turn(activity);
        }

        if (message.IsEvent) return MapEvent(message, countyId, channelId);

        return type.ToLowerInvariant() switch
        {
            WeChatMsgTypes.Image => WeChatInboundAction.Reply(WeChatTexts.ImageNotSupported),
            WeChatMsgTypes.Video or WeChatMsgTypes.ShortVideo => WeChatInboundAction.Reply(WeChatTexts.VideoNotSupported),
            WeChatMsgTypes.Location => WeChatInboundAction.Reply(WeChatTexts.LocationNotSupported),
            WeChatMsgTypes.Link => WeChatInboundAction.Reply(WeChatTexts.LinkNotSupported),
            WeChatMsgTypes.File => WeChatInboundAction.Reply(WeChatTexts.FileNotSupported),
            _ => WeChatInboundAction.Reply(WeChatTexts.FileNotSupported),
        };
    }

    private static WeChatInboundAction MapEvent(WeChatInboundMessage message, string countyId, string channelId)
    {
        var name = message.Event ?? "";
        if (name.Equals(WeChatEvents.Subscribe, StringComparison.OrdinalIgnoreCase))
        {
            var activity = Base(message, countyId, channelId, ActivityTypes.ConversationUpdate);
            activity.MembersAdded = [activity.From!];
            // A follow through a parameterised QR code carries "qrscene_{scene}"; the scene travels as the value.
            if (message.EventKey is { Length: > 8 } key && key.StartsWith("qrscene_", StringComparison.Ordinal))
                activity.Value = JsonSerializer.SerializeToElement(key[8..]);
            return WeChatInboundAction.Turn(activity);
        }
        if (name.Equals(WeChatEvents.Unsubscribe, StringComparison.OrdinalIgnoreCase))
        {
            var activity = Base(message, countyId, channelId, ActivityTypes.ConversationUpdate);
            activity.MembersRemoved = [activity.From!];
            return WeChatInboundAction.Turn(activity);
        }
        if (name.Equals(WeChatEvents.Click, StringComparison.OrdinalIgnoreCase))
            return WeChatInboundAction.Turn(Event(message, countyId, channelId, MenuClickEvent,
                JsonSerializer.SerializeToElement(message.EventKey ?? "")));
        if (name.Equals(WeChatEvents.Scan, StringComparison.OrdinalIgnoreCase))
            return WeChatInboundAction.Turn(Event(message, countyId, channelId, ScanEvent,
                JsonSerializer.SerializeToElement(message.EventKey ?? "")));
        if (name.Equals(WeChatEvents.Location, StringComparison.OrdinalIgnoreCase))
            return WeChatInboundAction.Turn(Event(message, countyId, channelId, LocationEvent,
                JsonSerializer.SerializeToElement(new
                {
                    latitude = ParseDouble(message.Latitude, 90),
                    longitude = ParseDouble(message.Longitude, 180),
                    precision = ParseDouble(message.Precision, 1e7),
                })));
        if (name.Equals(WeChatEvents.TemplateCard, StringComparison.OrdinalIgnoreCase))
            return WeChatInboundAction.Turn(Event(message, countyId, channelId, CardClickEvent,
                JsonSerializer.SerializeToElement(new CardClick(message.EventKey ?? "", message.TaskId ?? "", message.ResponseCode ?? ""),
                    CardClickJson.Default.CardClick)));
        // VIEW (a link in the menu), enter_agent, template-send reports and the like need no answer.
        return WeChatInboundAction.Ignore;
    }

    private static Activity Message(WeChatInboundMessage message, string countyId, string channelId, string text)
    {
        var activity = Base(message, countyId, channelId, ActivityTypes.Message);
        activity.Text = text;
        activity.TextFormat = "plain";
        return activity;
    }

    private static Activity Event(WeChatInboundMessage message, string countyId, string channelId, string name,
        JsonElement value)
    {
        var activity = Base(message, countyId, channelId, ActivityTypes.Event);
        activity.Name = name;
        activity.Value = value;
        return activity;
    }

    private static Activity Base(WeChatInboundMessage message, string countyId, string channelId, string type)
    {
        var user = message.FromUserName ?? "";
        return new Activity
        {
            Type = type,
            Id = message.DedupId,
            ChannelId = channelId,
            Timestamp = Timestamp(message.CreateTime),
            Locale = "zh-CN",
            From = new ChannelAccount(user, null, "user"),
            Recipient = new ChannelAccount(message.ToUserName ?? "", null, "bot"),
            Conversation = new ConversationAccount(string.Concat(countyId, ":", user)),
        };
    }

    /// <summary>WeChat's speech recognition ends sentences with "。"; the dialogs expect the words only.</summary>
    private static string TrimRecognition(string? recognition) =>
        recognition is null ? "" : recognition.Trim().TrimEnd('。', '！', '？', '.', '!', '?', '，', ',').Trim();

    /// <summary>A coordinate or precision; anything that is not a finite number in range (NaN, 1e400) is left out.</summary>
    private static double? ParseDouble(string? value, double limit) =>
        double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var d) && double.IsFinite(d) && Math.Abs(d) <= limit
            ? d
            : null;

    /// <summary>CreateTime as a time; out of range (0, negative, 99999999999999) means "unknown", not a failed turn.</summary>
    private static DateTimeOffset? Timestamp(long createTime) =>
        createTime > 0 && createTime <= MaxUnixSeconds ? DateTimeOffset.FromUnixTimeSeconds(createTime) : null;

    private static readonly long MaxUnixSeconds = DateTimeOffset.MaxValue.ToUnixTimeSeconds();
}
