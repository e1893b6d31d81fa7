using AssistBot.Knowledge.Answering;
using AssistBot.Knowledge.Packs;
using AssistBot.Knowledge.Understanding;

namespace AssistBot.Knowledge.Tests;

/// <summary>The real packs (copied next to the test binary by the knowledge project), loaded once.</summary>
public static class TestPacks
{
    public const string Xinfeng = "xinfeng-2024";
    public const string Yuzhou = "yuzhou-2023";
    public static readonly string[] KnownCounties = ["xinfeng", "yuzhou"];

    public static string Directory => Path.Combine(AppContext.BaseDirectory, "packs");

    private static readonly Lazy<PackRegistry> LazyRegistry = new(() => new PackRegistry(Directory, KnownCounties));

    public static PackRegistry Registry => LazyRegistry.Value;

    public static PolicyAnswerer Answerer { get; } = new(() => Registry.Current);

    public static string Source(string name) => File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "sources", name));

    /// <summary>A private copy of the packs folder, for tests that edit or break files.</summary>
    public static string CopyToTemp()
    {
        var target = System.IO.Directory.CreateTempSubdirectory("assistbot-packs-").FullName;
        foreach (var file in System.IO.Directory.GetFiles(Directory, "*", SearchOption.AllDirectories))
        {
            var destination = Path.Combine(target, Path.GetRelativePath(Directory, file));
            System.IO.Directory.CreateDirectory(Path.GetDirectoryName(destination)!);
            File.Copy(file, destination);
        }
        return target;
    }

    /// <summary>
    /// The real vocabulary loaded from a private copy whose topics.yaml had <paramref name="text"/> replaced, for tests
    /// of how a staff member's slip is reported.
    /// </summary>
    public static Vocabulary VocabularyWithTopicsEdited(string text, string replacement, List<PackIssue> issues)
    {
        var directory = System.IO.Directory.CreateTempSubdirectory("vocab-").FullName;
        try
        {
            foreach (var file in System.IO.Directory.GetFiles(Path.Combine(AppContext.BaseDirectory, "vocab")))
                File.Copy(file, Path.Combine(directory, Path.GetFileName(file)));
            var topics = Path.Combine(directory, Vocabulary.TopicsFile);
            var original = File.ReadAllText(topics);
            if (!original.Contains(text, StringComparison.Ordinal)) throw new ArgumentException($"topics.yaml has no «{text}»", nameof(text));
            File.WriteAllText(topics, original.Replace(text, replacement));
            return Vocabulary.Load(directory, issues);
        }
        finally { System.IO.Directory.Delete(directory, recursive: true); }
    }
}
