using Microsoft.Extensions.Logging;
using PaperDigest.Configuration;

namespace PaperDigest.Cli;

/// <summary>Log lines on stderr as "warning: ..." with secrets redacted; the CLI owns the console.</summary>
internal sealed class PlainLoggerProvider(TextWriter writer, Secrets secrets) : ILoggerProvider
{
    private readonly Lock _gate = new();

    public ILogger CreateLogger(string categoryName) => new PlainLogger(this);

    public void Dispose() { }

    private void Write(LogLevel level, string message)
    {
        lock (_gate) writer.WriteLine($"{level.ToString().ToLowerInvariant()}: {secrets.Redact(message)}");
    }

    private sealed class PlainLogger(PlainLoggerProvider provider) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Warning;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (!IsEnabled(logLevel)) return;
            var message = formatter(state, exception);
            if (exception is not null) message += " (" + exception.Message + ")";
            provider.Write(logLevel, message);
        }
    }
}
