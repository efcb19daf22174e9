using Chat.Files.Storage;
using Chat.Tests.Infrastructure;
using Microsoft.Extensions.Configuration;
using Npgsql;

namespace Chat.Tests.Files.Previews;

/// <summary>
/// A two-silo cluster (each silo running a preview worker) with its Frontends, the object store and
/// the database, shared by the preview tests; <see cref="QueueAsync"/> does what completing an upload does.
/// </summary>
public sealed class FilePreviewsCluster : GridWithFrontends, IAsyncLifetime
{
    private ServiceProvider _services = null!;

    public IObjectStore Store { get; private set; } = null!;

    public NpgsqlDataSource Database { get; private set; } = null!;

    public MediaSamples Samples { get; } = new();

    public new async Task InitializeAsync()
    {
        await base.InitializeAsync();
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(TestEnvironment.StorageSettings).Build();
        _services = new ServiceCollection().AddLogging().AddFileStorage(configuration).BuildServiceProvider();
        Store = _services.GetRequiredService<IObjectStore>();
        await Store.EnsureBucketAsync();
        Database = Grid.Database.CreateDataSource();
    }

    public new async Task DisposeAsync()
    {
        await Database.DisposeAsync();
        await _services.DisposeAsync();
        Samples.Dispose();
        await base.DisposeAsync();
    }

    /// <summary>Stores <paramref name="localPath"/> as a completed file's original and queues its previews, as completion does.</summary>
    public async Task<QueuedFile> QueueAsync(Guid ownerId, string localPath, string contentType, string kind, string purpose = "message", bool queueJob = true)
    {
        var fileId = Guid.NewGuid();
        var objectKey = $"files/{fileId}/original";
        await Store.UploadFileAsync(objectKey, localPath, contentType);
        var size = new FileInfo(localPath).Length;
        await using var command = Database.CreateCommand("""
            INSERT INTO files (file_id, owner_id, purpose, name, declared_size, declared_type, status, content_type, kind, size, object_key, completed_at)
            VALUES ($1, $2, $3, $4, $5, $6, 'processing', $6, $7, $5, $8, now())
            """);
        command.Parameters.AddWithValue(fileId);
        command.Parameters.AddWithValue(ownerId);
        command.Parameters.AddWithValue(purpose);
        command.Parameters.AddWithValue(Path.GetFileName(localPath));
        command.Parameters.AddWithValue(size);
        command.Parameters.AddWithValue(contentType);
        command.Parameters.AddWithValue(kind);
        command.Parameters.AddWithValue(objectKey);
        await command.ExecuteNonQueryAsync();
        if (queueJob)
        {
            await using var job = Database.CreateCommand("INSERT INTO file_preview_jobs (file_id) VALUES ($1)");
            job.Parameters.AddWithValue(fileId);
            await job.ExecuteNonQueryAsync();
        }

        return new QueuedFile(fileId, objectKey);
    }

    public async Task<FileRowSnapshot> ReadFileAsync(Guid fileId)
    {
        await using var command = Database.CreateCommand("SELECT status, clean_key, media::text, previews, object_key FROM files WHERE file_id = $1");
        command.Parameters.AddWithValue(fileId);
        await using var reader = await command.ExecuteReaderAsync();
        Assert.True(await reader.ReadAsync());
        return new FileRowSnapshot(reader.GetString(0), reader.IsDBNull(1) ? null : reader.GetString(1), reader.IsDBNull(2) ? null : reader.GetString(2),
            reader.GetFieldValue<string[]>(3), reader.GetString(4));
    }

    /// <summary>The file's job row as text, for failure messages.</summary>
    public async Task<string> ReadJobAsync(Guid fileId)
    {
        await using var command = Database.CreateCommand("SELECT row_to_json(j)::text FROM file_preview_jobs j WHERE file_id = $1");
        command.Parameters.AddWithValue(fileId);
        return (await command.ExecuteScalarAsync()) as string ?? "(none)";
    }

    /// <summary>Downloads an object to a local file of the samples folder.</summary>
    public async Task<string> DownloadAsync(string key)
    {
        var path = Samples.NewPath(Path.GetExtension(key));
        await Store.DownloadToFileAsync(key, path);
        return path;
    }

    public sealed record QueuedFile(Guid FileId, string ObjectKey);

    public sealed record FileRowSnapshot(string Status, string? CleanKey, string? MediaJson, string[] Previews, string ObjectKey);
}

[CollectionDefinition(Name)]
public sealed class FilePreviewsCollection : ICollectionFixture<FilePreviewsCluster>
{
    public const string Name = "file-previews";
}
