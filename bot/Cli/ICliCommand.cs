namespace AssistBot.Bot.Cli;

/// <summary>
/// A sub-command of <c>dotnet run --project bot -- NAME ...</c>. Register implementations in DI; the runner finds
/// them by <see cref="Name"/> (one word, or two such as "knowledge check").
/// </summary>
public interface ICliCommand
{
    string Name { get; }

    /// <summary>One line, e.g. "chat --county ID   talk to the bot in this terminal".</summary>
    string Usage { get; }

    /// <summary>Runs with the words after <see cref="Name"/>; returns the process exit code.</summary>
    Task<int> RunAsync(IReadOnlyList<string> args, CancellationToken cancellationToken);
}
