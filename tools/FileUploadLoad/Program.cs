using System.Diagnostics;
using System.Globalization;
using Chat.FileUploadLoad;

// usage: dotnet tools/FileUploadLoad/bin/Release/net10.0/Chat.FileUploadLoad.dll
//   --frontend http://127.0.0.1:5091 --frontend-pid PID [--silo-pid PID] [--clients 20] [--mb 200] [--resume-gib 1]
var options = args.Select((arg, index) => (arg, index)).Where(pair => pair.arg.StartsWith("--", StringComparison.Ordinal))
    .ToDictionary(pair => pair.arg[2..], pair => pair.index + 1 < args.Length ? args[pair.index + 1] : "", StringComparer.Ordinal);
var frontend = new Uri(options.GetValueOrDefault("frontend", "http://127.0.0.1:5000"));
var frontendPid = int.Parse(options["frontend-pid"], CultureInfo.InvariantCulture);
int? siloPid = options.TryGetValue("silo-pid", out var silo) ? int.Parse(silo, CultureInfo.InvariantCulture) : null;
var clients = int.Parse(options.GetValueOrDefault("clients", "20"), CultureInfo.InvariantCulture);
var megabytes = long.Parse(options.GetValueOrDefault("mb", "200"), CultureInfo.InvariantCulture);
var resumeGib = long.Parse(options.GetValueOrDefault("resume-gib", "1"), CultureInfo.InvariantCulture);

using var api = new HttpClient { BaseAddress = frontend, Timeout = TimeSpan.FromMinutes(30) };
using var storage = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = 256 }) { Timeout = TimeSpan.FromMinutes(30) };
var uploads = new Uploads(api, storage);

// One random buffer the size of a part; every part of every file is a slice of it, so the clients
// hold 32 MiB between them however many bytes they send (the client's memory is not what we measure).
var partBuffer = new byte[32 * 1024 * 1024];
Random.Shared.NextBytes(partBuffer);

Console.WriteLine($"signing up {clients} users at {frontend}");
var users = new List<string>();
for (var i = 0; i < clients; i++)
{
    users.Add(await uploads.RegisterAsync());
}

using var sampler = new MemorySampler(frontendPid, siloPid);
await Task.Delay(1000);
var before = sampler.Current;
Console.WriteLine($"before: Frontend {before.Frontend / 1024.0:F1} MB RSS, silo {before.Silo / 1024.0:F1} MB");

var size = megabytes * 1000 * 1000;
var clock = Stopwatch.StartNew();
var fileIds = await Task.WhenAll(users.Select(token => uploads.UploadWholeAsync(token, size, partBuffer)));
clock.Stop();
await Task.Delay(1000);
var after = sampler.Current;
var total = size * clients;
Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
    $"{clients} clients x {megabytes} MB = {total / 1e9:F1} GB in {clock.Elapsed.TotalSeconds:F1} s ({total / 1e6 / clock.Elapsed.TotalSeconds:F0} MB/s)"));
Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
    $"Frontend RSS: before {before.Frontend / 1024.0:F1} MB, peak {sampler.PeakFrontend / 1024.0:F1} MB, after {after.Frontend / 1024.0:F1} MB"));
if (siloPid is not null)
{
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
        $"silo RSS: before {before.Silo / 1024.0:F1} MB, peak {sampler.PeakSilo / 1024.0:F1} MB, after {after.Silo / 1024.0:F1} MB"));
}

for (var i = 0; i < clients; i++)
{
    await uploads.DeleteAsync(users[i], fileIds[i]);
}

if (resumeGib > 0)
{
    await new ResumeRun(uploads, storage, partBuffer).RunAsync(users[0], resumeGib * 1024 * 1024 * 1024);
}

return 0;
