using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Text;
using Microsoft.AspNetCore.SignalR.Client;

namespace Chat.LoadTest;

/// <summary>
/// Broadcast fan-out: one admin posts in a channel, every subscriber device is connected, and the
/// time from the post until each device has it is measured (p50/p99/max = the last subscriber).
/// </summary>
internal sealed class ChannelRun(Options options)
{
    private readonly string _runId = Convert.ToHexStringLower(System.Security.Cryptography.RandomNumberGenerator.GetBytes(4));
    private Post[] _posts = [];
    private Guid _channelId;
    private long _duplicates;
    private long _foreign;
    private long _probeSeen;
    private long _disconnects;
    private volatile bool _closing;

    public async Task<int> RunAsync()
    {
        var subscribers = options.ChannelSubscribers!.Value;
        var devicesPerSubscriber = options.DevicesPerUser;
        using var api = new ChatApi(options.Frontends[0]);
        var pool = new UserPool(options, api);
        var users = await pool.EnsureAsync(subscribers + 1, TimeSpan.Zero);

        var (channelId, lastSeq) = await ConversationSetup.EnsureChannelAsync(api, pool, users);
        _channelId = channelId;

        var devices = new List<Device>();
        var owner = new Device(0, 0, users[0], options.Frontends[0]);
        owner.Build(OnMessage, OnClosed);
        devices.Add(owner);
        for (var u = 1; u < users.Count; u++)
        {
            for (var d = 0; d < devicesPerSubscriber; d++)
            {
                var device = new Device(devices.Count, u, users[u], options.Frontends[devices.Count % options.Frontends.Count]);
                device.Build(OnMessage, OnClosed);
                devices.Add(device);
            }
        }

        var receivers = devices.Count - 1;
        _posts = Enumerable.Range(0, options.Posts).Select(_ => new Post(devices.Count)).ToArray();
        try
        {
            await DeviceFleet.ConnectAllAsync(devices, options.ConnectParallelism);

            if (options.SampleCpu && options.WaitQuietSeconds > 0)
            {
                await new CpuSampler(options.Frontends).WaitQuietAsync(options.WaitQuietSeconds);
            }

            // A probe post proves every device is routed before timing starts.
            var probeSw = Stopwatch.StartNew();
            await owner.Connection.InvokeAsync<MessageAck>("SendMessage", new SendMessageRequest(channelId, $"{_runId}-probe", $"probe {_runId}"));
            while (Interlocked.Read(ref _probeSeen) < receivers && probeSw.Elapsed < TimeSpan.FromSeconds(60))
            {
                await Task.Delay(50);
            }

            Console.WriteLine($"probe: {Interlocked.Read(ref _probeSeen)}/{receivers} subscriber devices got it in {probeSw.Elapsed.TotalMilliseconds:F0} ms");

            Console.WriteLine();
            Console.WriteLine($"run {_runId}: channel {channelId}, {subscribers} subscribers x {devicesPerSubscriber} devices = {receivers} receiving connections, {options.Posts} posts");
            Console.WriteLine("post   ack ms  received  p50 ms  p90 ms  p99 ms  max(last) ms");
            for (var p = 0; p < _posts.Length; p++)
            {
                var post = _posts[p];
                post.SentAt = Stopwatch.GetTimestamp();
                var ack = await owner.Connection.InvokeAsync<MessageAck>("SendMessage",
                    new SendMessageRequest(channelId, $"{_runId}-{p}", $"ch {_runId} {p} {new string('x', Math.Max(0, options.ContentBytes - 24))}"));
                post.AckedAt = Stopwatch.GetTimestamp();
                post.Seq = ack.Seq;
                var wait = Stopwatch.StartNew();
                while (Volatile.Read(ref post.Received) < receivers && wait.Elapsed < TimeSpan.FromSeconds(30))
                {
                    await Task.Delay(5);
                }

                var stats = post.Stats();
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"{p + 1,4} {LatencyRecorder.Ms(post.SentAt, post.AckedAt),8:F1} {post.Received,5}/{receivers,-5} {Percentiles.F(stats.P50),6} {Percentiles.F(stats.P90),7} {Percentiles.F(stats.P99),7} {Percentiles.F(stats.Max),9}"));
                if (p + 1 < _posts.Length)
                {
                    await Task.Delay(TimeSpan.FromSeconds(options.PostIntervalSeconds));
                }
            }

