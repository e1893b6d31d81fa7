namespace AssistBot.Bot.Hosting;

/// <summary>A configured county: its id (as in URLs) and its options.</summary>
public sealed record County(string Id, CountyOptions Options)
{
    public string Name => Options.Name;
    public string Pack => Options.Pack;
}
