namespace Chat.Files.Previews;

/// <summary>A made preview waiting in the job's work folder to be uploaded to <c>files/{fileId}/{Variant}</c>.</summary>
public sealed record PreviewObject(string Variant, string Path, string ContentType);
