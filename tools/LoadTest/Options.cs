using System.Globalization;

namespace Chat.LoadTest;

/// <summary>Command line options, parsed by hand (the tool takes no package but the SignalR client).</summary>
internal sealed class Options
{
    public const string Usage = """
        Chat Grid load test (issue #4). Signs up users, puts them in conversations, connects every
        user to /hubs/chat and sends at a fixed total rate, then reports ack and delivery latency,
        loss, duplicates and seq gaps.

        usage: dotnet run --project tools/LoadTest -c Release -- [options]

        common:
          --frontends URL[,URL...]   Frontends; connections are spread round-robin (default http://127.0.0.1:5000)
          --users-file PATH          reuse users (and their conversations) between runs; created if missing
          --register-parallelism N   concurrent sign-ups; each costs an Argon2id hash on the silo (default 4)
          --connect-parallelism N    concurrent hub connects (default 32)
          --devices-per-user N       hub connections per user (default 1); every device receives every message
          --cpu on|off               sample per-process CPU from /proc each second (default on where /proc exists)
          --json PATH                also write the summary as JSON
          --wait-quiet S             before timing, wait up to S s for the machine to be under 25% busy (default 60;
                                     0 = don't); a busy machine (another test run, a stream backlog) skews results

        group mode (default):
          --users N                  users (default 2000); they form N/K conversations
          --group-size K             members per conversation (default 10, at most 256)
          --rate R                   total messages per second offered (default 5000)
          --duration S               seconds of sending (default 30)
          --warmup S                 first S seconds are sent and checked but not in the latency percentiles (default 0)
          --drain S                  after the last send, wait up to S seconds for acks and deliveries (default 10)
          --content-bytes B          message size, at least the timestamp header (default 64)
          --max-inflight N           unacknowledged sends allowed before sends are skipped and counted (default 50000)

        channel mode:
          --channel-subscribers S    one admin posts in a channel with S subscribers. The API takes at most
                                     255 memberIds per create and has no add-member call, so for S > 255 the
                                     tool shows the server's refusal, then uses 255 subscribers with
                                     ceil(S/255) devices each (same socket count; say so when quoting)
          --posts P                  posts, one after another (default 5)
          --post-interval S          seconds between posts (default 2)

        presence mode (issue 5):
          --presence-users N         N users, one connection each; user i watches users i+1 .. i+W (mod N)
          --watch W                  users each one watches, at most 200 (default 50)
          --change-percent-per-minute P  share of all users whose presence changes per minute (default 5):
                                     SetPresence away/dnd/online, and disconnects that outlast the 5 s grace
                                     (offline, then online again); also quick reconnects that must show nothing
          --duration S               seconds of changes (default 30); --drain S waits for the last ones (at least 40)
          --hold S                   after measuring the connected memory, wait S seconds before the changes
                                     (time to take e.g. dotnet-gcdump of the silo and Frontend; default 0)
          --silo-pid PID             the silo process, for CPU and memory (default: up.sh's pid file, or the only silo)
          --frontend-pids PID[,PID]  the Frontend processes (default: up.sh's pid files, or those serving --frontends)
        """;

    public List<Uri> Frontends { get; } = [];
    public string? UsersFile { get; private set; }
    public int RegisterParallelism { get; private set; } = 4;
    public int ConnectParallelism { get; private set; } = 32;
    public int DevicesPerUser { get; private set; } = 1;
    public bool SampleCpu { get; private set; } = OperatingSystem.IsLinux() && Directory.Exists("/proc");
    public string? JsonOut { get; private set; }
    public double WaitQuietSeconds { get; private set; } = 60;

    public int Users { get; private set; } = 2000;
    public int GroupSize { get; private set; } = 10;
    public double Rate { get; private set; } = 5000;
    public double DurationSeconds { get; private set; } = 30;
    public double WarmupSeconds { get; private set; }
    public double DrainSeconds { get; private set; } = 10;
    public int ContentBytes { get; private set; } = 64;
    public int MaxInFlight { get; private set; } = 50_000;

    public int? ChannelSubscribers { get; private set; }
    public int Posts { get; private set; } = 5;
    public double PostIntervalSeconds { get; private set; } = 2;

    public int? PresenceUsers { get; private set; }
    public int Watch { get; private set; } = 50;
    public double ChangePercentPerMinute { get; private set; } = 5;
    public double HoldSeconds { get; private set; }
    public int? SiloPid { get; private set; }
    public List<int> FrontendPids { get; } = [];

    public bool ChannelMode => ChannelSubscribers is not null;

    public bool PresenceMode => PresenceUsers is not null;

