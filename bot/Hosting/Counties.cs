namespace AssistBot.Bot.Hosting;

/// <summary>The configured counties, looked up by the id used in endpoint paths (xinfeng, yuzhou).</summary>
public sealed class Counties
{
    private readonly Dictionary<string, County> _byId;

    public Counties(IConfiguration configuration)
    {
        var section = configuration.GetSection("Counties");
        _byId = new Dictionary<string, County>(StringComparer.OrdinalIgnoreCase);
        foreach (var child in section.GetChildren())
        {
            var options = new CountyOptions();
            child.Bind(options);
            _byId[child.Key] = new County(child.Key.ToLowerInvariant(), options);
        }
        var defaultId = configuration["DefaultCounty"];
        Default = !string.IsNullOrWhiteSpace(defaultId) && _byId.TryGetValue(defaultId, out var d) ? d : _byId.Values.FirstOrDefault();
    }

    public IReadOnlyCollection<County> All => _byId.Values;

    public County? Default { get; }

    public bool TryGet(string? id, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out County? county)
    {
        county = null;
        return id is not null && _byId.TryGetValue(id, out county);
    }
}
