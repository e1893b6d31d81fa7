using AssistBot.Knowledge.Declarations;

namespace AssistBot.Knowledge.Places;

/// <summary>
/// A county's townships (乡镇/街道) and the villages a source names, read from <c>places.yaml</c>. Recognises what
/// people actually type or say: the official name, the name without 镇/乡/街道, an old name (褚河镇 → 褚河街道), the
/// name inside a sentence ("我是大塘埠的"), or a one-character slip of a voice transcription (神后 → 神垕镇).
/// </summary>
public sealed class PlaceDirectory
{
    private static readonly string[] TownshipSuffixes = ["回族乡", "街道办事处", "街道", "镇", "乡"];
    private static readonly string[] VillageSuffixes = ["村民委员会", "居民委员会", "村委会", "居委会", "社区", "村"];

    private readonly List<(string Key, Township Township)> _keys;

    public PlaceDirectory(string countyId, string countyName, IReadOnlyList<Township> townships)
    {
        CountyId = countyId;
        CountyName = countyName;
        Townships = townships;
        _keys = [];
        foreach (var t in townships)
        {
            foreach (var key in new[] { t.Name, Stem(t.Name) }.Concat(t.Aliases).Concat(t.Aliases.Select(Stem)).Distinct())
                if (key.Length >= 2) _keys.Add((key, t));
        }
        // Longest keys first, so "褚河街道" wins over "褚河".
        _keys.Sort((a, b) => b.Key.Length.CompareTo(a.Key.Length));
    }

    public string CountyId { get; }

    public string CountyName { get; }

    public IReadOnlyList<Township> Townships { get; }

    /// <summary>The township with this official name or alias, or null.</summary>
    public Township? Find(string? name)
    {
        if (string.IsNullOrWhiteSpace(name)) return null;
        var n = Normalize(name);
        return Townships.FirstOrDefault(t => t.Name == n || t.Aliases.Contains(n));
    }

    /// <summary>Recognises a township in free text; see the class summary.</summary>
    public PlaceMatch MatchTownship(string? input)
    {
        var text = Normalize(input);
        if (text.Length == 0) return PlaceMatch.None;

        foreach (var (key, township) in _keys)
        {
            if (!text.Contains(key, StringComparison.Ordinal)) continue;
            // Another township whose key of the same length also occurs makes it ambiguous.
            var rivals = _keys.Where(k => k.Key.Length == key.Length && k.Township != township && text.Contains(k.Key, StringComparison.Ordinal))
                .Select(k => k.Township).Distinct().ToList();
            return rivals.Count == 0 ? PlaceMatch.Exact(township) : PlaceMatch.Ambiguous([township, .. rivals]);
        }

        // One character off (voice transcription, a slip of the pen), compared without the suffix.
        var stem = Stem(StripCountyPrefix(text));
        if (stem.Length < 2 || stem.Length > 6) return PlaceMatch.None;
        var near = _keys.Where(k => !HasTownshipSuffix(k.Key) && OneEditApart(stem, k.Key))
            .Select(k => k.Township).Distinct().ToList();
        return near.Count switch
        {
            0 => PlaceMatch.None,
            1 => PlaceMatch.Fuzzy(near[0]),
            _ => PlaceMatch.Ambiguous(near),
        };
    }

    /// <summary>
    /// A village name as entered, cleaned (spaces, punctuation, a leading county or township name); a known village
    /// gets its official spelling. Null when the text does not read as a village name (a sentence, a digit).
    /// </summary>
    public string? CleanVillage(Township township, string? input)
    {
        var text = StripCountyPrefix(Normalize(input));
        foreach (var key in new[] { township.Name, Stem(township.Name) }.Concat(township.Aliases))
        {
            // "大塘埠村" in 大塘埠镇 is a village named after its township: keep it whole rather than leave a bare "村".
            if (text.StartsWith(key, StringComparison.Ordinal) && !IsVillageSuffixOrEmpty(text[key.Length..]))
                text = text[key.Length..];
        }
        if (text.Length < 2 || !text.Any(IsHan)) return null;
        var known = township.Villages.FirstOrDefault(v => VillageKey(v.Name) == VillageKey(text));
        if (known is not null) return known.Name;
        return ReadsAsVillageName(text) ? text : null;
    }

    // Words of a sentence that no village or 社区 name contains (particles, pronouns): "老人住院花了不少钱" is a
    // description typed at the wrong question, not a village.
    private static readonly System.Buffers.SearchValues<char> SentenceCharacters = System.Buffers.SearchValues.Create("了吗呢啊吧呀哦嘛哈我你他她咱俺们的着过");

