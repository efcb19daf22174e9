namespace Chat.SearchCorpus;

/// <summary>One planned conversation: who is in it (user indexes, the owner first), its language and how many messages it gets.</summary>
internal sealed record PlannedConversation(Guid Id, string Type, string? Name, int[] Members, int Language, int MessageCount, bool HasProbe);

/// <summary>
/// The people and conversations of the corpus, before any message: 55 % direct chats, 43 % groups of
/// 3 to 200, 2 % channels of 50 to 2,000 subscribers; message counts log-normal (most chats are short,
/// a few run to tens of thousands). User 0 is the probe, in <see cref="CorpusShape.ProbeConversations"/>
/// of them (six in ten direct, the rest groups and a few channels).
/// </summary>
internal sealed class CorpusPlan
{
    private CorpusPlan(Guid[] userIds, List<PlannedConversation> conversations)
    {
        UserIds = userIds;
        Conversations = conversations;
    }

    public Guid[] UserIds { get; }

    public List<PlannedConversation> Conversations { get; }

    public static string Username(int user) => user == 0 ? CorpusShape.ProbeUsername : $"u{user}";

    public static CorpusPlan Build(CorpusShape shape)
    {
        var random = new Random(shape.Seed);
        var userIds = new Guid[shape.Users];
        for (var i = 0; i < userIds.Length; i++)
        {
            userIds[i] = NewGuid(random);
        }

        var types = new string[shape.Conversations];
        for (var i = 0; i < types.Length; i++)
        {
            var roll = random.NextDouble();
            types[i] = roll < 0.55 ? "direct" : roll < 0.98 ? "group" : "channel";
        }

        var probe = PickProbeConversations(types, shape.ProbeConversations, random);
        var weights = new double[shape.Conversations];
        for (var i = 0; i < weights.Length; i++)
        {
            var typeFactor = types[i] switch { "direct" => 0.6, "group" => 1.3, _ => 3.0 };
            weights[i] = Math.Exp(Gaussian(random) * 1.5) * typeFactor;
        }

        var counts = Apportion(weights, shape.Messages, random);
        var conversations = new List<PlannedConversation>(shape.Conversations);
        for (var i = 0; i < shape.Conversations; i++)
        {
            var members = Members(types[i], probe.Contains(i), shape.Users, random);
            var language = PickLanguage(random);
            var name = types[i] == "direct" ? null : $"{types[i]} {i} {Language.All[language].Head[random.Next(20, Language.All[language].Head.Length)]}";
            conversations.Add(new PlannedConversation(NewGuid(random), types[i], name, members, language, counts[i], probe.Contains(i)));
        }

        return new CorpusPlan(userIds, conversations);
    }

    public static Guid NewGuid(Random random)
    {
        Span<byte> bytes = stackalloc byte[16];
        random.NextBytes(bytes);
        bytes[7] = (byte)((bytes[7] & 0x0F) | 0x40); // version 4
        bytes[8] = (byte)((bytes[8] & 0x3F) | 0x80);
        return new Guid(bytes);
    }

    private static HashSet<int> PickProbeConversations(string[] types, int count, Random random)
    {
        var picked = new HashSet<int>();
        var wanted = new Dictionary<string, int> { ["direct"] = count * 6 / 10, ["channel"] = Math.Max(1, count / 25) };
        wanted["group"] = count - wanted["direct"] - wanted["channel"];
        foreach (var (type, n) in wanted)
        {
            var pool = Enumerable.Range(0, types.Length).Where(i => types[i] == type).ToArray();
            while (picked.Count(i => types[i] == type) < n)
            {
                picked.Add(pool[random.Next(pool.Length)]);
            }
        }

        return picked;
    }

    private static int[] Members(string type, bool withProbe, int users, Random random)
    {
        var size = type switch
        {
            "direct" => 2,
            "group" => Math.Min(200, 3 + (int)(-Math.Log(1 - random.NextDouble()) * 8)),
            _ => Math.Min(2_000, 50 + (int)(-Math.Log(1 - random.NextDouble()) * 300)),
        };
        var members = new List<int>(size);
        var seen = new HashSet<int>();
        if (withProbe && type != "channel")
        {
            members.Add(0);
            seen.Add(0);
        }

        while (members.Count < size)
        {
            var user = random.Next(1, users);
            if (seen.Add(user))
            {
                members.Add(user);
            }
        }

        if (withProbe && type == "channel")
        {
            // The probe subscribes to a channel; it does not own it.
            members.Add(0);
        }

        return [.. members];
    }

    private static int PickLanguage(Random random)
    {
        var roll = random.NextDouble();
        for (var i = 0; i < Language.Shares.Length; i++)
        {
            roll -= Language.Shares[i];
            if (roll < 0)
            {
                return i;
            }
        }

        return 0;
    }

    // Rounding leaves the total a little off: spread the difference one message at a time.
    private static int[] Apportion(double[] weights, long total, Random random)
    {
        var sum = weights.Sum();
        var counts = weights.Select(w => Math.Max(1, (int)(w / sum * total))).ToArray();
        var difference = total - counts.Sum(c => (long)c);
        while (difference != 0)
        {
            var i = random.Next(counts.Length);
            if (difference > 0)
            {
                counts[i]++;
                difference--;
            }
            else if (counts[i] > 1)
            {
                counts[i]--;
                difference++;
            }
        }

        return counts;
    }

    private static double Gaussian(Random random) =>
        Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());
}
