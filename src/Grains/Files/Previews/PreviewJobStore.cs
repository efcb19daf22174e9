using System.Text.Json;
using Npgsql;
using NpgsqlTypes;

namespace Chat.Files.Previews;

/// <summary>
/// The durable preview queue (<c>file_preview_jobs</c>) and the <c>files</c> columns its results
/// land in. A job is leased by one worker at a time; every finish names its lease, so results from
/// a lease that lapsed are dropped rather than written twice.
/// </summary>
public sealed class PreviewJobStore(NpgsqlDataSource dataSource)
{
    private static readonly JsonSerializerOptions MediaJson = new(JsonSerializerDefaults.Web)
    {
        DefaultIgnoreCondition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull,
    };

    private const string FileColumns =
        "f.file_id, f.owner_id, f.name, COALESCE(f.size, f.declared_size), COALESCE(f.content_type, f.declared_type), f.kind, f.purpose, f.status, f.created_at, f.media::text, f.previews";

    /// <summary>Leases up to <paramref name="limit"/> due jobs no live lease holds; SKIP LOCKED lets silos lease side by side.</summary>
    public async Task<IReadOnlyList<PreviewJob>> LeaseDueAsync(int limit, TimeSpan lease, CancellationToken cancellationToken)
    {
        var leaseId = Guid.NewGuid();
        await using var command = dataSource.CreateCommand("""
            WITH due AS (
                SELECT file_id FROM file_preview_jobs
                WHERE run_after <= now() AND (leased_until IS NULL OR leased_until < now())
                ORDER BY run_after
                LIMIT $1
                FOR UPDATE SKIP LOCKED
            )
            UPDATE file_preview_jobs j SET leased_until = now() + $2, lease_id = $3, attempts = j.attempts + 1
            FROM due, files f
            WHERE j.file_id = due.file_id AND f.file_id = j.file_id
            RETURNING j.file_id, f.owner_id, j.stage, j.attempts, f.object_key,
                      COALESCE(f.kind, 'document'), COALESCE(f.content_type, f.declared_type), f.purpose, f.deleted_at IS NOT NULL
            """);
        command.Parameters.AddWithValue(limit);
        command.Parameters.AddWithValue(lease);
        command.Parameters.AddWithValue(leaseId);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var jobs = new List<PreviewJob>();
        while (await reader.ReadAsync(cancellationToken))
        {
            jobs.Add(new PreviewJob(reader.GetGuid(0), reader.GetGuid(1), reader.GetString(2), reader.GetInt32(3), leaseId, reader.GetString(4),
                new PreviewSource(reader.GetString(5), reader.GetString(6), reader.GetString(7)), reader.GetBoolean(8)));
        }

        return jobs;
    }

    /// <summary>Extends a running job's lease; false when the lease was lost (the job is someone else's now).</summary>
    public async Task<bool> RenewAsync(PreviewJob job, TimeSpan lease, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand(
            "UPDATE file_preview_jobs SET leased_until = now() + $3 WHERE file_id = $1 AND lease_id = $2");
        command.Parameters.AddWithValue(job.FileId);
        command.Parameters.AddWithValue(job.LeaseId);
        command.Parameters.AddWithValue(lease);
        return await command.ExecuteNonQueryAsync(cancellationToken) == 1;
    }

    /// <summary>
    /// Writes the fast stage's results and makes the file ready, then either deletes the job or
    /// turns it into the transcode stage; one transaction. Answers the file as it now is, or null
    /// when the lease was lost or the file is gone.
    /// </summary>
    public Task<FileDescription?> FinishPreviewsAsync(PreviewJob job, PreviewSet set, string? cleanKey, bool transcodeNext) =>
        FinishAsync(job, transcodeNext, $"""
            UPDATE files f SET media = $2::jsonb, previews = $3, clean_key = $4, status = 'ready'
            WHERE f.file_id = $1 AND f.deleted_at IS NULL
            RETURNING {FileColumns}
            """,
            update =>
            {
                update.Parameters.AddWithValue(NpgsqlDbType.Text, set.Media is null ? DBNull.Value : JsonSerializer.Serialize(set.Media, MediaJson));
                update.Parameters.AddWithValue(set.PreviewNames.ToArray());
                update.Parameters.AddWithValue(NpgsqlDbType.Text, (object?)cleanKey ?? DBNull.Value);
            });

