namespace AssistBot.Bot.WeChat;

/// <summary>Parses a decrypted message from <c>buffer[offset..offset+length]</c> (UTF-8); false when it is not valid.</summary>
public delegate bool Utf8MessageReader<T>(byte[] buffer, int offset, int length, out T result);
