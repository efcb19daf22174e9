using Chat.Files.Storage;
using Chat.Tests.Infrastructure;

namespace Chat.Tests.Files;

/// <summary>The files tests' cluster (two silos, two Frontends, the real S3 endpoint).</summary>
public sealed class FilesGrid : GridWithFrontends
{
    public HttpClient Storage { get; } = new();

    private HttpClient? _noRedirect;

    /// <summary>A client of the first Frontend that shows redirects instead of following them.</summary>
    public HttpClient NoRedirect => _noRedirect ??= new HttpClient(new HttpClientHandler { AllowAutoRedirect = false }) { BaseAddress = First.Address };

    public IObjectStore Objects => First.Services.GetRequiredService<IObjectStore>();

    // These tests look at a completed file before its previews (processing, its job queued, no
    // thumbnails): no worker may race them. The preview tests run the workers on a cluster of their own.
    protected override void CustomizeSilos(Dictionary<string, string?> settings) => settings["Files:PreviewWorkerEnabled"] = "false";
}

[CollectionDefinition(Name)]
public sealed class FilesCollection : ICollectionFixture<FilesGrid>
{
    public const string Name = "files";
}
