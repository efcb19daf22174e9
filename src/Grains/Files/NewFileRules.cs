using Chat.Errors;

namespace Chat.Files;

/// <summary>The checks on <c>POST /api/files</c> before anything is stored or reserved.</summary>
internal static class NewFileRules
{
    public const int MaxNameLength = 255;

    /// <summary>Answers the trimmed name and the declared type without parameters, or throws bad_request (the size limits are the grain's: they answer numbers).</summary>
    public static (string Name, string ContentType) Validate(NewFile file, FileSettings settings)
    {
        var name = (file.Name ?? "").Trim();
        if (name.Length is 0 or > MaxNameLength || name.Any(char.IsControl) || name.Contains('/') || name.Contains('\\'))
        {
            throw ChatException.BadRequest($"name must be 1 to {MaxNameLength} characters, without control characters or slashes");
        }

        if (file.Size <= 0)
        {
            throw ChatException.BadRequest("size must be the file's length in bytes");
        }

        if (file.Purpose is null || !FilePurposes.All.Contains(file.Purpose))
        {
            throw ChatException.BadRequest("purpose must be message, avatar or story");
        }

        var contentType = (file.ContentType ?? "").Split(';')[0].Trim().ToLowerInvariant();
        if (!settings.AllowedTypes.Contains(contentType, StringComparer.OrdinalIgnoreCase))
        {
            throw ChatException.BadRequest($"files of type '{contentType}' are not allowed");
        }

        return (name, contentType);
    }
}
