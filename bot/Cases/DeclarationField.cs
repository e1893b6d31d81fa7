namespace AssistBot.Bot.Cases;

/// <summary>The questions of the self-declaration form, in order.</summary>
public enum DeclarationField
{
    HeadName,
    IdNumber,
    Phone,
    Township,
    Village,
    HouseholdSize,
    Hardships,
    Description,
    Income,
}

public static class DeclarationFields
{
    // Checked in this order: "身份证号码" must not read as 电话号码, "乡镇" not as 村.
    private static readonly (DeclarationField Field, string[] Words)[] Words =
    [
        (DeclarationField.IdNumber, ["身份证", "证件号", "身份号"]),
        (DeclarationField.Phone, ["电话", "手机", "号码", "联系方式"]),
        (DeclarationField.HeadName, ["姓名", "名字", "户主"]),
        (DeclarationField.Township, ["乡镇", "街道", "镇", "乡"]),
        (DeclarationField.Village, ["村", "社区", "小区", "组"]),
        (DeclarationField.HouseholdSize, ["人口", "几口人", "口人", "人数", "几个人"]),
        (DeclarationField.Hardships, ["困难类型", "类型", "困难", "原因"]),
        (DeclarationField.Income, ["收入", "工资"]),
        (DeclarationField.Description, ["说明", "情况", "描述"]),
    ];

    /// <summary>Which answer a correction names: "电话写错了" → Phone, "改一下村" → Village. Null when none.</summary>
    public static DeclarationField? Detect(string? text)
    {
        var compact = CaseText.Compact(text);
        if (compact.Length == 0) return null;
        foreach (var (field, words) in Words)
            if (words.Any(w => compact.Contains(w, StringComparison.Ordinal))) return field;
        return null;
    }

    /// <summary>By 1-based position in <see cref="DeclarationTexts.FieldLabels"/>.</summary>
    public static DeclarationField? FromNumber(int number) =>
        number >= 1 && number <= DeclarationTexts.FieldLabels.Count ? (DeclarationField)(number - 1) : null;
}

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
}
