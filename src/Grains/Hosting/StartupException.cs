namespace Chat.Hosting;

/// <summary>A start-up failure whose message is the one line an operator needs: which setting or service, and why.</summary>
public sealed class StartupException(string message, Exception? inner = null) : Exception(message, inner);
