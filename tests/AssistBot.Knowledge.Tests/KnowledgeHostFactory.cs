using AssistBot.Bot.Tests.Infrastructure;

namespace AssistBot.Knowledge.Tests;

/// <summary>The real host (Program, so <c>AddAssistBot</c>) with its own data directory and the packs not watched.</summary>
public sealed class KnowledgeHostFactory() : AssistBotFactory(new Dictionary<string, string?> { ["Knowledge:Watch"] = "false" });
