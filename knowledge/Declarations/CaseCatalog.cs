using AssistBot.Knowledge.Packs;
using AssistBot.Knowledge.Places;
using AssistBot.Knowledge.Reminders;

namespace AssistBot.Knowledge.Declarations;

/// <summary>
/// The county files of every pack, by pack id (xinfeng-2024, yuzhou-2023): places and declaration rules where a pack
/// has both, and reminder rules where it has <c>reminders.yaml</c>. Loaded as part of the <see cref="PackCatalog"/>.
/// </summary>
public sealed class CaseCatalog
{
    public const string PlacesFile = "places.yaml";
    public const string DeclarationFile = "declaration.yaml";

    private readonly Dictionary<string, CasePack> _byPack;
    private readonly Dictionary<string, ReminderPack> _reminders;

    public CaseCatalog(IEnumerable<CasePack> packs, IReadOnlyDictionary<string, ReminderPack>? reminders = null)
    {
        _byPack = packs.ToDictionary(p => p.PackId, StringComparer.OrdinalIgnoreCase);
        _reminders = new Dictionary<string, ReminderPack>(reminders ?? new Dictionary<string, ReminderPack>(), StringComparer.OrdinalIgnoreCase);
        foreach (var pack in _byPack.Values)
            if (pack.Reminders is { } r) _reminders.TryAdd(pack.PackId, r);
    }

    public static CaseCatalog Empty { get; } = new([]);

    public IReadOnlyCollection<CasePack> Packs => _byPack.Values;

    public CasePack? Find(string packId) => _byPack.GetValueOrDefault(packId);

    /// <summary>The pack's reminder rules, or null when it has no <c>reminders.yaml</c>.</summary>
    public ReminderPack? Reminders(string packId) => _reminders.GetValueOrDefault(packId);

    /// <summary>As <see cref="Load(string, List{PackIssue})"/>; the first error throws (tests and tools that want the shipped packs).</summary>
    public static CaseCatalog Load(string packsDirectory)
    {
        var issues = new List<PackIssue>();
        var catalog = Load(packsDirectory, issues);
        return issues.FirstOrDefault(i => i.Severity == PackIssueSeverity.Error) is { } error
            ? throw new InvalidDataException(error.ToString())
            : catalog;
    }

    /// <summary>
    /// Reads <c>places.yaml</c>, <c>declaration.yaml</c> and <c>reminders.yaml</c> of every pack folder; each bad file
    /// is an error with its file and line in <paramref name="issues"/> (and its pack is left out).
    /// </summary>
    public static CaseCatalog Load(string packsDirectory, List<PackIssue> issues)
    {
        var packs = new List<CasePack>();
        var reminders = new Dictionary<string, ReminderPack>(StringComparer.OrdinalIgnoreCase);
        if (!Directory.Exists(packsDirectory)) return new CaseCatalog(packs);
        foreach (var dir in Directory.EnumerateDirectories(packsDirectory).Order(StringComparer.Ordinal))
        {
            var id = Path.GetFileName(dir);
            var remindersPath = Path.Combine(dir, ReminderPackLoader.FileName);
            var reminder = File.Exists(remindersPath) ? ReminderPackLoader.Check(remindersPath, issues) : null;
            if (reminder is not null) reminders[id] = reminder;
            var places = Read(Path.Combine(dir, PlacesFile), PlaceDirectory.Load, issues);
            var rules = Read(Path.Combine(dir, DeclarationFile), DeclarationRules.Load, issues);
            if (places is not null && rules is not null) packs.Add(new CasePack(id, places, rules, reminder));
        }
        return new CaseCatalog(packs, reminders);
    }

    private static T? Read<T>(string path, Func<string, T> load, List<PackIssue> issues) where T : class
    {
        if (!File.Exists(path)) return null;
        try
        {
            return load(path);
        }
        catch (Exception ex) when (ex is InvalidDataException or FormatException or ArgumentException or IOException)
        {
            issues.Add(ex is InvalidDataException data ? PackIssueLines.FromException(path, data) : PackIssueLines.Locate(path, ex.Message));
            return null;
        }
    }
}

/// <summary>One pack's places and declaration rules, and its reminder rules (empty when it has none).</summary>
public sealed record CasePack(string PackId, PlaceDirectory Places, DeclarationRules Rules, ReminderPack? Reminders = null);
