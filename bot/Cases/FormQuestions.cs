namespace AssistBot.Bot.Cases;

/// <summary>Recognises a question typed in the middle of the form ("收入线是多少？", "要多久才有结果").</summary>
public static class FormQuestions
{
    private static readonly string[] Markers =
        ["怎么", "多少", "什么", "为什么", "能不能", "可不可以", "可以吗", "是不是", "哪里", "哪儿", "哪些", "哪几", "哪种", "几种", "有没有", "多久", "几天", "几月", "多长时间", "要不要", "会不会", "谁", "啥", "咋", "何时"];

    private static readonly char[] TrailingPunctuation = ['。', '.', '!', '！', '~', ' '];

    public static bool LooksLikeQuestion(string? text)
    {
        if (string.IsNullOrWhiteSpace(text)) return false;
        var t = text.Trim().TrimEnd(TrailingPunctuation);
        if (t.Contains('？') || t.Contains('?')) return true;
        if (t.EndsWith('吗') || t.EndsWith('嘛') || t.EndsWith('么') || t.EndsWith('呢') || t.EndsWith('没') || t.EndsWith("没有", StringComparison.Ordinal)) return true;
        return Markers.Any(m => t.Contains(m, StringComparison.Ordinal));
    }

    /// <summary>
    /// A yes/no question the form's own check does not catch ("能申请监测不", "…能自己报吗，还是…"): a clause ending in 吗,
    /// or a message ending in 不 after 能/可以/会/中.
    /// </summary>
    public static bool AsksWhether(string? text)
    {
        if (string.IsNullOrWhiteSpace(text)) return false;
        var t = text.Trim().TrimEnd(TrailingPunctuation);
        if (t.Contains("吗，", StringComparison.Ordinal) || t.Contains("吗,", StringComparison.Ordinal) || t.Contains("吗 ", StringComparison.Ordinal)) return true;
        return t.Length >= 4 && t.EndsWith('不') && (t.Contains('能') || t.Contains("可以", StringComparison.Ordinal) || t.Contains('会') || t.Contains('中'));
    }
}
