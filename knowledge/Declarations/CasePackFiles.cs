namespace AssistBot.Knowledge.Declarations;

/// <summary>Finds the directory that holds the county packs (<c>packs/{pack-id}/…</c>) for the case files.</summary>
public static class CasePackFiles
{
    /// <summary>
    /// <paramref name="configured"/> when given; else <c>packs</c> next to the binary; else the nearest
    /// <c>knowledge/packs</c> above it (running from a source checkout).
    /// </summary>
    public static string FindPacksDirectory(string? configured = null)
    {
        if (!string.IsNullOrWhiteSpace(configured)) return Path.GetFullPath(configured);
        var nextToBinary = Path.Combine(AppContext.BaseDirectory, "packs");
        if (Directory.Exists(nextToBinary)) return nextToBinary;
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "knowledge", "packs");
            if (Directory.Exists(candidate)) return candidate;
        }
        return nextToBinary;
    }
}
