using AssistBot.Knowledge.Texts;

namespace AssistBot.Bot.WeChat;

/// <summary>Everything the WeChat / WeCom channel itself says to a farmer or cadre (the dialogs say the rest).</summary>
public static class WeChatTexts
{
    public const string VoiceNotRecognized =
        "抱歉，这条语音没有听清。请再说一遍，或者直接打字告诉我；回复“菜单”可以看能办的事。";

    public const string ImageNotSupported =
        "收到您的图片了。目前我只能看懂文字和语音，请用文字或语音说一下您想问什么；回复“菜单”可以看能办的事。";

    public const string VideoNotSupported =
        "收到您的视频了。目前我只能看懂文字和语音，请用文字或语音说一下您想问什么；回复“菜单”可以看能办的事。";

    public const string LocationNotSupported =
        "收到您发的位置了。目前我只能看懂文字和语音，请用文字告诉我您在哪个乡镇、哪个村，想办什么事。";

    public const string LinkNotSupported =
        "收到您分享的链接了。目前我只能看懂文字和语音，请用文字或语音说一下您想问什么；回复“菜单”可以看能办的事。";

    public const string FileNotSupported =
        "收到您的文件了。目前我只能看懂文字和语音，请用文字或语音说一下您想问什么；回复“菜单”可以看能办的事。";

    public const string TooFast = "您发得太快了，请稍等一会儿再发。";

    public const string TurnFailed = "抱歉，刚才没处理好您的消息。请稍后再发一次；着急的话可以" + ContactTexts.CadreOrHotline + "。";
}
