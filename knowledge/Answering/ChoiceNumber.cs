namespace AssistBot.Knowledge.Answering;

/// <summary>Reads a numbered-choice reply: "1", "１", "一", "第一个", "1." (zero-based result).</summary>
public static class ChoiceNumber
{
    private const string ChineseDigits = "一二三四五六七八九";

    public static bool TryParse(string reply, int choiceCount, out int index)
    {
        index = -1;
        var s = reply.Trim().TrimEnd('.', '。', '、', ' ', '！', '!');
        if (s.StartsWith('第')) s = s[1..];
        if (s.EndsWith('个') || s.EndsWith('项') || s.EndsWith('条')) s = s[..^1];
        if (s.Length != 1) return false;
        var c = s[0];
        if (c >= '１' && c <= '９') c = (char)('1' + (c - '１'));
        var n = c >= '1' && c <= '9' ? c - '0' : ChineseDigits.IndexOf(c) + 1;
        if (n < 1 || n > choiceCount) return false;
        index = n - 1;
        return true;
    }
}