    /// <summary>
    /// Whether an unknown name can be a village: up to 8 Chinese characters before 村/社区/村委会…, or up to 6 without one,
    /// and none of the characters only sentences use.
    /// </summary>
    private static bool ReadsAsVillageName(string text)
    {
        var suffix = VillageSuffixes.FirstOrDefault(s => text.Length > s.Length && text.EndsWith(s, StringComparison.Ordinal));
        var name = suffix is null ? text : text[..^suffix.Length];
        // Only Chinese characters count: a group number or a code ("代屋村3组") does not make a name a sentence.
        if (name.Count(IsHan) > (suffix is null ? 6 : 8)) return false;
        return name.AsSpan().IndexOfAny(SentenceCharacters) < 0;
    }

    private static bool IsVillageSuffixOrEmpty(string rest) => rest.Length == 0 || VillageSuffixes.Contains(rest, StringComparer.Ordinal);

    /// <summary>Comparison key for village names: 代屋村, 代屋, 代屋村委会 are the same place.</summary>
    public static string VillageKey(string? name)
    {
        var n = Normalize(name);
        foreach (var suffix in VillageSuffixes)
            if (n.Length > suffix.Length + 1 && n.EndsWith(suffix, StringComparison.Ordinal)) return n[..^suffix.Length];
        return n;
    }

    /// <summary>The name without 镇/乡/街道/回族乡.</summary>
    public static string Stem(string name)
    {
        foreach (var suffix in TownshipSuffixes)
            if (name.Length > suffix.Length + 1 && name.EndsWith(suffix, StringComparison.Ordinal)) return name[..^suffix.Length];
        return name;
    }

    private static bool HasTownshipSuffix(string key) => TownshipSuffixes.Any(s => key.EndsWith(s, StringComparison.Ordinal));

    private string StripCountyPrefix(string text)
    {
        foreach (var prefix in new[] { CountyName, Stem(CountyName.TrimEnd('县', '市')), CountyName.TrimEnd('县', '市') })
            if (prefix.Length >= 2 && text.StartsWith(prefix, StringComparison.Ordinal)) return text[prefix.Length..];
        return text;
    }

    /// <summary>Drops whitespace, punctuation and symbols; folds full-width letters and digits.</summary>
    public static string Normalize(string? input)
    {
        if (string.IsNullOrEmpty(input)) return "";
        var folded = input.Normalize(System.Text.NormalizationForm.FormKC);
        var buffer = new System.Text.StringBuilder(folded.Length);
        foreach (var c in folded)
            if (char.IsLetterOrDigit(c)) buffer.Append(c);
        return buffer.ToString();
    }

    private static bool IsHan(char c) => c is >= '\u4e00' and <= '\u9fff';

    private static bool OneEditApart(string a, string b)
    {
        if (a == b) return true;
        if (Math.Abs(a.Length - b.Length) > 1) return false;
        if (Math.Min(a.Length, b.Length) < 2) return false;
        if (a.Length == b.Length)
        {
            var diff = 0;
            for (var i = 0; i < a.Length; i++)
                if (a[i] != b[i] && ++diff > 1) return false;
            return true;
        }
        var (shorter, longer) = a.Length < b.Length ? (a, b) : (b, a);
        if (shorter.Length < 2) return false;
        for (var i = 0; i < longer.Length; i++)
            if (longer.Remove(i, 1) == shorter) return true;
        return false;
    }

    /// <summary>Loads <c>places.yaml</c>.</summary>
    public static PlaceDirectory Load(string path)
    {
        var file = Packs.PackYaml.Read<PlacesFile>(path);
        if (string.IsNullOrWhiteSpace(file.County)) throw new InvalidDataException($"{path}: 'county' is missing.");
        var townships = file.Townships.Select(t => new Township(
            Normalize(t.Name),
            t.Note,
            t.Aliases.Select(Normalize).Where(a => a.Length > 0).ToList(),
            t.Villages.Select(v => new Village(Normalize(v.Name), v.Source)).ToList())).ToList();
        if (townships.Count == 0) throw new InvalidDataException($"{path}: no townships.");
        var duplicate = townships.GroupBy(t => t.Name).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null) throw new InvalidDataException($"{path}: township {duplicate.Key} is listed twice.");
        return new PlaceDirectory(file.County, file.CountyName ?? "", townships);
    }

    private sealed class PlacesFile
    {
        public string County { get; set; } = "";
        public string? CountyName { get; set; }

        /// <summary>Where the list comes from, for whoever reviews the file; not used at run time.</summary>
        public string? Source { get; set; }

        public List<TownshipEntry> Townships { get; set; } = [];
    }

    private sealed class TownshipEntry
    {
        public string Name { get; set; } = "";
        public string? Note { get; set; }
        public List<string> Aliases { get; set; } = [];
        public List<VillageEntry> Villages { get; set; } = [];
    }

    private sealed class VillageEntry
    {
        public string Name { get; set; } = "";
        public string? Source { get; set; }
    }
}
