namespace Chat.SearchCorpus;

/// <summary>
/// A language's words by rank, drawn with Zipf's law (frequency ∝ 1/rank^s, as word counts in real
/// text go): the head real words, the tail invented from the language's letters, deterministically.
/// </summary>
internal sealed class Vocabulary
{
    public const int Size = 60_000;

    /// <summary>Ranks at or past this are "rare": a few hundred uses in the whole corpus or fewer.</summary>
    public const int RareFrom = 8_000;

    private const double Exponent = 1.05;

    private static readonly double[] Cdf = BuildCdf();

    private readonly string[] _words;

    public Vocabulary(Language language, int seed)
    {
        Language = language;
        var random = new Random(seed);
        var seen = new HashSet<string>(language.Head);
        _words = new string[Size];
        for (var rank = 0; rank < Size; rank++)
        {
            if (rank < language.Head.Length)
            {
                _words[rank] = language.Head[rank];
                continue;
            }

            string word;
            do
            {
                word = language.TailWord(random);
            }
            while (!seen.Add(word));
            _words[rank] = word;
        }
    }

    public Language Language { get; }

    public string this[int rank] => _words[rank];

    /// <summary>A rank (0 = most common) drawn by Zipf's law.</summary>
    public static int NextRank(Random random)
    {
        var index = Array.BinarySearch(Cdf, random.NextDouble());
        return Math.Min(index < 0 ? ~index : index, Size - 1);
    }

    private static double[] BuildCdf()
    {
        var cdf = new double[Size];
        var sum = 0.0;
        for (var rank = 0; rank < Size; rank++)
        {
            sum += 1 / Math.Pow(rank + 1, Exponent);
            cdf[rank] = sum;
        }

        for (var rank = 0; rank < Size; rank++)
        {
            cdf[rank] /= sum;
        }

        return cdf;
    }
}