    /// <summary>Adds the web rendition to the file's previews and deletes the job; one transaction.</summary>
    public Task<FileDescription?> FinishTranscodeAsync(PreviewJob job) =>
        FinishAsync(job, transcodeNext: false, $"""
            UPDATE files f SET previews = CASE WHEN '{PreviewVariants.Web}' = ANY (f.previews) THEN f.previews ELSE array_append(f.previews, '{PreviewVariants.Web}') END
            WHERE f.file_id = $1 AND f.deleted_at IS NULL
            RETURNING {FileColumns}
            """,
            _ => { });

    /// <summary>
    /// The last attempt failed: the job is deleted, and after a failed previews stage the file is
    /// ready with none (still a document; the facts completion read stay in <c>media</c>). A failed
    /// transcode leaves the fast previews as they are.
    /// </summary>
    public Task<FileDescription?> GiveUpAsync(PreviewJob job) => job.Stage == PreviewStages.Transcode
        ? FinishAsync(job, transcodeNext: false, $"SELECT {FileColumns} FROM files f WHERE f.file_id = $1 AND f.deleted_at IS NULL", _ => { })
        : FinishAsync(job, transcodeNext: false, $"""
            UPDATE files f SET status = 'ready', previews = ARRAY[]::text[]
            WHERE f.file_id = $1 AND f.deleted_at IS NULL
            RETURNING {FileColumns}
            """,
            _ => { });

    /// <summary>Releases the lease and schedules the next attempt after <paramref name="retryAfter"/>.</summary>
    public async Task RetryLaterAsync(PreviewJob job, TimeSpan retryAfter, string error)
    {
        await using var command = dataSource.CreateCommand("""
            UPDATE file_preview_jobs SET leased_until = NULL, lease_id = NULL, run_after = now() + $3, last_error = $4
            WHERE file_id = $1 AND lease_id = $2
            """);
        command.Parameters.AddWithValue(job.FileId);
        command.Parameters.AddWithValue(job.LeaseId);
        command.Parameters.AddWithValue(retryAfter);
        command.Parameters.AddWithValue(error);
        await command.ExecuteNonQueryAsync();
    }

    /// <summary>Whether the file still has a row that is not deleted.</summary>
    public async Task<bool> FileExistsAsync(Guid fileId)
    {
        await using var command = dataSource.CreateCommand("SELECT EXISTS (SELECT 1 FROM files WHERE file_id = $1 AND deleted_at IS NULL)");
        command.Parameters.AddWithValue(fileId);
        return (bool)(await command.ExecuteScalarAsync())!;
    }

    /// <summary>Drops the job of a file deleted meanwhile.</summary>
    public async Task DropAsync(PreviewJob job)
    {
        await using var command = dataSource.CreateCommand("DELETE FROM file_preview_jobs WHERE file_id = $1 AND lease_id = $2");
        command.Parameters.AddWithValue(job.FileId);
        command.Parameters.AddWithValue(job.LeaseId);
        await command.ExecuteNonQueryAsync();
    }

    private async Task<FileDescription?> FinishAsync(PreviewJob job, bool transcodeNext, string fileSql, Action<NpgsqlCommand> addFileParameters)
    {
        await using var connection = await dataSource.OpenConnectionAsync();
        await using var transaction = await connection.BeginTransactionAsync();
        await using (var release = new NpgsqlCommand(transcodeNext
            ? $"""
              UPDATE file_preview_jobs SET stage = '{PreviewStages.Transcode}', attempts = 0, run_after = now(), leased_until = NULL, lease_id = NULL, last_error = NULL
              WHERE file_id = $1 AND lease_id = $2
              """
            : "DELETE FROM file_preview_jobs WHERE file_id = $1 AND lease_id = $2", connection, transaction))
        {
            release.Parameters.AddWithValue(job.FileId);
            release.Parameters.AddWithValue(job.LeaseId);
            if (await release.ExecuteNonQueryAsync() == 0)
            {
                await transaction.RollbackAsync();
                return null;
            }
        }

        FileDescription? file = null;
        await using (var update = new NpgsqlCommand(fileSql, connection, transaction))
        {
            update.Parameters.AddWithValue(job.FileId);
            addFileParameters(update);
            await using var reader = await update.ExecuteReaderAsync();
            if (await reader.ReadAsync())
            {
                file = new FileDescription(reader.GetGuid(0), reader.GetGuid(1), reader.GetString(2), reader.GetInt64(3), reader.GetString(4),
                    reader.IsDBNull(5) ? null : reader.GetString(5), reader.GetString(6), reader.GetString(7),
                    reader.GetFieldValue<DateTimeOffset>(8), reader.IsDBNull(9) ? null : reader.GetString(9), reader.GetFieldValue<string[]>(10));
            }
        }

        await transaction.CommitAsync();
        return file;
    }
}
