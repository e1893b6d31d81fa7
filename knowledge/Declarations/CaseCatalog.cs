using AssistBot.Knowledge.Places;
using AssistBot.Knowledge.Reminders;

namespace AssistBot.Knowledge.Declarations;

/// <summary>The self-declaration data of every pack that has it, by pack id (xinfeng-2024, yuzhou-2023).</summary>
public sealed class CaseCatalog
{
    private readonly Dictionary<string, CasePack> _byPack;

    public CaseCatalog(IEnumerable<CasePack> packs) =>
        _byPack = packs.ToDictionary(p => p.PackId, StringComparer.OrdinalIgnoreCase);

    public IReadOnlyCollection<CasePack> Packs => _byPack.Values;

    public CasePack? Find(string packId) => _byPack.GetValueOrDefault(packId);

    /// <summary>
    /// Loads <c>places.yaml</c> and <c>declaration.yaml</c> from every pack folder that has both, with the pack's
    /// <c>reminders.yaml</c> (its duty roles and subject types tell the roster and subject imports what is known).
    /// </summary>
    public static CaseCatalog Load(string packsDirectory)
    {
        var packs = new List<CasePack>();
        if (Directory.Exists(packsDirectory))
        {
            foreach (var dir in Directory.EnumerateDirectories(packsDirectory).Order(StringComparer.Ordinal))
            {
                var places = Path.Combine(dir, "places.yaml");
                var rules = Path.Combine(dir, "declaration.yaml");
                if (!File.Exists(places) || !File.Exists(rules)) continue;
                var id = Path.GetFileName(dir);
                packs.Add(new CasePack(id, PlaceDirectory.Load(places), DeclarationRules.Load(rules), ReminderPackLoader.LoadPack(packsDirectory, id)));
            }
        }
        return new CaseCatalog(packs);
    }
}

/// <summary>One pack's places and declaration rules, and its reminder rules (empty when it has none).</summary>
public sealed record CasePack(string PackId, PlaceDirectory Places, DeclarationRules Rules, ReminderPack? Reminders = null);
