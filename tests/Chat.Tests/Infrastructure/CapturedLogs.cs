using System.Collections.Concurrent;

namespace Chat.Tests.Infrastructure;

/// <summary>Every log line written by test silos and Frontends in this test process, at every level, for tests about what must never be logged.</summary>
public sealed class CapturedLogs : ILoggerProvider
{
    public static CapturedLogs Shared { get; } = new();

    private readonly ConcurrentQueue<string> _lines = new();

    public IReadOnlyCollection<string> Lines => _lines;

    public ILogger CreateLogger(string categoryName) => new Logger(this, categoryName);

    public void Dispose()
    {
    }

    private sealed class Logger(CapturedLogs sink, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            var structured = state is IEnumerable<KeyValuePair<string, object?>> fields
                ? string.Join(' ', fields.Select(f => $"{f.Key}={f.Value}"))
                : "";
            sink._lines.Enqueue($"{logLevel} {category}: {formatter(state, exception)} {structured} {exception}");
        }
    }
}
