namespace AssistBot.Bot.Text;

/// <summary>Yes or no in everyday Chinese (是/好/好的/对/嗯/可以/确认 … 不/否/不是/不要/算了 …), or 1 = yes, 2 = no.</summary>
public static class ConfirmRecognizer
{
    public static readonly IReadOnlySet<string> YesWords = new HashSet<string>(StringComparer.Ordinal)
    {
        "是", "是的", "是啊", "好", "好的", "好啊", "对", "对的", "对啊", "嗯", "嗯嗯", "可以", "确认", "确定", "行", "要",
        "同意", "会", "没问题", "没错", "需要", "有", "有的", "yes", "y", "ok", "okay", "1", "一",
    };

    public static readonly IReadOnlySet<string> NoWords = new HashSet<string>(StringComparer.Ordinal)
    {
        "不", "否", "不是", "不要", "算了", "不用", "不行", "不对", "不好", "不需要", "没有", "没", "别", "不了", "不同意",
        "不确认", "不可以", "无", "不办", "不办了", "不想办了", "不想要", "不会", "no", "n", "2", "二",
    };

    public static bool? Recognize(string? text)
    {
        foreach (var variant in TextNormalizer.Variants(text))
        {
            if (NoWords.Contains(variant)) return false;
            if (YesWords.Contains(variant)) return true;
        }
        return null;
    }
}
