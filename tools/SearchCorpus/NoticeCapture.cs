using System.Text;
using Microsoft.Extensions.Logging;

namespace Chat.SearchCorpus;

/// <summary>Keeps the plans auto_explain sends as NOTICEs, from Npgsql's log of the notices it receives.</summary>
internal sealed class NoticeCapture : ILoggerProvider, ILogger
{
    private readonly StringBuilder _text = new();

    public string Text
    {
        get
        {
            lock (_text)
            {
                return _text.ToString();
            }
        }
    }

    public ILogger CreateLogger(string categoryName) => this;

    public IDisposable? BeginScope<TState>(TState state)
        where TState : notnull => null;

    public bool IsEnabled(LogLevel logLevel) => true;

    public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
    {
        var message = formatter(state, exception);
        if (message.Contains("plan:", StringComparison.Ordinal) && message.Contains("message_search", StringComparison.Ordinal))
        {
            lock (_text)
            {
                _text.AppendLine(message);
            }
        }
    }

    public void Dispose()
    {
    }
}
