namespace AssistBot.Web.Tests;

internal static class RepositoryPaths
{
    /// <summary>The repository root (the folder holding AssistBot.sln), found from the test binary's folder.</summary>
    public static string Root { get; } = FindRoot();

    /// <summary>Where the tests save what a person should look at (screenshots): tests/AssistBot.Web.Tests/TestResults.</summary>
    public static string Output(params string[] parts)
    {
        var path = Path.Combine([Root, "tests", "AssistBot.Web.Tests", "TestResults", .. parts]);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        return path;
    }

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "AssistBot.sln"))) return dir.FullName;
        throw new InvalidOperationException("AssistBot.sln not found above " + AppContext.BaseDirectory);
    }
}
