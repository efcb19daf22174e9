using Npgsql;

namespace Chat.Files.Attachments;

/// <summary>The <c>files</c> columns a <see cref="FileDescription"/> is read from (table alias <c>f</c>), in one place.</summary>
internal static class FileDescriptionColumns
{
    // Before completion the server has not yet sniffed the type nor measured the object: what the
    // client declared stands in, as FileRow.Describe does (such a file is refused by every use).
    public const string Sql =
        "f.file_id, f.owner_id, f.name, coalesce(f.size, f.declared_size), coalesce(f.content_type, f.declared_type), "
        + "f.kind, f.purpose, f.status, f.created_at, f.media::text, f.previews";

    public const int Count = 11;

    public static FileDescription Read(NpgsqlDataReader reader, int first) => new(
        reader.GetGuid(first),
        reader.GetGuid(first + 1),
        reader.GetString(first + 2),
        reader.GetInt64(first + 3),
        reader.GetString(first + 4),
        reader.IsDBNull(first + 5) ? null : reader.GetString(first + 5),
        reader.GetString(first + 6),
        reader.GetString(first + 7),
        new DateTimeOffset(reader.GetDateTime(first + 8), TimeSpan.Zero),
        reader.IsDBNull(first + 9) ? null : reader.GetString(first + 9),
        reader.GetFieldValue<string[]>(first + 10));
}
