using System.CommandLine;
using System.CommandLine.Help;
using System.CommandLine.Parsing;
using System.Globalization;

namespace AssistBot.Bot.Cli;

/// <summary>
/// Dispatches <c>dotnet run --project bot -- VERB ...</c> to the registered <see cref="ICliCommand"/>s through
/// System.CommandLine: <c>--help</c> at every level, usage errors (an unknown verb or option, a missing argument) on
/// standard error with exit code 2, the verb's own exit code otherwise. Messages and help in Simplified Chinese.
/// </summary>
public static class CliRunner
{
    private const string Program = "dotnet run --project bot --";

    private static readonly CultureInfo Chinese = CultureInfo.GetCultureInfo("zh-Hans");

    /// <summary>Two-word verbs ("import loans") hang under a group command with this description.</summary>
    private static readonly Dictionary<string, string> Groups = new(StringComparer.Ordinal)
    {
        ["import"] = "导入名单（CSV 或 .xlsx）",
        ["knowledge"] = "检查和解释政策知识包",
        ["reminders"] = "提醒",
        ["wechat"] = "扮演微信平台向运行中的服务发消息",
    };

    /// <summary>True when the first argument is a verb or a request for help rather than a host option such as --urls.</summary>
    public static bool IsCliInvocation(string[] args) =>
        args.Length > 0 && (!args[0].StartsWith('-') || args[0] is "--help" or "-h" or "-?" or "/?" or "--version");

    /// <summary>True when the command line asks for help anywhere (<c>--help</c>, <c>-h</c>, <c>-?</c>).</summary>
    public static bool WantsHelp(string[] args) => args.Any(a => a is "--help" or "-h" or "-?" or "/?");

    /// <param name="output">Where help goes (standard output unless a test captures it).</param>
    /// <param name="error">Where usage errors go (standard error unless a test captures it).</param>
    public static Task<int> RunAsync(IServiceProvider services, string[] args, CancellationToken cancellationToken,
        TextWriter? output = null, TextWriter? error = null) =>
        InvokeAsync(BuildRoot(services.GetServices<ICliCommand>()), args, output, error, cancellationToken);

    /// <summary>Runs one verb on its own (the words after its name).</summary>
    internal static Task<int> RunAsync(CliVerb verb, IReadOnlyList<string> args, CancellationToken cancellationToken)
    {
        var root = new RootCommand(verb.Description);
        verb.Configure(root);
        root.SetAction(verb.RunAsync);
        Translate(root);
        return InvokeAsync(root, args, null, null, cancellationToken);
    }

    /// <summary>The built-in options' descriptions in Chinese (System.CommandLine's own translation leaves them in English).</summary>
    private static void Translate(RootCommand root)
    {
        foreach (var option in root.Options)
        {
            if (option is HelpOption) option.Description = "显示帮助";
            else if (option is VersionOption) option.Description = "显示版本";
        }
    }

    /// <summary>The command tree: every verb under the root, two-word ones under their group.</summary>
    public static RootCommand BuildRoot(IEnumerable<ICliCommand> commands)
    {
        var root = new RootCommand("AssistBot 乡村振兴政策助手。不带命令时运行服务（dotnet run --project bot）；带命令时做完这一件事就退出。");
        foreach (var command in commands.OrderBy(c => c.Name, StringComparer.Ordinal))
        {
            var words = command.Name.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            Command parent = root;
            foreach (var group in words[..^1])
            {
                var existing = parent.Subcommands.FirstOrDefault(c => c.Name == group);
                if (existing is null)
                {
                    existing = new Command(group, Groups.GetValueOrDefault(group));
                    parent.Subcommands.Add(existing);
                }
                parent = existing;
            }
            parent.Subcommands.Add(Build(command, words[^1]));
        }
        Translate(root);
        return root;
    }

    private static Command Build(ICliCommand command, string name)
    {
        if (command is CliVerb verb)
        {
            var declared = new Command(name, verb.Description);
            verb.Configure(declared);
            declared.SetAction(verb.RunAsync);
            return declared;
        }
        // A verb that reads its own words: they are handed over as typed.
        var passThrough = new Command(name, command.Usage) { TreatUnmatchedTokensAsErrors = false };
        passThrough.Arguments.Add(new Argument<string[]>("ARGS") { Arity = ArgumentArity.ZeroOrMore, Hidden = true });
        passThrough.SetAction((parse, ct) =>
        {
            var tokens = parse.Tokens.ToList();
            var verbAt = tokens.FindLastIndex(t => t.Type == TokenType.Command);
            return command.RunAsync(tokens.Skip(verbAt + 1).Select(t => t.Value).ToList(), ct);
        });
        return passThrough;
    }

