using AssistBot.Knowledge.Texts;

namespace AssistBot.Knowledge.Answering;

/// <summary>Everything the policy Q&amp;A says on its own (not from a pack entry), in one place for review.</summary>
public static class PolicyTexts
{
    public const string SourcePrefix = "来源：";

    public const string ClarifyPrompt = "您是想问下面哪一项？请回复序号：";

    /// <summary>Leading words of the clarify prompt (what tests and the eval look for).</summary>
    public const string ClarifyLead = "您是想问";

    public const string HowLead = "怎么办理：";

    /// <summary>Before an answer that repeats the entry the farmer just read.</summary>
    public const string SameAsBefore = "还是刚才这条政策：\n";

    public const string Fallback =
        "这个问题我这里没有找到准确的政策依据，不敢乱答。" + ContactTexts.AskCadreTownshipOrHotline +
        "您也可以换个说法再问我，比如“小额信贷能贷多少”。";

    public const string EmptyQuestion = "请直接说出或打出您想问的政策，比如“小额信贷能贷多少”“孩子读职校有什么补助”。";

    /// <summary>When an entry has no how-to: where to go next, without inventing a procedure.</summary>
    public const string GenericHow = ContactTexts.GenericHow;

    /// <summary>An answer as sent: county prefix for local rules, the text, and the source line last.</summary>
    public static string Compose(string prefix, string text, string source) => $"{prefix}{text}\n{SourcePrefix}{source}";

    /// <summary>One policy's part of a reply to a question about several: "1. 标题" then the answer and its source.</summary>
    public static string Part(int number, string title, string prefix, string text, string source) =>
        $"{number}. {title}\n{Compose(prefix, text.TrimEnd(), source)}";

    /// <summary>One county's answer to a question comparing two counties, under its name.</summary>
    public static string CountyPart(string countyName, string text) => $"【{countyName}】\n{text}";

    public static string CountyPrefix(string countyName) => string.IsNullOrEmpty(countyName) ? "" : countyName + "：";

    /// <summary>An office's or a person's own number asked (乡镇民政办, 帮扶责任人): no document gives one.</summary>
    public const string PhoneNotInDocuments = "这个联系电话文件里没有写，我不能乱说。\n" + WhomToAsk;

    /// <summary>Whom to ask when the documents do not say.</summary>
    public const string WhomToAsk = ContactTexts.WhomToAsk;

    /// <summary>The topic is clear, but no entry answers what was asked: say what the documents do cover, then whom to ask.</summary>
    public static string DetailNotInDocuments(string topic, string aspectLabel, string scope, IReadOnlyList<string> titles) =>
        $"关于“{topic}”，{scope}的文件里没有写{aspectLabel}，我不能乱说。\n" +
        (titles.Count > 0 ? $"文件里写了的是：{string.Join("；", titles)}。想了解这些可以直接问我。\n" : "") + WhomToAsk;

    /// <summary>Another county asked about, answered by a national entry: it holds there as everywhere.</summary>
    public static string NationalHoldsIn(string countyName) => $"{countyName}也按全国统一的政策执行：\n";

    /// <summary>The topic is clear but the county's documents say nothing about it.</summary>
    public static string TopicNotInDocuments(string topic, string scope) =>
        $"{scope}的文件里没有关于“{topic}”的内容，我不能乱说。\n" + WhomToAsk;

    /// <summary>"信丰县2024年" / "全国" — whose documents were searched.</summary>
    public static string Scope(string countyName, DateOnly? from) =>
        string.IsNullOrEmpty(countyName) ? "现有政策" : from is { } f ? $"{countyName}{f.Year}年" : countyName;
}
