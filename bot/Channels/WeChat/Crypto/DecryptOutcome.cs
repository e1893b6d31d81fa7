namespace AssistBot.Bot.WeChat;

public enum DecryptOutcome
{
    /// <summary>Decrypted and read.</summary>
    Read,

    /// <summary>Decrypted, but the reader rejected the message.</summary>
    Unreadable,

    /// <summary>Not a value this key and receiveId can open.</summary>
    Undecryptable,
}
