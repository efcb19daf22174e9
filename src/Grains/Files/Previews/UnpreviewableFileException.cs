namespace Chat.Files.Previews;

/// <summary>A file that no retry will preview (over the pixel limit, not a format the tools read): the worker gives up at once.</summary>
public sealed class UnpreviewableFileException(string message, Exception? inner = null) : Exception(message, inner);
