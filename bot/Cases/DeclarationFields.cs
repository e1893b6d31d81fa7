namespace AssistBot.Bot.Cases;

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
