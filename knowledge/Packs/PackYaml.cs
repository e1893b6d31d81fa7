using System.Text.RegularExpressions;
using YamlDotNet.Core;
using YamlDotNet.Serialization;
using YamlDotNet.Serialization.NamingConventions;

namespace AssistBot.Knowledge.Packs;

/// <summary>
/// The one YAML setup for every pack file (entries, places, declaration rules, reminder rules): duplicate keys,
/// unknown keys and values of the wrong shape are errors that name the file and line.
/// </summary>
public static partial class PackYaml
{
    /// <summary>snake_case keys: pack.yaml, entries, places.yaml, declaration.yaml.</summary>
    public static IDeserializer Underscored { get; } = Build(UnderscoredNamingConvention.Instance);

    /// <summary>camelCase keys: reminders.yaml (kept until its keys are converted to snake_case).</summary>
    public static IDeserializer CamelCase { get; } = Build(CamelCaseNamingConvention.Instance);

    private static IDeserializer Build(INamingConvention naming) => new DeserializerBuilder()
        .WithNamingConvention(naming)
        .WithDuplicateKeyChecking()
        .Build();

    /// <summary>Reads <paramref name="path"/>; a YAML problem throws <see cref="InvalidDataException"/> with "file:line: message".</summary>
    public static T Read<T>(string path, IDeserializer? deserializer = null) where T : class =>
        Parse<T>(File.ReadAllText(path), path, deserializer);

    /// <summary>As <see cref="Read{T}"/> for text already read; <paramref name="origin"/> names it in errors.</summary>
    public static T Parse<T>(string yaml, string origin, IDeserializer? deserializer = null) where T : class
    {
        try
        {
            return (deserializer ?? Underscored).Deserialize<T?>(yaml) ?? throw new InvalidDataException($"{origin}: file is empty.");
        }
        catch (YamlException ex)
        {
            throw new InvalidDataException($"{origin}:{ex.Start.Line}: {Describe(ex)}", ex);
        }
    }

    /// <summary>A YamlDotNet error in words county staff can act on (no .NET assembly names).</summary>
    public static string Describe(YamlException ex)
    {
        var message = ex.InnerException is { } inner ? $"{ex.Message} ({inner.Message})" : ex.Message;
        return AssemblyQualifier().Replace(message, "")
            .Replace("System.String", "text (a single value)").Replace("System.Collections.Generic.List`1[[text (a single value)]]", "a list");
    }

    [GeneratedRegex(@", System\.Private\.CoreLib, Version=[^ ]+, Culture=[^ ]+, PublicKeyToken=[0-9a-f]+")]
    private static partial Regex AssemblyQualifier();
}
