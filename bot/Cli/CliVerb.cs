using System.CommandLine;

namespace AssistBot.Bot.Cli;

/// <summary>
/// A verb whose arguments and options System.CommandLine declares and parses: <c>--help</c> describes it, an unknown
/// option or a missing value is refused with exit code 2 before <see cref="RunAsync(ParseResult, CancellationToken)"/>
/// runs. Adding a verb: derive, declare the <see cref="Argument{T}"/>s and <see cref="Option{T}"/>s in
/// <see cref="Configure"/>, read them from the <see cref="ParseResult"/>, register as <see cref="ICliCommand"/>.
/// </summary>
public abstract class CliVerb : ICliCommand
{
    public abstract string Name { get; }

    /// <summary>One line for help (Chinese for what county staff run).</summary>
    public abstract string Description { get; }

    public string Usage => Name + "   " + Description;

    /// <summary>Adds this verb's arguments and options.</summary>
    public abstract void Configure(Command command);

    /// <summary>Runs with what the command line said; returns the exit code.</summary>
    public abstract Task<int> RunAsync(ParseResult parse, CancellationToken cancellationToken);

    /// <summary>Parses <paramref name="args"/> (the words after the verb's name) for this verb alone and runs it.</summary>
    public Task<int> RunAsync(IReadOnlyList<string> args, CancellationToken cancellationToken) =>
        CliRunner.RunAsync(this, args, cancellationToken);
}
