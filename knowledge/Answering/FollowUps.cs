namespace AssistBot.Knowledge.Answering;

public enum FollowUpKind { None, Detail, How }

/// <summary>Recognises "详细说说" / "怎么申请" style follow-ups (after rewriting, so fillers are already gone).</summary>
internal static class FollowUps
{
    private static readonly string[] DetailPhrases =
    [
        "详细说说", "详细说", "详细点", "详细讲", "详细介绍", "说详细", "讲详细", "具体说说", "具体点", "具体讲", "具体说",
        "展开说", "展开讲", "再说说", "多说点", "多讲讲", "再讲讲", "说清楚", "讲清楚", "没听懂", "没看懂", "啥意思", "什么意思",
        "还有呢", "还有吗", "还有没有", "还有啥", "还有什么", "还有么子", "还有别的", "然后呢", "接着说", "继续说",
    ];

    private static readonly string[] HowPhrases =
    [
        "怎么申请", "如何申请", "怎样申请", "咋申请", "怎么办理", "如何办理", "怎么办", "咋办", "去哪办", "去哪里办",
        "到哪办", "到哪里办", "在哪办", "哪里办", "找谁", "问谁", "要什么材料", "需要什么材料", "什么材料", "带什么",
        "什么手续", "啥手续", "流程", "怎么弄", "咋弄", "怎么报", "怎么领", "去哪领", "到哪领", "怎么申报", "去哪申请", "到哪申请",
    ];

    public static FollowUpKind Detect(string rewritten)
    {
        foreach (var p in HowPhrases) if (rewritten.Contains(p, StringComparison.Ordinal)) return FollowUpKind.How;
        foreach (var p in DetailPhrases) if (rewritten.Contains(p, StringComparison.Ordinal)) return FollowUpKind.Detail;
        return FollowUpKind.None;
    }

    private static readonly string[] GoesOnWords = ["还能", "还有", "还给", "还中", "接着", "继续"];

    /// <summary>"还能贷不", "还有没有", "接着贷", "继续享受": asks whether something goes on (after a period ends).</summary>
    public static bool AsksWhetherItGoesOn(string folded) =>
        Text.WordList.AnyIn(folded, GoesOnWords);

    private static readonly string[] WhatThereIsWords = ["点啥", "点什么", "点么子", "些啥", "些什么", "啥政策", "什么政策", "么子政策", "啥帮扶", "什么帮扶", "啥补助", "什么补助", "么子补助", "啥办法", "什么办法"];

    /// <summary>"能申请点啥", "有啥政策": an open question about what there is, not about the policy just talked of.</summary>
    public static bool AsksWhatThereIs(string folded) =>
        Text.WordList.AnyIn(folded, WhatThereIsWords);

    private static readonly string[] CorrectionWords = ["说的是", "问的是", "我是说", "俺是说", "是问", "不是这个", "不是那个"];

    /// <summary>"俺说的是监测，咋申报", "不是这个，我问的是…": the farmer corrects what was understood and names what is meant.</summary>
    public static bool Corrects(string folded) =>
        Text.WordList.AnyIn(folded, CorrectionWords);

    /// <summary>
    /// "咋报", "去哪报", "找哪个报": 报 as reporting a hardship (申报) — not 报销 (reimbursing), 报名 (enrolling), 举报 or
    /// 汇报.
    /// </summary>
    public static bool ReportsAHardship(string folded)
    {
        for (var at = folded.IndexOf('报'); at >= 0; at = folded.IndexOf('报', at + 1))
        {
            var next = at + 1 < folded.Length ? folded[at + 1] : '\0';
            var before = at > 0 ? folded[at - 1] : '\0';
            if (next is '销' or '名' or '道' or '告' or '纸' || before is '举' or '汇' or '情' or '预' or '电' or '上' or '公') continue;
            return true;
        }
        return false;
    }

    /// <summary>True when, without its follow-up phrase, the question says nothing of its own ("那怎么申请呢").</summary>
    public static bool IsBare(string rewritten)
    {
        var rest = rewritten;
        foreach (var p in HowPhrases) rest = rest.Replace(p, "", StringComparison.Ordinal);
        foreach (var p in DetailPhrases) rest = rest.Replace(p, "", StringComparison.Ordinal);
        var meaningful = 0;
        foreach (var c in rest)
            if (Search.CharFolding.IsCjk(c) && !"那这个的呢吗啊呀吧了要我们你这些还再给一下请问是啥么".Contains(c)) meaningful++;
        return meaningful < 2;
    }
}
