using System.Diagnostics;
using System.Globalization;
using System.Security.Cryptography;

namespace Chat.FileUploadLoad;

/// <summary>
/// A large multipart upload whose connection is killed mid-part: half the parts go up, the next one
/// is cut off after 8 MiB (the request aborted, its socket closed), the client asks
/// <c>GET /api/files/{id}/upload</c> what is left, uploads that and completes; the stored object is
/// then read back and its SHA-256 compared with what was sent.
/// </summary>
internal sealed class ResumeRun(Uploads uploads, HttpClient storage, byte[] buffer)
{
    public async Task RunAsync(string token, long size)
    {
        var clock = Stopwatch.StartNew();
        var start = await uploads.StartAsync(token, size);
        var fileId = start.GetProperty("fileId").GetGuid();
        var upload = start.GetProperty("upload");
        var partSize = upload.GetProperty("partSize").GetInt64();
        var parts = upload.GetProperty("parts").EnumerateArray().ToList();
        var half = parts.Count / 2;
        Console.WriteLine($"resume: {size} bytes in {parts.Count} parts of {partSize}; uploading {half}, then killing part {half + 1}");
        foreach (var part in parts.Take(half))
        {
            var number = part.GetProperty("partNumber").GetInt32();
            var etag = await uploads.PutPartAsync(part.GetProperty("url").GetString()!, buffer, Uploads.PartLength(size, partSize, number));
            await uploads.RecordPartAsync(token, fileId, number, etag);
        }

        await KillMidPartAsync(parts[half].GetProperty("url").GetString()!, Uploads.PartLength(size, partSize, half + 1));

        var resume = await uploads.ResumeAsync(token, fileId);
        var recorded = resume.GetProperty("uploadedParts").GetArrayLength();
        var left = resume.GetProperty("upload").GetProperty("parts").EnumerateArray().ToList();
        Console.WriteLine($"resume: the server has {recorded} parts recorded, {left.Count} to go");
        var etags = new List<(int, string)>();
        foreach (var part in left)
        {
            var number = part.GetProperty("partNumber").GetInt32();
            etags.Add((number, await uploads.PutPartAsync(part.GetProperty("url").GetString()!, buffer, Uploads.PartLength(size, partSize, number))));
        }

        var file = await uploads.CompleteAsync(token, fileId, etags);
        var uploaded = clock.Elapsed;
        var url = (await uploads.DownloadUrlAsync(token, fileId)).GetProperty("url").GetString()!;
        var identical = await HashStoredAsync(url) == ExpectedHash(size, partSize);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"resume: completed {file.GetProperty("size").GetInt64()} bytes in {uploaded.TotalSeconds:F1} s (kill and resume included); read back byte-identical: {identical}"));
        await uploads.DeleteAsync(token, fileId);
    }

    /// <summary>Sends the first 8 MiB of a part, then aborts the request: what a dropped connection does to a PUT.</summary>
    private async Task KillMidPartAsync(string url, int length)
    {
        using var abort = new CancellationTokenSource();
        var content = new StreamContent(new CuttingStream(buffer, length, 8 * 1024 * 1024, abort));
        content.Headers.ContentLength = length;
        try
        {
            await storage.PutAsync(url, content, abort.Token);
            Console.WriteLine("resume: the cut part went through (unexpected)");
        }
        catch (Exception exception) when (exception is OperationCanceledException or HttpRequestException)
        {
            Console.WriteLine($"resume: connection killed mid-part ({exception.GetType().Name})");
        }
    }

    private async Task<string> HashStoredAsync(string url)
    {
        using var response = await storage.GetAsync(url, HttpCompletionOption.ResponseHeadersRead);
        response.EnsureSuccessStatusCode();
        await using var stream = await response.Content.ReadAsStreamAsync();
        return Convert.ToHexString(await SHA256.HashDataAsync(stream));
    }

    private string ExpectedHash(long size, long partSize)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        for (var number = 1; (number - 1) * partSize < size; number++)
        {
            hash.AppendData(buffer, 0, Uploads.PartLength(size, partSize, number));
        }

        return Convert.ToHexString(hash.GetHashAndReset());
    }

    /// <summary>Reads like the part's bytes, but cancels the request once <c>cutAfter</c> bytes are out.</summary>
    private sealed class CuttingStream(byte[] source, int length, int cutAfter, CancellationTokenSource abort) : Stream
    {
        private int _position;

        public override bool CanRead => true;
        public override bool CanSeek => false;
        public override bool CanWrite => false;
        public override long Length => length;
        public override long Position { get => _position; set => throw new NotSupportedException(); }

        public override int Read(byte[] target, int offset, int count)
        {
            if (_position >= cutAfter)
            {
                abort.Cancel();
                throw new IOException("connection killed");
            }

            var n = Math.Min(count, Math.Min(length, cutAfter) - _position);
            Array.Copy(source, _position, target, offset, n);
            _position += n;
            return n;
        }

        public override void Flush() { }
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] target, int offset, int count) => throw new NotSupportedException();
    }
}
