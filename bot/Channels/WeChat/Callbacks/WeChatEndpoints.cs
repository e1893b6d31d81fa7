using System.Buffers;
using System.Globalization;
using System.Security.Cryptography;
using AssistBot.Bot.Hosting;
using Microsoft.Extensions.Options;
using ChannelIds = AssistBot.Bot.Conversation.Schema.Channels;

namespace AssistBot.Bot.WeChat;

/// <summary>
/// <c>GET/POST /wechat/{county}</c> (Official Account: plain, compatible and safe mode) and
/// <c>GET/POST /wecom/{county}</c> (WeCom self-built app, always encrypted).
/// Rejections never touch state: unknown county 404, token not configured 503, bad/missing signature or stale
/// timestamp 401, body over 64 KB 413, malformed XML (including any DTD) 400.
/// </summary>
public static class WeChatEndpoints
{
    private const string XmlContentType = "text/xml; charset=utf-8";
    private const string PlainContentType = "text/plain; charset=utf-8";

    public static IEndpointRouteBuilder MapWeChatEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapGet("/wechat/{county}", VerifyOfficialAccountUrl);
        app.MapPost("/wechat/{county}", ReceiveOfficialAccountMessage);
        app.MapGet("/wecom/{county}", VerifyWeComUrl);
        app.MapPost("/wecom/{county}", ReceiveWeComMessage);
        return app;
    }

    private static IResult VerifyOfficialAccountUrl(string county, HttpRequest request, Counties counties,
        IOptionsMonitor<WeChatChannelOptions> options, TimeProvider time, ILogger<WeChatEndpointLog> log)
    {
        if (!counties.TryGet(county, out var c)) return Results.NotFound();
        var token = c.Options.WeChat.Token;
        if (NotConfigured(token, c, "WeChat", log) is { } unavailable) return unavailable;
        var q = request.Query;
        string timestamp = q["timestamp"].ToString(), nonce = q["nonce"].ToString();
        if (!IsFresh(timestamp, options.CurrentValue.MaxTimestampSkew, time)
            || !WeChatSignature.Verify(q["signature"].ToString(), token, timestamp, nonce))
            return Reject(log, c, "wechat URL verification", "bad signature or stale timestamp");
        return Results.Text(q["echostr"].ToString(), PlainContentType);
    }

    private static async Task<IResult> ReceiveOfficialAccountMessage(string county, HttpContext http, Counties counties,
        WeChatCryptoProvider crypto, WeChatMessageProcessor processor, WeChatApiClient api, CustomerServiceQuota quota,
        IOptionsMonitor<WeChatChannelOptions> options, TimeProvider time, ILogger<WeChatEndpointLog> log)
    {
        if (!counties.TryGet(county, out var c)) return Results.NotFound();
        var account = c.Options.WeChat;
        if (NotConfigured(account.Token, c, "WeChat", log) is { } unavailable) return unavailable;

        var q = http.Request.Query;
        string timestamp = q["timestamp"].ToString(), nonce = q["nonce"].ToString();
        var safeMode = string.Equals(q["encrypt_type"].ToString(), "aes", StringComparison.OrdinalIgnoreCase);
        var msgSignature = q["msg_signature"].ToString();
        if (!IsFresh(timestamp, options.CurrentValue.MaxTimestampSkew, time))
            return Reject(log, c, "wechat POST", "missing or stale timestamp");
        // Plain and compatible mode: the URL signature is checked before the body is even read.
        if (!safeMode && !WeChatSignature.Verify(q["signature"].ToString(), account.Token, timestamp, nonce))
            return Reject(log, c, "wechat POST", "bad signature");
        if (safeMode && string.IsNullOrEmpty(msgSignature))
            return Reject(log, c, "wechat POST", "missing msg_signature");

        // The plain-mode signature does not cover the body: remember which body this (timestamp, nonce) carried.
        var (envelope, rejected, digest) = await ReadEnvelopeAsync(http.Request, c, log, http.RequestAborted, digest: !safeMode).ConfigureAwait(false);
        if (rejected is not null) return rejected;

        var message = envelope;
        WXBizMsgCrypt? cipher = null;
        if (safeMode)
        {
            if (string.IsNullOrEmpty(envelope.Encrypt)) return BadXml(log, c);
            if (!WeChatSignature.Verify(msgSignature, account.Token, timestamp, nonce, envelope.Encrypt))
                return Reject(log, c, "wechat POST", "bad msg_signature");
            cipher = crypto.ForOfficialAccount(c);
            if (cipher is null) return Unavailable(log, c, "WeChat:EncodingAESKey/AppId");
            switch (cipher.TryDecrypt<WeChatInboundMessage>(envelope.Encrypt, WeChatXml.TryParse, out message))
            {
                case DecryptOutcome.Undecryptable: return Reject(log, c, "wechat POST", "cannot decrypt (wrong key or AppId)");
                case DecryptOutcome.Unreadable: return BadXml(log, c);
            }
        }
        if (string.IsNullOrEmpty(message.FromUserName) || string.IsNullOrEmpty(message.MsgType)) return BadXml(log, c);

        // Replies pushed outside the passive reply (a long answer's rest, the 5-second fallback) count against the quota.
        var reply = await processor.ProcessAsync(c, ChannelIds.WeChat, message,
            async (user, text, ct) =>
            {
                var sent = await api.SendCustomerServiceTextAsync(account, user, text, ct).ConfigureAwait(false);
                if (sent.IsOk) await CountPushAsync(quota, c.Id, user, log).ConfigureAwait(false);
                return sent;
            }, http.RequestAborted,
            digest is null ? null : new WeChatReplayCheck(timestamp, nonce, digest)).ConfigureAwait(false);
        if (reply is null)
        {
            log.LogWarning("Rejected wechat POST for {County}: a replayed timestamp/nonce with another message", c.Id);
            return Results.StatusCode(StatusCodes.Status403Forbidden);
        }
        return Reply(reply, message, cipher, account.Token, time);
    }

    private static IResult VerifyWeComUrl(string county, HttpRequest request, Counties counties,
        WeChatCryptoProvider crypto, IOptionsMonitor<WeChatChannelOptions> options, TimeProvider time, ILogger<WeChatEndpointLog> log)
    {
        if (!counties.TryGet(county, out var c)) return Results.NotFound();
        var app = c.Options.WeCom;
        if (NotConfigured(app.Token, c, "WeCom", log) is { } unavailable) return unavailable;
        var cipher = crypto.ForWeCom(c);
        if (cipher is null) return Unavailable(log, c, "WeCom:EncodingAESKey/CorpId");
        var q = request.Query;
        // ASP.NET has already URL-decoded the query once; a '+' in echostr arrives as sent when encoded as %2B.
        string timestamp = q["timestamp"].ToString(), nonce = q["nonce"].ToString(), echo = q["echostr"].ToString();
        if (!IsFresh(timestamp, options.CurrentValue.MaxTimestampSkew, time)
            || !WeChatSignature.Verify(q["msg_signature"].ToString(), app.Token, timestamp, nonce, echo))
            return Reject(log, c, "wecom URL verification", "bad signature or stale timestamp");
        if (!cipher.TryDecrypt(echo, out var plain))
            return Reject(log, c, "wecom URL verification", "cannot decrypt echostr (wrong key or CorpId)");
        return Results.Text(plain, PlainContentType);
    }

    private static async Task<IResult> ReceiveWeComMessage(string county, HttpContext http, Counties counties,
        WeChatCryptoProvider crypto, WeChatMessageProcessor processor, WeComApiClient api,
        IOptionsMonitor<WeChatChannelOptions> options, TimeProvider time, ILogger<WeChatEndpointLog> log)
    {
        if (!counties.TryGet(county, out var c)) return Results.NotFound();
        var app = c.Options.WeCom;
        if (NotConfigured(app.Token, c, "WeCom", log) is { } unavailable) return unavailable;
        var q = http.Request.Query;
        string timestamp = q["timestamp"].ToString(), nonce = q["nonce"].ToString();
        var msgSignature = q["msg_signature"].ToString();
        if (!IsFresh(timestamp, options.CurrentValue.MaxTimestampSkew, time))
            return Reject(log, c, "wecom POST", "missing or stale timestamp");
        if (string.IsNullOrEmpty(msgSignature)) return Reject(log, c, "wecom POST", "missing msg_signature");
        var cipher = crypto.ForWeCom(c);
        if (cipher is null) return Unavailable(log, c, "WeCom:EncodingAESKey/CorpId");

        var (envelope, rejected, _) = await ReadEnvelopeAsync(http.Request, c, log, http.RequestAborted).ConfigureAwait(false);
        if (rejected is not null) return rejected;
        if (string.IsNullOrEmpty(envelope.Encrypt)) return BadXml(log, c);
        if (!WeChatSignature.Verify(msgSignature, app.Token, timestamp, nonce, envelope.Encrypt))
            return Reject(log, c, "wecom POST", "bad msg_signature");
        switch (cipher.TryDecrypt<WeChatInboundMessage>(envelope.Encrypt, WeChatXml.TryParse, out var message))
        {
            case DecryptOutcome.Undecryptable: return Reject(log, c, "wecom POST", "cannot decrypt (wrong key or CorpId)");
            case DecryptOutcome.Unreadable: return BadXml(log, c);
        }
        if (string.IsNullOrEmpty(message.FromUserName) || string.IsNullOrEmpty(message.MsgType)) return BadXml(log, c);
        if (!AgentMatches(app.AgentId, envelope.AgentId) || !AgentMatches(app.AgentId, message.AgentId))
            return Reject(log, c, "wecom POST", "message is for another AgentID");

        // msg_signature covers the encrypted body, so a replayed pair can only carry the same message (a retry).
        var reply = await processor.ProcessAsync(c, ChannelIds.WeCom, message,
            (user, text, ct) => api.SendTextAsync(app, user, text, ct), http.RequestAborted).ConfigureAwait(false);
        return Reply(reply ?? "", message, cipher, app.Token, time);
    }

    private static async Task CountPushAsync(CustomerServiceQuota quota, string countyId, string user, ILogger log)
    {
        try
        {
            await quota.CountPushAsync(countyId, user).ConfigureAwait(false);
        }
        catch (Exception e)
        {
            log.LogWarning("Could not count a pushed reply against the customer-service quota of {County}/{User}: {Error}", countyId, user, e.Message);
        }
    }

    /// <summary>"success" (never encrypted) for nothing to say; otherwise one text XML, encrypted in safe mode / WeCom.</summary>
    private static IResult Reply(string reply, WeChatInboundMessage message, WXBizMsgCrypt? cipher, string token,
        TimeProvider time)
    {
        if (reply.Length == 0) return Results.Text("success", PlainContentType);
        var now = time.GetUtcNow().ToUnixTimeSeconds();
        var xml = WeChatXml.TextReply(message.FromUserName!, message.ToUserName ?? "", now, reply);
        if (cipher is null) return Results.Text(xml, XmlContentType);
        var timestamp = now.ToString(CultureInfo.InvariantCulture);
        var nonce = RandomNumberGenerator.GetInt32(100_000_000, int.MaxValue).ToString(CultureInfo.InvariantCulture);
        return Results.Bytes(WeChatXml.EncryptedReplyUtf8(cipher, xml, token, timestamp, nonce), XmlContentType);
    }

    private static bool AgentMatches(string configured, string? received) =>
        string.IsNullOrEmpty(received) || string.IsNullOrEmpty(configured)
        || string.Equals(configured.Trim(), received.Trim(), StringComparison.Ordinal);

    private static bool IsFresh(string timestamp, TimeSpan maxSkew, TimeProvider time)
    {
        if (!long.TryParse(timestamp, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds)) return false;
        var skew = time.GetUtcNow().ToUnixTimeSeconds() - seconds;
        return Math.Abs(skew) <= maxSkew.TotalSeconds;
    }

    /// <summary>
    /// The callback body as XML, or the status that rejects it (413 too large, 400 malformed); with
    /// <paramref name="digest"/>, also a digest of the body's bytes (128 bits of SHA-256, hex).
    /// </summary>
    private static async Task<(WeChatInboundMessage Envelope, IResult? Rejected, string? Digest)> ReadEnvelopeAsync(HttpRequest request,
        County county, ILogger log, CancellationToken cancellationToken, bool digest = false)
    {
        var body = await ReadBodyAsync(request, cancellationToken).ConfigureAwait(false);
        if (body.Status is { } status) return (null!, status, null);
        try
        {
            if (!WeChatXml.TryParse(body.Buffer!, body.Length, out var envelope)) return (null!, BadXml(log, county), null);
            return (envelope, null, digest ? Digest(body.Buffer.AsSpan(0, body.Length)) : null);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(body.Buffer!);
        }
    }

    private static string Digest(ReadOnlySpan<byte> body)
    {
        Span<byte> hash = stackalloc byte[32];
        SHA256.HashData(body, hash);
        return Convert.ToHexString(hash[..16]);
    }

    private readonly record struct Body(byte[]? Buffer, int Length, IResult? Status);

    /// <summary>Reads at most 64 KB into a pooled buffer (the caller returns it); larger bodies get 413.</summary>
    private static async Task<Body> ReadBodyAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        if (request.ContentLength > WeChatXml.MaxBodyBytes) return new Body(null, 0, Results.StatusCode(StatusCodes.Status413PayloadTooLarge));
        var buffer = ArrayPool<byte>.Shared.Rent(request.ContentLength is { } known and > 0 ? (int)known + 1 : 4096);
        var length = 0;
        try
        {
            while (true)
            {
                if (length == buffer.Length)
                {
                    if (length > WeChatXml.MaxBodyBytes) break;
                    var bigger = ArrayPool<byte>.Shared.Rent(Math.Min(buffer.Length * 2, WeChatXml.MaxBodyBytes + 1));
                    buffer.AsSpan(0, length).CopyTo(bigger);
                    ArrayPool<byte>.Shared.Return(buffer);
                    buffer = bigger;
                }
                var read = await request.Body.ReadAsync(buffer.AsMemory(length), cancellationToken).ConfigureAwait(false);
                if (read == 0) break;
                length += read;
            }
        }
        catch
        {
            ArrayPool<byte>.Shared.Return(buffer);
            throw;
        }
        if (length > WeChatXml.MaxBodyBytes)
        {
            ArrayPool<byte>.Shared.Return(buffer);
            return new Body(null, 0, Results.StatusCode(StatusCodes.Status413PayloadTooLarge));
        }
        return new Body(buffer, length, null);
    }

    private static IResult? NotConfigured(string token, County county, string section, ILogger log) =>
        string.IsNullOrEmpty(token) ? Unavailable(log, county, section + ":Token") : null;

    private static IResult Unavailable(ILogger log, County county, string setting)
    {
        log.LogError("County {County}: Counties:{County}:{Setting} is not configured; refusing callbacks (503). " +
            "Set it in appsettings.json or the environment (e.g. Counties__{County}__WeChat__Token).",
            county.Id, county.Id, setting, county.Id);
        return Results.StatusCode(StatusCodes.Status503ServiceUnavailable);
    }

    private static IResult Reject(ILogger log, County county, string what, string why)
    {
        log.LogWarning("Rejected {What} for {County}: {Reason}", what, county.Id, why);
        return Results.StatusCode(StatusCodes.Status401Unauthorized);
    }

    private static IResult BadXml(ILogger log, County county)
    {
        log.LogWarning("Rejected a callback for {County}: malformed or incomplete XML", county.Id);
        return Results.StatusCode(StatusCodes.Status400BadRequest);
    }
}
