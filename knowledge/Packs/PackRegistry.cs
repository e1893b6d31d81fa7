namespace AssistBot.Knowledge.Packs;

/// <summary>Outcome of one (re)load: the issues found and whether the new packs replaced the old ones.</summary>
public sealed record PackReloadResult(bool Applied, IReadOnlyList<PackIssue> Issues, KnowledgeSnapshot Current);

/// <summary>
/// The one pack catalog in use: holds the current <see cref="PackCatalog"/> (Q&amp;A entries, places, declaration rules,
/// reminder rules) and replaces it when any pack file changes: a file watcher (debounced) reloads, validates and
/// atomically swaps the catalog; a broken file is rejected with its file and line, and the last good version of its
/// part (Q&amp;A, or places/declaration/reminders) stays in use.
/// </summary>
public sealed class PackRegistry : IDisposable
{
    private readonly IReadOnlyCollection<string>? _knownCounties;
    private readonly TimeProvider _time;
    private readonly object _reloadLock = new();
    private FileSystemWatcher? _watcher;
    private ITimer? _debounce;
    private PackCatalog _current;

    public static readonly TimeSpan Debounce = TimeSpan.FromMilliseconds(400);

    public PackRegistry(string packsDirectory, IReadOnlyCollection<string>? knownCounties = null, TimeProvider? time = null)
    {
        PacksDirectory = packsDirectory;
        _knownCounties = knownCounties;
        _time = time ?? TimeProvider.System;
        _current = PackCatalog.Empty(_time.GetUtcNow());
        LastResult = Reload();
    }

    public string PacksDirectory { get; }

    /// <summary>The catalog in use. Reading it is a single volatile read; keep the reference for one question or one sweep.</summary>
    public PackCatalog Catalog => Volatile.Read(ref _current);

    /// <summary>The Q&amp;A part of the catalog in use.</summary>
    public KnowledgeSnapshot Current => Catalog.Knowledge;

    public PackReloadResult LastResult { get; private set; }

    /// <summary>Raised after every reload attempt (watcher-triggered ones included), for logging.</summary>
    public event Action<PackReloadResult>? Reloaded;

    /// <summary>
    /// Loads and validates every pack file of the folder and swaps the catalog; a part with errors (Q&amp;A, or county
    /// files) keeps its last good version. Applied only when there are no errors at all.
    /// </summary>
    public PackReloadResult Reload()
    {
        lock (_reloadLock)
        {
            var files = PackCatalog.Read(PacksDirectory, _knownCounties);
            var ok = !files.HasErrors;
            Volatile.Write(ref _current, files.Apply(Catalog, _time.GetUtcNow()));
            var result = new PackReloadResult(ok, files.Issues, Current);
            LastResult = result;
            return result;
        }
    }

    /// <summary>Starts watching the folder; changes reload after a short quiet period.</summary>
    public void StartWatching()
    {
        if (_watcher is not null || !Directory.Exists(PacksDirectory)) return;
        _debounce = _time.CreateTimer(_ => ReloadAndNotify(), null, Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
        _watcher = new FileSystemWatcher(PacksDirectory)
        {
            IncludeSubdirectories = true,
            NotifyFilter = NotifyFilters.FileName | NotifyFilters.LastWrite | NotifyFilters.DirectoryName | NotifyFilters.Size,
        };
        _watcher.Changed += OnChange;
        _watcher.Created += OnChange;
        _watcher.Deleted += OnChange;
        _watcher.Renamed += OnChange;
        _watcher.EnableRaisingEvents = true;
    }

    private void OnChange(object sender, FileSystemEventArgs e)
    {
        if (e.FullPath.EndsWith(".yaml", StringComparison.OrdinalIgnoreCase) || e.FullPath.EndsWith(".yml", StringComparison.OrdinalIgnoreCase)
            || Directory.Exists(e.FullPath))
            _debounce?.Change(Debounce, Timeout.InfiniteTimeSpan);
    }

    private void ReloadAndNotify()
    {
        PackReloadResult result;
        try
        {
            result = Reload();
        }
        catch (Exception ex)
        {
            // An unexpected failure must not take the service down; the last good catalog stays.
            result = new PackReloadResult(false, [PackIssue.Error(PacksDirectory, 0, "reload failed: " + ex.Message)], Current);
        }
        Reloaded?.Invoke(result);
    }

    public void Dispose()
    {
        _watcher?.Dispose();
        _debounce?.Dispose();
    }
}
