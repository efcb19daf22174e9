using System.IO.Compression;
using System.Text;
using System.Text.Json;
using Chat.Errors;
using Chat.RateLimits;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Chat.Accounts;

/// <summary>
/// Builds one export on a one-shot grain timer after <see cref="StartAsync"/>. If the activation is
/// lost before it finishes, the export stays pending and the next <see cref="GetAsync"/> starts the build again.
/// </summary>
internal sealed partial class DataExportGrain(DataExportStore store, ILogger<DataExportGrain> logger) : Grain, IDataExportGrain
{
    // A pending export older than this counts as failed for the one-at-a-time rule, so a build lost for good does not block the next.
    private static readonly TimeSpan ExportBuildTime = TimeSpan.FromMinutes(10);

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { WriteIndented = true };

    private IGrainTimer? _build;

    private Guid ExportId => this.GetPrimaryKey();

    public async Task StartAsync(Guid userId)
    {
        var limits = ServiceProvider.GetRequiredService<IOptions<AbuseLimits>>().Value;
        if (await store.TryCreateAsync(ExportId, userId, limits.DataExportsPerDay, ExportBuildTime) is { } wait)
        {
            throw ChatException.RateLimited($"one data export at a time and at most {limits.DataExportsPerDay} a day", wait);
        }

        ScheduleBuild(userId);
    }

    public async Task<DataExport> GetAsync(Guid userId)
    {
        if (await store.FindAsync(ExportId) is not { } export || export.UserId != userId)
        {
            return new DataExport(DataExportStatus.NotFound, []);
        }

        if (!export.Ready)
        {
            ScheduleBuild(userId);
            return new DataExport(DataExportStatus.Pending, []);
        }

        return new DataExport(DataExportStatus.Ready, await store.ReadContentAsync(ExportId));
    }

    private void ScheduleBuild(Guid userId) =>
        _build ??= this.RegisterGrainTimer(() => BuildAsync(userId), new GrainTimerCreationOptions(TimeSpan.Zero, Timeout.InfiniteTimeSpan));

    private async Task BuildAsync(Guid userId)
    {
        try
        {
            await store.CompleteAsync(ExportId, await ZipAsync(userId));
            LogBuilt(logger, ExportId, userId);
        }
        catch (Exception ex)
        {
            LogBuildFailed(logger, ex, ExportId, userId);
        }
        finally
        {
            _build?.Dispose();
            _build = null;
        }
    }

    private async Task<byte[]> ZipAsync(Guid userId)
    {
        var user = GrainFactory.Reference<IUserGrain>(userId);
        var profile = await user.GetProfileAsync();
        var privacy = await user.GetPrivacyAsync();
        var files = new List<(string Name, string Json)>
        {
            ("profile.json", JsonSerializer.Serialize(new { profile.DisplayName, profile.Bio, profile.StatusText, profile.AvatarFileId, privacy }, Json)),
            ("blocks.json", JsonSerializer.Serialize(await user.GetBlockedAsync(), Json)),
        };
        foreach (var (name, sql) in DataExportStore.Documents)
        {
            files.Add((name, await store.ReadDocumentAsync(sql, userId)));
        }

        using var buffer = new MemoryStream();
        using (var zip = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var (name, json) in files.OrderBy(f => f.Name, StringComparer.Ordinal))
            {
                using var entry = zip.CreateEntry(name, CompressionLevel.Optimal).Open();
                entry.Write(Encoding.UTF8.GetBytes(json));
            }
        }

        return buffer.ToArray();
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Data export {ExportId} of user {UserId} is ready")]
    private static partial void LogBuilt(ILogger logger, Guid exportId, Guid userId);

    [LoggerMessage(Level = LogLevel.Error, Message = "Data export {ExportId} of user {UserId} failed; it stays pending and is retried when asked for")]
    private static partial void LogBuildFailed(ILogger logger, Exception exception, Guid exportId, Guid userId);
}
