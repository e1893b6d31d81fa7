using AssistBot.Bot.Storage;
using Microsoft.Extensions.Options;

namespace AssistBot.Bot.Hosting;

/// <summary>The resolved, existing data directory (Storage:DataDirectory, relative to the app's content root).</summary>
public sealed class DataDirectory
{
    public DataDirectory(IOptions<StorageOptions> options, IHostEnvironment environment)
    {
        var configured = options.Value.DataDirectory;
        Path = System.IO.Path.GetFullPath(System.IO.Path.IsPathRooted(configured)
            ? configured
            : System.IO.Path.Combine(environment.ContentRootPath, configured));
        Directory.CreateDirectory(Path);
    }

    public string Path { get; }
}
