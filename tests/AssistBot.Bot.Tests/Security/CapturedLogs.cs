using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace AssistBot.Bot.Tests.Security;

/// <summary>
/// Records what the host logs, so a test can tell that bad input left no error or stack trace behind, or that no
/// personal data was written. From <see cref="MinimumLevel"/> up (Information by default); scopes are recorded too,
/// as entries of category "scope".
/// </summary>
public sealed class CapturedLogs(LogLevel minimumLevel = LogLevel.Information) : ILoggerProvider
{
    public LogLevel MinimumLevel { get; } = minimumLevel;

    public sealed record Entry(LogLevel Level, string Category, string Message, Exception? Exception);

    private readonly ConcurrentQueue<Entry> _entries = new();

    public IReadOnlyList<Entry> Entries => _entries.ToArray();

    /// <summary>Error-level entries and any entry that carries an exception (a stack trace in the log).</summary>
    public IReadOnlyList<Entry> ErrorsAndStackTraces => _entries.Where(e => e.Level >= LogLevel.Error || e.Exception is not null).ToList();

    public ILogger CreateLogger(string categoryName) => new Logger(this, categoryName);

    public void Dispose()
    {
    }

    private sealed class Logger(CapturedLogs owner, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull
        {
            owner._entries.Enqueue(new Entry(LogLevel.Trace, "scope", $"{category}: {state}", null));
            return null;
        }

        public bool IsEnabled(LogLevel logLevel) => logLevel >= owner.MinimumLevel;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (IsEnabled(logLevel)) owner._entries.Enqueue(new Entry(logLevel, category, formatter(state, exception), exception));
        }
    }
}
