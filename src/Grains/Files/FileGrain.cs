using Chat.Errors;
using Chat.Files.Storage;
using Microsoft.Extensions.Logging;

namespace Chat.Files;

/// <inheritdoc cref="IFileGrain"/>
internal sealed partial class FileGrain(
    FileStore store,
    FileAccess access,
    IObjectStore objects,
    IMultipartUploads multipart,
    FileSettings settings,
    TimeProvider time,
    ILogger<FileGrain> logger) : Grain, IFileGrain
{
    /// <summary>Enough for every signature and for the header of any image we accept (EXIF can put a JPEG's size 64 KiB in).</summary>
    private const int HeadBytes = 1024 * 1024;

    private static readonly TimeSpan ProbeUrlLifetime = TimeSpan.FromMinutes(10);

    private Guid FileId => this.GetPrimaryKey();

    public async Task<FileCreation> CreateAsync(Guid ownerId, NewFile file)
    {
        var (name, contentType) = NewFileRules.Validate(file, settings);
        if (file.Size > settings.MaxFileBytes)
        {
            return new FileCreation(FileId, null, await store.ReadUseAsync(ownerId, settings.QuotaBytes))
            {
                RefusalDetail = $"the file is {file.Size} bytes, over the per-file limit of {settings.MaxFileBytes}",
            };
        }

        if (await store.FindAsync(FileId) is not null)
        {
            throw ChatException.Conflict("the file id is taken");
        }

        var key = FileRow.OriginalKey(FileId);
        var isMultipart = file.Size > settings.MultipartThreshold;
        long? partSize = isMultipart ? settings.PartSizeFor(file.Size) : null;
        var uploadId = isMultipart ? await multipart.StartAsync(key, contentType) : null;
        var row = new FileRow(FileId, ownerId, file.Purpose, name, file.Size, contentType, FileStatuses.Pending, null, null, null,
            key, uploadId, partSize, null, null, [], null, false, time.GetUtcNow());
        if (await store.InsertReservingAsync(row, settings.QuotaBytes) is { } refusal)
        {
            if (uploadId is not null)
            {
                await multipart.AbortAsync(key, uploadId);
            }

            return new FileCreation(FileId, null, refusal)
            {
                RefusalDetail = $"the file ({file.Size} bytes) does not fit in the storage left: {refusal.QuotaBytes - refusal.UsedBytes - refusal.ReservedBytes} of {refusal.QuotaBytes} bytes",
            };
        }

        return new FileCreation(FileId, await SignUploadAsync(row, []), null);
    }

    public async Task<UploadProgress> GetUploadAsync(Guid callerId)
    {
        var row = await FindOwnedAsync(callerId);
        if (row.Status != FileStatuses.Pending)
        {
            throw ChatException.Conflict("the upload is complete");
        }

        var recorded = row.MultipartId is null ? [] : await store.ReadPartsAsync(FileId);
        return new UploadProgress(FileId, row.Status, await SignUploadAsync(row, recorded), recorded);
    }

    public async Task RecordPartAsync(Guid callerId, int partNumber, string etag)
    {
        var row = await FindOwnedAsync(callerId);
        if (row.Status != FileStatuses.Pending || row.MultipartId is null || row.PartSize is not { } partSize)
        {
            throw ChatException.Conflict("the file has no multipart upload in progress");
        }

        if (partNumber < 1 || partNumber > row.PartCount)
        {
            throw ChatException.BadRequest($"partNumber must be 1 to {row.PartCount}");
        }

        if (string.IsNullOrWhiteSpace(etag) || etag.Length > 200)
        {
            throw ChatException.BadRequest("etag must be the ETag storage answered for the part");
        }

        var size = partNumber < row.PartCount ? partSize : row.DeclaredSize - partSize * (row.PartCount - 1);
        await store.RecordPartAsync(FileId, partNumber, etag.Trim(), size);
    }

    public async Task<FileDescription> CompleteAsync(Guid callerId, IReadOnlyList<RecordedPart>? parts)
    {
        var row = await FindOwnedAsync(callerId);
        if (row.Status != FileStatuses.Pending)
        {
            return row.Describe();
        }

        if (row.MultipartId is not null)
        {
            await JoinPartsAsync(row, parts);
        }

        var size = await objects.GetSizeAsync(row.ObjectKey);
        if (size is null)
        {
            throw ChatException.BadRequest("nothing has been uploaded for this file yet");
        }

        if (size != row.DeclaredSize)
        {
            await RefuseAsync(row, $"the uploaded file is {size} bytes, not the {row.DeclaredSize} declared");
        }

        var head = await objects.ReadHeadAsync(row.ObjectKey, (int)Math.Min(HeadBytes, size.Value));
        var verdict = FileTypeRules.Decide(row.DeclaredType, row.Name, FileTypeSniffer.Sniff(head));
        if (verdict.Refusal is not null)
        {
            await RefuseAsync(row, verdict.Refusal);
        }

        var check = await CheckContentAsync(row, verdict.Kind!, head, size.Value);
        if (check.Refusal is not null)
        {
            await RefuseAsync(row, check.Refusal);
        }

        if (!await store.MarkCompletedAsync(FileId, verdict.ContentType!, verdict.Kind!, size.Value, check.Facts?.ToJson()))
        {
            LogCompletionRaced(logger, FileId);
        }

        var completed = await store.FindAsync(FileId) ?? throw ChatException.NotFound(FileAccess.NotFoundMessage);
        LogCompleted(logger, FileId, completed.ContentType, size.Value);
        return completed.Describe();
    }

    public async Task DeleteAsync(Guid callerId)
    {
        var row = await FindOwnedAsync(callerId);
        if (row.AttachedAt is not null)
        {
            throw ChatException.Conflict("the file is used by a message, a profile or a group");
        }

        await RemoveRowAndObjectsAsync(row);
    }

    public async Task<FileDescription> DescribeAsync(Guid callerId) => (await FindVisibleAsync(callerId)).Describe();

    public async Task<FileDownload> GetDownloadAsync(Guid callerId, string variant, bool asAttachment) =>
        FileDownloads.Resolve(await FindVisibleAsync(callerId), callerId, variant, asAttachment);

    public async Task RemoveAsync()
    {
        if (await store.FindAsync(FileId) is { } row)
        {
            await RemoveRowAndObjectsAsync(row);
        }
    }

    private async Task JoinPartsAsync(FileRow row, IReadOnlyList<RecordedPart>? given)
    {
        var parts = (await store.ReadPartsAsync(FileId)).ToDictionary(part => part.PartNumber, part => part.ETag);
        foreach (var part in given ?? [])
        {
            if (part.PartNumber < 1 || part.PartNumber > row.PartCount || string.IsNullOrWhiteSpace(part.ETag))
            {
                throw ChatException.BadRequest($"parts must name partNumber 1 to {row.PartCount} with the ETag storage answered");
            }

            parts[part.PartNumber] = part.ETag;
        }

        var missing = Enumerable.Range(1, row.PartCount).Where(number => !parts.ContainsKey(number)).ToList();
        if (missing.Count > 0)
        {
            throw ChatException.BadRequest($"parts not uploaded yet: {string.Join(", ", missing.Take(20))}");
        }

        try
        {
            await multipart.CompleteAsync(row.ObjectKey, row.MultipartId!, [.. parts.Select(part => new UploadedPart(part.Key, part.Value))]);
        }
        catch (Amazon.S3.AmazonS3Exception exception) when ((int)exception.StatusCode is >= 400 and < 500)
        {
            // A wrong ETag or a part not (fully) uploaded: the upload is still pending and can be resumed.
            throw ChatException.BadRequest($"storage refused the parts: {exception.Message}");
        }
    }

    private async Task<HeaderCheck> CheckContentAsync(FileRow row, string kind, byte[] head, long size)
    {
        switch (kind)
        {
            case FileKinds.Image:
                var check = ImageHeaderCheck.Check(head, settings.MaxImagePixels);
                // A few formats (HEIC with its index at the end) need the whole file for their header.
                return check.Refusal is not null && size > head.Length ? await CheckWholeImageAsync(row) : check;
            case FileKinds.Video or FileKinds.Audio:
                return await MediaProbe.CheckAsync(await objects.PresignServerGetAsync(row.ObjectKey, ProbeUrlLifetime), kind);
            default:
                return HeaderCheck.Pass(new MediaFacts(null, null, null));
        }
    }

    private async Task<HeaderCheck> CheckWholeImageAsync(FileRow row)
    {
        var path = Path.Combine(Path.GetTempPath(), $"chat-check-{FileId:N}");
        try
        {
            await objects.DownloadToFileAsync(row.ObjectKey, path);
            return ImageHeaderCheck.CheckFile(path, settings.MaxImagePixels);
        }
        finally
        {
            File.Delete(path);
        }
    }

    /// <summary>Deletes what was uploaded and the row (releasing the reservation), then fails the call with <paramref name="reason"/>.</summary>
    private async Task RefuseAsync(FileRow row, string reason)
    {
        LogRefused(logger, FileId, row.OwnerId, reason);
        await RemoveRowAndObjectsAsync(row);
        throw ChatException.BadRequest(reason);
    }

    // Objects first: if the row went first and a delete then failed, the bytes would have nothing
    // left pointing at them; this way a failure leaves a row the sweep finds again.
    private async Task RemoveRowAndObjectsAsync(FileRow row)
    {
        if (row.MultipartId is not null && row.Status == FileStatuses.Pending)
        {
            await multipart.AbortAsync(row.ObjectKey, row.MultipartId);
        }

        await objects.DeleteAsync(row.ObjectKey);
        if (row.CleanKey is not null)
        {
            await objects.DeleteAsync(row.CleanKey);
        }

        await objects.DeletePrefixAsync(FileRow.Prefix(FileId));
        await store.DeleteAsync(FileId);
    }

    private async Task<FileRow> FindOwnedAsync(Guid callerId) =>
        await store.FindAsync(FileId) is { } row && row.OwnerId == callerId ? row : throw ChatException.NotFound(FileAccess.NotFoundMessage);

    private async Task<FileRow> FindVisibleAsync(Guid callerId) =>
        await store.FindAsync(FileId) is { } row && await access.CanSeeAsync(row, callerId) ? row : throw ChatException.NotFound(FileAccess.NotFoundMessage);

    private async Task<FileUpload> SignUploadAsync(FileRow row, IReadOnlyList<RecordedPart> recorded)
    {
        var expiresAt = time.GetUtcNow().Add(settings.UploadUrlLifetime);
        if (row.MultipartId is null)
        {
            var url = await objects.PresignPutAsync(row.ObjectKey, row.DeclaredType, settings.UploadUrlLifetime);
            return new FileUpload(FileUpload.Put, url, new Dictionary<string, string> { ["Content-Type"] = row.DeclaredType }, null, null, expiresAt);
        }

        var done = recorded.Select(part => part.PartNumber).ToHashSet();
        var parts = new List<UploadPartUrl>();
        foreach (var number in Enumerable.Range(1, row.PartCount).Where(number => !done.Contains(number)))
        {
            parts.Add(new UploadPartUrl(number, await multipart.PresignPartAsync(row.ObjectKey, row.MultipartId, number, settings.UploadUrlLifetime)));
        }

        return new FileUpload(FileUpload.Multipart, null, null, row.PartSize, parts, expiresAt);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "File {FileId} completed as {ContentType}, {Size} bytes")]
    private static partial void LogCompleted(ILogger logger, Guid fileId, string? contentType, long size);

    [LoggerMessage(Level = LogLevel.Information, Message = "File {FileId} of {OwnerId} refused at completion: {Reason}")]
    private static partial void LogRefused(ILogger logger, Guid fileId, Guid ownerId, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "File {FileId} was no longer pending when its completion was written")]
    private static partial void LogCompletionRaced(ILogger logger, Guid fileId);
}
