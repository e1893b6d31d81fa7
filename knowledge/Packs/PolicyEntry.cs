namespace AssistBot.Knowledge.Packs;

/// <summary>Who an entry is written for.</summary>
public static class Audiences
{
    public const string Farmer = "农户";
    public const string Cadre = "干部";

    public static bool IsKnown(string? audience) => audience is Farmer or Cadre;
}

/// <summary>One curated policy topic: what the bot says about it and where that comes from.</summary>
public sealed class PolicyEntry
{
    public required string Id { get; init; }
    public required string Title { get; init; }

    /// <summary><see cref="Audiences.Farmer"/> or <see cref="Audiences.Cadre"/>.</summary>
    public required string Audience { get; init; }

    /// <summary>
    /// The topic(s) the entry is about, ids of <c>vocab/topics.yaml</c> (YAML <c>topic:</c>, one id; a list where one
    /// clause of a plan covers two topics, e.g. 住房和饮水安全).
    /// </summary>
    public IReadOnlyList<string> Topics { get; init; } = [];

    /// <summary>What the answer actually answers, ids of <c>vocab/aspects.yaml</c> (金额标准, 期限, 办理 …).</summary>
    public IReadOnlyList<string> Aspects { get; init; } = [];

    /// <summary>The first of <see cref="Topics"/>, or null for an entry not yet annotated.</summary>
    public string? Topic => Topics.Count > 0 ? Topics[0] : null;

    /// <summary>Lines of the <c>topic:</c> and <c>aspects:</c> fields (0 when absent), for error messages.</summary>
    public int TopicLine { get; init; }
    public int AspectsLine { get; init; }

    /// <summary>Keywords and synonyms, colloquial ones included (借钱, 扶贫贷, 先看病后付钱).</summary>
    public IReadOnlyList<string> Keywords { get; init; } = [];

    /// <summary>A few questions people ask about the topic, in their own words.</summary>
    public IReadOnlyList<string> Questions { get; init; } = [];

    /// <summary>The short answer (facts first, then what to do next), one WeChat screen at most.</summary>
    public required string Answer { get; init; }

    /// <summary>Optional longer explanation for "详细说说".</summary>
    public string? Detail { get; init; }

    /// <summary>Optional how-to for "怎么申请 / 找谁办 / 要什么材料".</summary>
    public string? How { get; init; }

    /// <summary>Document title in 《》 followed by the clause, e.g. 《…工作要点》二（二）5.</summary>
    public required string Source { get; init; }

    public DateOnly? EffectiveFrom { get; init; }
    public DateOnly? EffectiveTo { get; init; }

    /// <summary>Ids of parent-pack (national) entries this county entry replaces for its county.</summary>
    public IReadOnlyList<string> Overrides { get; init; } = [];

    /// <summary>The pack the entry belongs to (set by the loader).</summary>
    public required string PackId { get; init; }

    /// <summary>File and line the entry was read from, for error messages.</summary>
    public required string Origin { get; init; }

    /// <summary>The clause part of <see cref="Source"/>: the text after the closing 》.</summary>
    public string Clause
    {
        get
        {
            var end = Source.LastIndexOf('》');
            return end < 0 ? "" : Source[(end + 1)..].Trim();
        }
    }
}
