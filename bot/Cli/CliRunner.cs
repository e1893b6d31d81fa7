namespace AssistBot.Bot.Cli;

/// <summary>Dispatches <c>dotnet run --project bot -- VERB ...</c> to the registered <see cref="ICliCommand"/>s.</summary>
public static class CliRunner
{
    /// <summary>True when the first argument is a verb rather than a host option such as --urls.</summary>
    public static bool IsCliInvocation(string[] args) => args.Length > 0 && !args[0].StartsWith('-');

    public static async Task<int> RunAsync(IServiceProvider services, string[] args, CancellationToken cancellationToken)
    {
        var commands = services.GetServices<ICliCommand>().OrderByDescending(c => c.Name.Length).ToList();
        foreach (var command in commands)
        {
            var words = command.Name.Split(' ');
            if (args.Length < words.Length || !words.Select((w, i) => w == args[i]).All(x => x)) continue;
            return await command.RunAsync(args[words.Length..], cancellationToken);
        }
        Console.Error.WriteLine($"未知命令：{string.Join(' ', args)}");
        Console.Error.WriteLine("可用命令 (usage):");
        foreach (var command in commands.OrderBy(c => c.Name, StringComparer.Ordinal))
            Console.Error.WriteLine("  dotnet run --project bot -- " + command.Usage);
        return 2;
    }

    /// <summary>The value after <paramref name="option"/> (e.g. --county), or null.</summary>
    public static string? Option(IReadOnlyList<string> args, string option)
    {
        for (var i = 0; i < args.Count - 1; i++)
            if (args[i] == option) return args[i + 1];
        return null;
    }

    public static bool Flag(IReadOnlyList<string> args, string flag) => args.Contains(flag);

    /// <summary>
    /// An input file named on the command line. `dotnet run --project bot` runs in bot/, so a path typed at the
    /// repository root is also looked for in the folders above the working directory. Null when it is nowhere.
    /// </summary>
    public static string? ResolveInputFile(string file)
    {
        if (File.Exists(file) || Path.IsPathRooted(file)) return File.Exists(file) ? Path.GetFullPath(file) : null;
        for (var dir = Directory.GetParent(Directory.GetCurrentDirectory()); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, file);
            if (File.Exists(candidate)) return candidate;
        }
        return null;
    }

    /// <summary>The message for a file that <see cref="ResolveInputFile"/> did not find.</summary>
    public static string FileNotFound(string file) =>
        $"找不到文件：{file}（在 {Directory.GetCurrentDirectory()} 及其上级目录里都没有；可以写完整路径）";
}
