using Chat.Search.Text;

namespace Chat.SearchCorpus;

/// <summary>
/// The benchmark's query mix, taken from what the probe user can actually find (its conversations'
/// messages as they are generated), so every class measures real hits rather than empty answers.
/// </summary>
internal sealed class QueryCandidates(Vocabulary[] vocabularies, int seed)
{
    private const int PerClass = 60;

    private readonly Random _random = new(seed);
    private readonly Dictionary<string, List<(string Query, string Sort)>> _classes = [];
    private long _seen;

    public IReadOnlyDictionary<string, List<(string Query, string Sort)>> Classes => _classes;

    /// <summary>Looks at one of the probe's messages.</summary>
    public void Observe(GeneratedMessage message, string senderUsername, bool senderIsProbe)
    {
        _seen++;
        var vocabulary = vocabularies[message.Language];
        if (message.Ranks.Count == 0)
        {
            return;
        }

        switch (vocabulary.Language.Code)
        {
            case "en" or "es" or "de":
                foreach (var rank in message.Ranks.Where(r => r >= Vocabulary.RareFrom))
                {
                    Offer("rare word", vocabulary[rank]);
                }

                for (var i = 0; i + 1 < message.Ranks.Count; i++)
                {
                    if (message.Ranks[i] is >= 20 and < 3_000 && message.Ranks[i + 1] is >= 20 and < 3_000)
                    {
                        Offer("phrase", $"\"{vocabulary[message.Ranks[i]]} {vocabulary[message.Ranks[i + 1]]}\"");
                    }
                }

                var known = message.Ranks.FindIndex(r => r < 2_000 && vocabulary[r].Length >= 4);
                if (!senderIsProbe && known >= 0)
                {
                    Offer("filtered from:", $"from:@{senderUsername} {vocabulary[message.Ranks[known]]}");
                }

                break;
            case "zh" or "ja":
                OfferCjk(message.Content, 2, "CJK 2-char");
                OfferCjk(message.Content, 3, "CJK 3-char");
                break;
            case "ar":
                foreach (var word in message.Content.Split(' ').Where(w => w.Length >= 6))
                {
                    Offer("Arabic partial", word.Substring(1 + _random.Next(word.Length - 5), 4));
                }

                break;
        }
    }

    /// <summary>The classes that do not depend on what the probe saw: common words, filters with them, date order.</summary>
    public void AddFixedClasses()
    {
        var common = new List<string>();
        foreach (var language in new[] { 0, 1, 2 })
        {
            common.AddRange(Enumerable.Range(60, 60).Select(r => vocabularies[language][r]).Where(w => w.Length >= 4).Take(10));
        }

        common.AddRange(Enumerable.Range(0, 30).Select(r => vocabularies[4][r]).Where(w => w.Length == 2).Take(5));
        common.AddRange(Enumerable.Range(0, 30).Select(r => vocabularies[6][r]).Take(5));
        _classes["common word"] = [.. common.Select(w => (w, "relevance"))];
        _classes["sort by date"] = [.. common.Select(w => (w, "date"))];
        _classes["filtered has:"] = [.. common.Take(15).Select(w => ($"has:link {w}", "relevance")), ("has:image", "relevance"), ("has:video", "relevance"), ("has:document", "relevance"), ("has:voice", "relevance"), ("has:file", "relevance")];
        _classes["filtered after:"] = [.. common.Select(w => ($"after:2026-09-01 {w}", "relevance"))];
    }

    private void OfferCjk(string content, int length, string kind)
    {
        for (var start = 0; start + length <= content.Length; start++)
        {
            var all = true;
            for (var k = 0; k < length && all; k++)
            {
                all = System.Text.Rune.TryCreate(content[start + k], out var rune) && SearchTokenizer.IsCjk(rune);
            }

            if (all && _random.Next(4) == 0)
            {
                Offer(kind, content.Substring(start, length));
                return;
            }
        }
    }

    // Reservoir sampling: an even draw over everything the probe's messages offered.
    private void Offer(string kind, string query)
    {
        if (!_classes.TryGetValue(kind, out var list))
        {
            _classes[kind] = list = [];
        }

        if (list.Any(q => q.Query == query))
        {
            return;
        }

        if (list.Count < PerClass)
        {
            list.Add((query, "relevance"));
        }
        else if (_random.NextInt64(_seen) < PerClass)
        {
            list[_random.Next(PerClass)] = (query, "relevance");
        }
    }
}