            return Report(subscribers, devicesPerSubscriber, receivers, lastSeq);
        }
        finally
        {
            Console.WriteLine("closing connections");
            _closing = true;
            await DeviceFleet.DisposeAllAsync(devices);
        }
    }

    private void OnMessage(Device device, ReceivedMessage message)
    {
        var now = Stopwatch.GetTimestamp();
        if (message.ConversationId != _channelId)
        {
            Interlocked.Increment(ref _foreign);
            return;
        }

        var content = message.Content ?? "";
        if (content == $"probe {_runId}")
        {
            if (device.Index != 0)
            {
                Interlocked.Increment(ref _probeSeen);
            }

            return;
        }

        var parts = content.Split(' ', 4);
        if (parts.Length < 3 || parts[0] != "ch" || parts[1] != _runId || !int.TryParse(parts[2], CultureInfo.InvariantCulture, out var p) || p < 0 || p >= _posts.Length)
        {
            Interlocked.Increment(ref _foreign);
            return;
        }

        if (device.Index == 0)
        {
            return; // the admin's own device
        }

        var post = _posts[p];
        if (Interlocked.CompareExchange(ref post.ReceivedAt[device.Index], now, 0) != 0)
        {
            Interlocked.Increment(ref _duplicates);
            return;
        }

        Interlocked.Increment(ref post.Received);
    }

    private void OnClosed(Device device, Exception? ex)
    {
        if (_closing)
        {
            return;
        }

        if (Interlocked.Increment(ref _disconnects) <= 5)
        {
            Console.WriteLine($"connection of {device.User.Username} closed: {ex?.Message ?? "by the client"}");
        }
    }

    private int Report(int subscribers, int devicesPerSubscriber, int receivers, long baselineSeq)
    {
        var all = new List<int>();
        var lastPerPost = new List<int>();
        var acks = new List<int>();
        long missing = 0;
        foreach (var post in _posts)
        {
            missing += receivers - post.Received;
            var micros = post.Micros();
            all.AddRange(micros);
            if (micros.Count > 0)
            {
                lastPerPost.Add(micros.Max());
            }

            acks.Add((int)(LatencyRecorder.Ms(post.SentAt, post.AckedAt) * 1000));
        }

        var overall = Percentiles.Of(all);
        var last = Percentiles.Of(lastPerPost);
        var ack = Percentiles.Of(acks);
        var sb = new StringBuilder();
        sb.AppendLine();
        sb.AppendLine(CultureInfo.InvariantCulture, $"== summary: channel run {_runId} ==");
        sb.AppendLine(CultureInfo.InvariantCulture, $"setup        {subscribers} subscribers x {devicesPerSubscriber} devices = {receivers} connections on {options.Frontends.Count} frontend(s); {_posts.Length} posts (channel seq before: {baselineSeq})");
        sb.AppendLine(CultureInfo.InvariantCulture, $"received     {all.Count} of {(long)receivers * _posts.Length}; missing {missing}; duplicated {_duplicates}; disconnects {_disconnects}; foreign {_foreign}");
        if (!Device.OtherEvents.IsEmpty)
        {
            sb.AppendLine(CultureInfo.InvariantCulture, $"other events {string.Join(", ", Device.OtherEvents.OrderBy(e => e.Key).Select(e => $"{e.Key} {e.Value}"))}");
        }

        sb.AppendLine(CultureInfo.InvariantCulture, $"post ack     {ack}");
        sb.AppendLine(CultureInfo.InvariantCulture, $"post->device {overall}");
        sb.AppendLine(CultureInfo.InvariantCulture, $"last device  per post: {last}");
        Console.Write(sb.ToString());
        if (options.JsonOut is { } path)
        {
            SummaryJson.Write(path, new Dictionary<string, object?>
            {
                ["mode"] = "channel",
                ["runId"] = _runId,
                ["subscribers"] = subscribers,
                ["devicesPerSubscriber"] = devicesPerSubscriber,
                ["receivingConnections"] = receivers,
                ["posts"] = _posts.Length,
                ["missing"] = missing,
                ["duplicates"] = _duplicates,
                ["ackMs"] = ack,
                ["deliveryMs"] = overall,
                ["lastDeviceMs"] = last,
            });
        }

        return missing == 0 && _duplicates == 0 ? 0 : 2;
    }

    private sealed class Post(int devices)
    {
        public long SentAt;
        public long AckedAt;
        public long Seq;
        public int Received;
        public readonly long[] ReceivedAt = new long[devices];

        public List<int> Micros() =>
            [.. ReceivedAt.Where(t => t != 0).Select(t => (int)((t - SentAt) * 1_000_000L / Stopwatch.Frequency))];

        public Percentiles Stats() => Percentiles.Of(Micros());
    }
}
