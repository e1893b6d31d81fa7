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
}
