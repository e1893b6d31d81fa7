using AssistBot.Knowledge.Answering;

namespace AssistBot.Bot.Dialogs.PolicyQa;

/// <summary>
/// What the policy Q&amp;A remembers in a conversation (conversation state: it survives a restart; a WeChat conversation
/// never closes, so the memory ends after a quiet spell instead): the last entry answered, the topic, aspect and county
/// last asked about, and the choices last offered.
/// </summary>
public sealed class PolicyQaState
{
    /// <summary>The entry of the last answer (for "详细说说").</summary>
    public string? LastTopicId { get; set; }

    /// <summary>The topic last asked about (vocabulary id, e.g. 小额信贷): "得多久还上" continues it.</summary>
    public string? LastTopic { get; set; }

    /// <summary>The aspect last asked (e.g. 期限): "那信丰呢" asks it again for another county.</summary>
    public string? LastAspect { get; set; }

    /// <summary>The county whose pack answered last (county id), when the question named another county.</summary>
    public string? LastCounty { get; set; }

    public List<string> OfferedChoiceIds { get; set; } = [];

    /// <summary>A count asked in a unit ("几年", "换一次"): "那禹州呢" asks the same count of another county.</summary>
    public string? LastCountAsked { get; set; }

    /// <summary>When the memory was last written: after <see cref="PolicyQaHandler.MemoryLifetime"/> of silence it is forgotten.</summary>
    public DateTimeOffset? UpdatedAt { get; set; }

    /// <summary>The memory as the answerer reads it; <paramref name="homeCounty"/> when no other county was asked about.</summary>
    public PolicyContext Context(string? homeCounty = null) =>
        new(LastTopicId, LastTopic, LastAspect, LastCounty ?? homeCounty, OfferedChoiceIds, LastCountAsked);

    /// <summary>A copy to answer with when the memory may have to stay as it was (a question asked inside another dialog).</summary>
    public PolicyQaState Copy() => new()
    {
        LastTopicId = LastTopicId, LastTopic = LastTopic, LastAspect = LastAspect, LastCounty = LastCounty,
        OfferedChoiceIds = [.. OfferedChoiceIds], LastCountAsked = LastCountAsked, UpdatedAt = UpdatedAt,
    };
}
