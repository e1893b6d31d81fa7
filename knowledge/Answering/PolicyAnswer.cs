using AssistBot.Knowledge.Packs;
using AssistBot.Knowledge.Understanding;

namespace AssistBot.Knowledge.Answering;

/// <summary>What the bot says to one policy question.</summary>
public sealed record PolicyAnswer(
    PolicyOutcome Outcome,
    string Text,
    IReadOnlyList<PolicyEntry> Entries,
    IReadOnlyList<string> Choices,
    string? TopicId)
{
    /// <summary>Entry ids of the offered choices, in order (for "1"/"2"/"3" replies).</summary>
    public IReadOnlyList<string> ChoiceIds => Outcome == PolicyOutcome.Clarify ? Entries.Select(e => e.Id).ToList() : [];

    /// <summary>How the question was read (null for a numbered choice or an empty question).</summary>
    public QuestionReading? Reading { get; init; }

    /// <summary>The topic the conversation is now about (read, inherited, or the answering entry's), for memory.</summary>
    public string? Topic { get; init; }

    /// <summary>The aspect asked (read or inherited), for memory.</summary>
    public string? Aspect { get; init; }

    /// <summary>The county whose pack answered (county id), for memory and cross-county questions.</summary>
    public string? County { get; init; }

    /// <summary>The topic and aspect came from the conversation, not from this message.</summary>
    public bool Inherited { get; init; }

    /// <summary>
    /// The entry of the asked topic and aspect that the rules read and found not to state what was asked: other years'
    /// figures only ("2026年的监测线" of a 2023 plan), no sum, share or count in the unit asked, or the thing asked named
    /// only in passing ("公益岗要安置多少人" of 稳岗就业's 1.4万). The honest "not in the documents" stands against the
    /// labelled questions answering from it. A yes/no about a figure the entry does not state does not set it: the
    /// labelled questions overrule that check rightly more often than not.
    /// </summary>
    public string? DeclinedEntryId { get; init; }

    /// <summary>
    /// The honest reply about a topic that was understood ("关于“临时救助”，…文件里没有写要什么材料"): no entry states what
    /// was asked, but the reply is to the question, not a failure to read it.
    /// </summary>
    public bool IsDetailMissing => Outcome == PolicyOutcome.Fallback && Topic is not null;

    /// <summary>Why this answer: one line per decision, for <c>knowledge explain</c> and <c>eval --explain</c>.</summary>
    public IReadOnlyList<string> Why { get; init; } = [];
}
