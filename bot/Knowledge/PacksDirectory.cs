using AssistBot.Knowledge.Packs;

namespace AssistBot.Bot.Knowledge;

/// <summary>
/// Where every pack file is read from — Q&amp;A entries, places, declaration rules, reminders: <c>Knowledge:PacksDirectory</c>
/// (relative to the binary), else <c>packs/</c> next to the binary. One rule, so a county that points it at its own
/// folder gets its own reminders and places too.
/// </summary>
public static class PacksDirectory
{
    public static string From(IConfiguration configuration) =>
        (configuration.GetSection(KnowledgeOptions.Section).Get<KnowledgeOptions>() ?? new KnowledgeOptions()).ResolvePacksDirectory();
}
