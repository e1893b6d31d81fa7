using AssistBot.Bot.Storage;
using Microsoft.Extensions.Options;

namespace AssistBot.Bot.Hosting;

/// <summary>
/// The resolved, existing data directory. A relative Storage:DataDirectory is taken from the directory the service
/// is started in, so `dotnet run --project bot` at the repository root keeps its data in ./data.
/// </summary>
public sealed class DataDirectory
{
    public DataDirectory(IOptions<StorageOptions> options)
    {
        Path = System.IO.Path.GetFullPath(options.Value.DataDirectory);
        Directory.CreateDirectory(Path);
    }

    public string Path { get; }
}
