using System.Diagnostics;
using System.Net;
using System.Security.Cryptography;
using System.Text.Json;

namespace Chat.LoadTest;

/// <summary>
/// Gets the accounts a run needs: reused from <c>--users-file</c> (tokens refreshed when they would
/// lapse during the run) or signed up anew with bounded parallelism, since every sign-up costs an
/// Argon2id hash on the silo.
/// </summary>
internal sealed class UserPool(Options options, ChatApi api)
{
    /// <summary>
    /// Access tokens are only presented when a hub connection opens (and on the few setup calls),
    /// so they must stay valid through setup and connect, not the whole run.
    /// </summary>
    private static readonly TimeSpan TokenMargin = TimeSpan.FromMinutes(3);

    private readonly Lock _saveLock = new();
    private UsersFile _file = new();

    public UsersFile File => _file;

    /// <summary>Accounts whose tokens this run refreshed (or replaced) through the Frontend before using them.</summary>
    public int Refreshed { get; private set; }

    public async Task<List<StoredUser>> EnsureAsync(int count, TimeSpan runLength)
    {
        if (options.UsersFile is { } path && System.IO.File.Exists(path))
        {
            _file = JsonSerializer.Deserialize<UsersFile>(await System.IO.File.ReadAllTextAsync(path), Json.FileOptions) ?? new UsersFile();
            Console.WriteLine($"users: {_file.Users.Count} in {path}");
        }

        var users = _file.Users;
        var reuse = users.Take(count).ToList();
        var validUntil = DateTimeOffset.UtcNow + runLength + TokenMargin;
        var stale = reuse.Where(u => u.AccessExpiresAt < validUntil).ToList();
        if (stale.Count > 0)
        {
            Console.WriteLine($"users: refreshing {stale.Count} tokens");
            Refreshed = stale.Count;
            var replaced = 0;
            await ParallelWithProgress(stale, options.RegisterParallelism, "refreshed", async user =>
            {
                if (!await RenewAsync(user))
                {
                    // The account is gone (e.g. the database was reset): a new one takes its place.
                    var fresh = await RegisterOneAsync();
                    lock (_saveLock)
                    {
                        users[users.IndexOf(user)] = fresh;
                    }

                    Interlocked.Increment(ref replaced);
                }
            });
            if (replaced > 0)
            {
                Console.WriteLine($"users: {replaced} accounts no longer existed and were signed up again; cached conversations using them are made anew");
            }

            Save();
        }

        var missing = count - users.Count;
        if (missing > 0)
        {
            Console.WriteLine($"users: signing up {missing} (parallelism {options.RegisterParallelism}; each is an Argon2id hash on the silo)");
            var sw = Stopwatch.StartNew();
            var done = 0;
            await ParallelWithProgress(Enumerable.Range(0, missing).ToList(), options.RegisterParallelism, "signed up", async _ =>
            {
                var user = await RegisterOneAsync();
                lock (_saveLock)
                {
                    users.Add(user);
                }

                if (Interlocked.Increment(ref done) % 200 == 0)
                {
                    Save();
                }
            });
            Save();
            Console.WriteLine($"users: signed up {missing} in {sw.Elapsed.TotalSeconds:F1} s ({missing / sw.Elapsed.TotalSeconds:F1}/s), {api.RateLimitedWaits} waits on 429");
        }

        return users.Take(count).ToList();
    }

    public void Save()
    {
        if (options.UsersFile is not { } path)
        {
            return;
        }

        lock (_saveLock)
        {
            var directory = Path.GetDirectoryName(Path.GetFullPath(path))!;
            Directory.CreateDirectory(directory);
            var temp = Path.Combine(directory, $".{Path.GetFileName(path)}.{Environment.ProcessId}.tmp");
            System.IO.File.WriteAllText(temp, JsonSerializer.Serialize(_file, Json.FileOptions));
            System.IO.File.Move(temp, path, overwrite: true);
        }
    }

    private async Task<bool> RenewAsync(StoredUser user)
    {
        TokenResponse? tokens = null;
        if (user.RefreshToken.Length > 0)
        {
            try
            {
                tokens = await api.RefreshAsync(user.RefreshToken);
            }
            catch (ApiException ex) when (ex.Status == HttpStatusCode.Unauthorized)
            {
            }
        }

        if (tokens is null)
        {
            try
            {
                tokens = await api.LoginAsync(new LoginRequest(user.Username, user.Password));
            }
            catch (ApiException ex) when (ex.Status is HttpStatusCode.Unauthorized)
            {
                return false;
            }
        }

        Apply(user, tokens);
        return true;
    }

    private async Task<StoredUser> RegisterOneAsync()
    {
        var suffix = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(6));
        var user = new StoredUser
        {
            Username = $"lt_{suffix}",
            Password = "Lt!" + Convert.ToBase64String(RandomNumberGenerator.GetBytes(15)),
        };
        var tokens = await api.RegisterAsync(new RegisterRequest(user.Username, $"{user.Username}@loadtest.invalid", user.Password, $"Load {suffix}"));
        Apply(user, tokens);
        return user;
    }

    private static void Apply(StoredUser user, TokenResponse tokens)
    {
        user.UserId = tokens.UserId;
        user.AccessToken = tokens.AccessToken;
        user.RefreshToken = tokens.RefreshToken;
        user.AccessExpiresAt = DateTimeOffset.UtcNow + TimeSpan.FromSeconds(tokens.ExpiresIn);
    }

    /// <summary>Runs work over items with bounded parallelism, printing a count each second.</summary>
    public static async Task ParallelWithProgress<T>(IReadOnlyCollection<T> items, int parallelism, string verb, Func<T, Task> work)
    {
        var done = 0;
        using var cts = new CancellationTokenSource();
        var reporter = Task.Run(async () =>
        {
            using var timer = new PeriodicTimer(TimeSpan.FromSeconds(2));
            while (await timer.WaitForNextTickAsync(cts.Token).AsTask().ContinueWith(t => !t.IsCanceled && t.Result, TaskScheduler.Default))
            {
                Console.WriteLine($"  {Volatile.Read(ref done)}/{items.Count} {verb}");
            }
        });
        try
        {
            await Parallel.ForEachAsync(items, new ParallelOptions { MaxDegreeOfParallelism = parallelism }, async (item, _) =>
            {
                await work(item);
                Interlocked.Increment(ref done);
            });
        }
        finally
        {
            await cts.CancelAsync();
            await reporter;
        }
    }
}