    private static async Task<int> InvokeAsync(Command root, IReadOnlyList<string> args, TextWriter? output, TextWriter? error,
        CancellationToken cancellationToken)
    {
        var culture = CultureInfo.CurrentUICulture;
        CultureInfo.CurrentUICulture = Chinese;
        try
        {
            var parse = root.Parse(args);
            var configuration = new InvocationConfiguration
            {
                Output = output ?? Console.Out,
                Error = error ?? Console.Error,
                EnableDefaultExceptionHandler = false,
            };
            if ((parse.Errors.Count > 0 || LooksLikeOptions(parse).Count > 0) && parse.Action is not HelpAction)
            {
                foreach (var problem in Problems(parse)) configuration.Error.WriteLine("错误：" + problem);
                var path = CommandPath(parse.CommandResult);
                configuration.Error.WriteLine($"用法：{Program} {string.Join(' ', path)}{(path.Count > 0 ? " " : "")}--help");
                return 2;
            }
            return await parse.InvokeAsync(configuration, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            CultureInfo.CurrentUICulture = culture;
        }
    }

    /// <summary>
    /// What is wrong, one line each, in Chinese: words nobody expects, a missing option or argument, a group named
    /// without its verb; anything else in System.CommandLine's words.
    /// </summary>
    private static List<string> Problems(ParseResult parse)
    {
        var problems = new List<string>();
        var command = parse.CommandResult.Command;
        if (parse.UnmatchedTokens.Count == 0 && LooksLikeOptions(parse) is { Count: > 0 } strays)
            problems.Add($"不认识：{string.Join(' ', strays)}");
        else if (parse.UnmatchedTokens.Count > 0)
            problems.Add(command.Subcommands.Count > 0 && parse.UnmatchedTokens.Count > 0 && !parse.UnmatchedTokens[0].StartsWith('-')
                ? $"没有这个命令：{parse.UnmatchedTokens[0]}（可用：{string.Join("、", command.Subcommands.Where(c => !c.Hidden).Select(c => c.Name))}）"
                : $"不认识：{string.Join(' ', parse.UnmatchedTokens)}");
        else if (command.Action is null && command.Subcommands.Count > 0)
            problems.Add($"请写要做的事：{string.Join("、", command.Subcommands.Where(c => !c.Hidden).Select(c => c.Name))}");
        foreach (var argument in command.Arguments.Where(a => a.Arity.MinimumNumberOfValues > 0 && (parse.GetResult(a)?.Tokens.Count ?? 0) == 0))
            problems.Add($"缺少 {argument.Name}");
        foreach (var option in command.Options.Where(o => o.Required && parse.GetResult(o) is null or { Implicit: true }))
            problems.Add($"缺少选项 {option.Name}");
        if (problems.Count > 0) return problems;
        foreach (var error in parse.Errors)
            problems.Add(error.SymbolResult switch
            {
                OptionResult { Tokens.Count: > 0 } o => $"{o.Option.Name} 的值不对：{string.Join(' ', o.Tokens.Select(t => t.Value))}",
                OptionResult o => $"{o.Option.Name} 后面要写值",
                ArgumentResult { Tokens.Count: > 0 } a => $"{a.Argument.Name} 的值不对：{string.Join(' ', a.Tokens.Select(t => t.Value))}",
                _ => error.Message,
            });
        return problems;
    }

    /// <summary>
    /// Words that look like options (<c>--name</c>, <c>-x</c>) but were taken as values of a many-valued argument
    /// (a message to send, a list of files): an unknown option there is a typo, not text. After <c>--</c> anything goes.
    /// Verbs that read their own words (no declared options) are left alone.
    /// </summary>
    private static List<string> LooksLikeOptions(ParseResult parse)
    {
        if (!parse.CommandResult.Command.TreatUnmatchedTokensAsErrors || parse.Tokens.Any(t => t.Type == TokenType.DoubleDash)) return [];
        return parse.CommandResult.Children.OfType<ArgumentResult>()
            .SelectMany(a => a.Tokens)
            .Select(t => t.Value)
            .Where(v => v.Length > 1 && v[0] == '-' && !double.TryParse(v, NumberStyles.Float, CultureInfo.InvariantCulture, out _))
            .ToList();
    }

    private static List<string> CommandPath(CommandResult? result)
    {
        var path = new List<string>();
        for (var r = result; r is not null && r.Command is not RootCommand; r = r.Parent as CommandResult) path.Insert(0, r.Command.Name);
        return path;
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
