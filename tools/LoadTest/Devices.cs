using System.Diagnostics;
using System.Text.Json;
using Microsoft.AspNetCore.Http.Connections;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Extensions.DependencyInjection;

namespace Chat.LoadTest;

/// <summary>One hub connection: a user's device. Receipt bookkeeping lives in the mode that uses it.</summary>
internal sealed class Device(int index, int userIndex, StoredUser user, Uri frontend)
{
    public int Index { get; } = index;
    public int UserIndex { get; } = userIndex;
    public StoredUser User { get; } = user;
    public Uri Frontend { get; } = frontend;
    public HubConnection Connection { get; private set; } = null!;

    /// <summary>Per conversation: the seqs seen and the highest one, for duplicate and gap checks.</summary>
    public Dictionary<Guid, SeqView> Views { get; } = [];

    public Lock Gate { get; } = new();

    /// <summary>Server events other than MessageReceived that arrived on any device, by hub method.</summary>
    public static readonly System.Collections.Concurrent.ConcurrentDictionary<string, long> OtherEvents = new();

    private static readonly string[] OtherEventNames = ["ReadReceipt", "DeliveryReceipt", "Typing", "PresenceChanged", "MessageUpdated", "ConversationAdded", "MembersChanged"];

    public void Build(Action<Device, ReceivedMessage> onMessage, Action<Device, Exception?> onClosed)
    {
        Connection = new HubConnectionBuilder()
            .WithUrl(new Uri(Frontend, "hubs/chat"), o =>
            {
                o.SkipNegotiation = true;
                o.Transports = HttpTransportType.WebSockets;
                o.AccessTokenProvider = () => Task.FromResult<string?>(User.AccessToken);
            })
            .AddJsonProtocol(o =>
            {
                o.PayloadSerializerOptions.PropertyNamingPolicy = JsonNamingPolicy.CamelCase;
                o.PayloadSerializerOptions.PropertyNameCaseInsensitive = true;
                o.PayloadSerializerOptions.DefaultIgnoreCondition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull;
            })
            .Build();
        Connection.ServerTimeout = TimeSpan.FromSeconds(60);
        Connection.HandshakeTimeout = TimeSpan.FromSeconds(60);
        Connection.On<ReceivedMessage>("MessageReceived", m => onMessage(this, m));
        foreach (var name in OtherEventNames)
        {
            Connection.On(name, [typeof(JsonElement)], _ =>
            {
                OtherEvents.AddOrUpdate(name, 1, (_, n) => n + 1);
                return Task.CompletedTask;
            });
        }

        Connection.Closed += ex =>
        {
            onClosed(this, ex);
            return Task.CompletedTask;
        };
    }
}

internal sealed class SeqView(long baseline)
{
    public HashSet<long> Seen { get; } = [];
    public long Highest { get; set; } = baseline;
}

internal static class DeviceFleet
{
    /// <summary>Connects every device with bounded parallelism; connects that fail are retried a few times.</summary>
    public static async Task ConnectAllAsync(IReadOnlyList<Device> devices, int parallelism)
    {
        Console.WriteLine($"connect: {devices.Count} hub connections over {devices.Select(d => d.Frontend).Distinct().Count()} frontend(s), parallelism {parallelism}");
        var sw = Stopwatch.StartNew();
        var failures = 0;
        await UserPool.ParallelWithProgress(devices, parallelism, "connected", async device =>
        {
            for (var attempt = 1; ; attempt++)
            {
                try
                {
                    await device.Connection.StartAsync();
                    return;
                }
                catch (Exception ex) when (attempt < 5)
                {
                    if (Interlocked.Increment(ref failures) <= 5)
                    {
                        Console.WriteLine($"  connect {device.User.Username} to {device.Frontend} failed ({ex.GetType().Name}: {ex.Message}); retrying");
                    }

                    await Task.Delay(500 * attempt);
                }
            }
        });
        Console.WriteLine($"connect: {devices.Count} connected in {sw.Elapsed.TotalSeconds:F1} s ({failures} retried attempts)");
    }

    public static async Task DisposeAllAsync(IReadOnlyList<Device> devices)
    {
        await Parallel.ForEachAsync(devices, new ParallelOptions { MaxDegreeOfParallelism = 64 }, async (d, _) =>
        {
            try
            {
                await d.Connection.DisposeAsync();
            }
            catch (Exception)
            {
                // Stopping: nothing to report.
            }
        });
    }
}
