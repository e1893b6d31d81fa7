using System.Collections.Concurrent;
using AssistBot.Bot.Hosting;

namespace AssistBot.Bot.WeChat;

/// <summary>One <see cref="WXBizMsgCrypt"/> per county account, built on first use; null when not configured.</summary>
public sealed class WeChatCryptoProvider(ILogger<WeChatCryptoProvider> logger) : IDisposable
{
    private readonly ConcurrentDictionary<(string Key, string ReceiveId), WXBizMsgCrypt?> _cache = new();

    /// <summary>The Official Account's safe-mode cipher (receiveId = AppID).</summary>
    public WXBizMsgCrypt? ForOfficialAccount(County county) =>
        Get(county, county.Options.WeChat.EncodingAESKey, county.Options.WeChat.AppId, "WeChat");

    /// <summary>The WeCom app's cipher (receiveId = CorpID).</summary>
    public WXBizMsgCrypt? ForWeCom(County county) =>
        Get(county, county.Options.WeCom.EncodingAESKey, county.Options.WeCom.CorpId, "WeCom");

    private WXBizMsgCrypt? Get(County county, string key, string receiveId, string section)
    {
        if (string.IsNullOrEmpty(key) || string.IsNullOrEmpty(receiveId)) return null;
        return _cache.GetOrAdd((key, receiveId), k =>
        {
            try
            {
                return new WXBizMsgCrypt(k.Key, k.ReceiveId);
            }
            catch (ArgumentException e)
            {
                logger.LogError("Counties:{County}:{Section}:EncodingAESKey is invalid: {Error}", county.Id, section, e.Message);
                return null;
            }
        });
    }

    public void Dispose()
    {
        foreach (var crypt in _cache.Values) crypt?.Dispose();
    }
}
