namespace AssistBot.Bot.Cli;

/// <summary>
/// A sub-command of <c>dotnet run --project bot -- NAME ...</c>. Register implementations in DI; the runner finds
/// them by <see cref="Name"/> (one word, or two such as "knowledge check"). Derive from <see cref="CliVerb"/> to have
/// System.CommandLine parse the arguments and options (help, unknown-option errors); a plain implementation is still
/// accepted and receives the words after its name as they were typed.
/// </summary>
public interface ICliCommand
{
    string Name { get; }

    /// <summary>One line, e.g. "chat --county ID   talk to the bot in this terminal" (shown in help).</summary>
    string Usage { get; }

    /// <summary>Runs with the words after <see cref="Name"/>; returns the process exit code.</summary>
    Task<int> RunAsync(IReadOnlyList<string> args, CancellationToken cancellationToken);
}