    /// <summary>Parses the arguments; returns null and prints why when they are wrong or help was asked for.</summary>
    public static Options? Parse(string[] args)
    {
        var o = new Options();
        try
        {
            for (var i = 0; i < args.Length; i++)
            {
                var arg = args[i];
                string? inline = null;
                if (arg.StartsWith("--", StringComparison.Ordinal) && arg.IndexOf('=', StringComparison.Ordinal) is var eq and > 0)
                {
                    inline = arg[(eq + 1)..];
                    arg = arg[..eq];
                }

                string Value() => inline ?? (i + 1 < args.Length ? args[++i] : throw new FormatException($"{arg} needs a value"));

                switch (arg)
                {
                    case "-h" or "--help":
                        Console.WriteLine(Usage);
                        return null;
                    case "--frontends":
                        o.Frontends.Clear();
                        foreach (var part in Value().Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
                        {
                            o.Frontends.Add(Uri.TryCreate(part.TrimEnd('/') + "/", UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https"
                                ? uri
                                : throw new FormatException($"--frontends: '{part}' is not an http(s) URL"));
                        }

                        break;
                    case "--users-file": o.UsersFile = Value(); break;
                    case "--register-parallelism": o.RegisterParallelism = Int(arg, Value(), 1, 256); break;
                    case "--connect-parallelism": o.ConnectParallelism = Int(arg, Value(), 1, 1024); break;
                    case "--devices-per-user": o.DevicesPerUser = Int(arg, Value(), 1, 1000); break;
                    case "--cpu": o.SampleCpu = Value() switch { "on" => true, "off" => false, var v => throw new FormatException($"--cpu: on or off, not '{v}'") }; break;
                    case "--json": o.JsonOut = Value(); break;
                    case "--wait-quiet": o.WaitQuietSeconds = Double(arg, Value(), 0, 3_600); break;
                    case "--users": o.Users = Int(arg, Value(), 2, 1_000_000); break;
                    case "--group-size": o.GroupSize = Int(arg, Value(), 2, 256); break;
                    case "--rate": o.Rate = Double(arg, Value(), 0.1, 10_000_000); break;
                    case "--duration": o.DurationSeconds = Double(arg, Value(), 0.1, 86_400); break;
                    case "--warmup": o.WarmupSeconds = Double(arg, Value(), 0, 86_400); break;
                    case "--drain": o.DrainSeconds = Double(arg, Value(), 0, 3_600); break;
                    case "--content-bytes": o.ContentBytes = Int(arg, Value(), 1, 16_000); break;
                    case "--max-inflight": o.MaxInFlight = Int(arg, Value(), 1, 100_000_000); break;
                    case "--channel-subscribers": o.ChannelSubscribers = Int(arg, Value(), 1, 1_000_000); break;
                    case "--posts": o.Posts = Int(arg, Value(), 1, 100_000); break;
                    case "--post-interval": o.PostIntervalSeconds = Double(arg, Value(), 0, 3_600); break;
                    case "--presence-users": o.PresenceUsers = Int(arg, Value(), 2, 1_000_000); break;
                    case "--watch": o.Watch = Int(arg, Value(), 1, 200); break;
                    case "--change-percent-per-minute": o.ChangePercentPerMinute = Double(arg, Value(), 0, 6_000); break;
                    case "--hold": o.HoldSeconds = Double(arg, Value(), 0, 3_600); break;
                    case "--silo-pid": o.SiloPid = Int(arg, Value(), 1, int.MaxValue); break;
                    case "--frontend-pids":
                        o.FrontendPids.Clear();
                        o.FrontendPids.AddRange(Value().Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(v => Int(arg, v, 1, int.MaxValue)));
                        break;
                    default: throw new FormatException($"unknown option '{args[i]}' (see --help)");
                }
            }

            if (o.Frontends.Count == 0)
            {
                o.Frontends.Add(new Uri("http://127.0.0.1:5000/"));
            }

            if (o.PresenceMode && o.Watch >= o.PresenceUsers)
            {
                throw new FormatException($"--watch ({o.Watch}) must be less than --presence-users ({o.PresenceUsers})");
            }

            if (!o.ChannelMode && !o.PresenceMode && o.Users < o.GroupSize)
            {
                throw new FormatException($"--users ({o.Users}) must be at least --group-size ({o.GroupSize})");
            }

            if (o.WarmupSeconds >= o.DurationSeconds && !o.ChannelMode && !o.PresenceMode)
            {
                throw new FormatException("--warmup must be shorter than --duration");
            }

            return o;
        }
        catch (FormatException ex)
        {
            Console.Error.WriteLine($"error: {ex.Message}");
            return null;
        }
    }

    private static int Int(string name, string value, int min, int max) =>
        int.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var n) && n >= min && n <= max
            ? n
            : throw new FormatException($"{name}: expected a whole number from {min} to {max}, got '{value}'");

    private static double Double(string name, string value, double min, double max) =>
        double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var d) && d >= min && d <= max
            ? d
            : throw new FormatException($"{name}: expected a number from {min} to {max}, got '{value}'");
}
