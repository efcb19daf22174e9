namespace Chat.Files.Previews;

/// <summary>
/// A file no retry will preview (over the pixel limit): the worker gives up at once. A file the
/// tools cannot read is retried instead (an <see cref="InvalidDataException"/>), as a truncated
/// download looks the same as a corrupt original.
/// </summary>
public sealed class UnpreviewableFileException(string message, Exception? inner = null) : Exception(message, inner);
