namespace AssistBot.Knowledge.Texts;

/// <summary>
/// Whom a farmer can turn to when the bot cannot help, said the same way by every part of AssistBot (Q&amp;A, the
/// declaration, binding, the engine's apologies). One file, so a county or a reviewer changes it once.
/// 12317 per domain-brief §1.7 (✅): 防止返贫监测和乡村振兴咨询服务电话（原12317平台）.
/// </summary>
public static class ContactTexts
{
    public const string Hotline = "12317";

    /// <summary>The hotline with what it is, for replies that have room for it.</summary>
    public const string HotlineNamed = Hotline + "（防止返贫监测和乡村振兴咨询服务电话）";

    /// <summary>Short, after an apology or a refusal: "…可以找村干部，或拨打12317".</summary>
    public const string CadreOrHotline = "找村干部，或拨打" + Hotline;

    /// <summary>Where a written application is the alternative: "…找村委会，或拨打12317".</summary>
    public const string CommitteeOrHotline = "找村委会，或拨打" + Hotline;

    /// <summary>For a figure or date the county has not configured: "…请问村干部或乡镇，也可以拨打12317".</summary>
    public const string AskCadreOrTownship = "请问村干部或乡镇，也可以拨打" + Hotline;

    /// <summary>The full list, for 转人工 and help.</summary>
    public const string ContactLines = "· 找本村村干部，或到乡镇（街道）便民服务中心；\n· 拨打" + HotlineNamed + "。";

    /// <summary>When the documents do not say: the people who know.</summary>
    public const string WhomToAsk = "这一点请问村里的帮扶干部（村干部）或乡镇便民服务中心，也可以拨打" + HotlineNamed + "。";

    /// <summary>After "the documents do not say" in the Q&amp;A's honest fallback.</summary>
    public const string AskCadreTownshipOrHotline =
        "建议您问问村里的帮扶干部（村干部），或到乡镇便民服务中心咨询，也可以拨打" + HotlineNamed + "。";

    /// <summary>When an entry has no how-to: where to go next, without inventing a procedure.</summary>
    public const string GenericHow =
        "具体怎么办，请找村里的帮扶干部或村干部，他们会告诉您要准备什么；也可以到乡镇便民服务中心咨询，或拨打" + Hotline + "。";
}
