using System.Text;

namespace Chat.SearchCorpus;

/// <summary>One generated message, as the messages table holds it.</summary>
internal sealed record GeneratedMessage(int Language, string Type, string Content, string? MetadataJson, List<int> Ranks);

/// <summary>
/// Writes messages the way people chat: a few words (geometric length, mean about nine), Zipf-drawn
/// from the conversation's language with one message in twenty slipping into English, capitalised
/// and punctuated; CJK without spaces (Japanese with its particles); sometimes emoji, a #hashtag or a
/// link; about one in ten a photo, album, video, voice note, audio or document (with a caption or not).
/// </summary>
internal sealed class MessageComposer(Vocabulary[] vocabularies)
{
    private static readonly string[] Emoji = ["😂", "❤️", "👍", "🎉", "🙏", "😍", "🔥", "😭", "😊", "👀", "✅", "🤔", "😅", "👍🏽", "💯", "🚀", "☕", "🍕", "⚽", "🎂"];
    private static readonly string[] JapaneseParticles = ["は", "が", "を", "に", "の", "で", "と", "も"];
    private static readonly string[] Domains = ["example.com", "news.example.org", "docs.example.net", "shop.example.com", "video.example.tv"];

    public GeneratedMessage Compose(Random random, int language)
    {
        var roll = random.NextDouble();
        var (type, caption) = roll switch
        {
            < 0.050 => ("image", 0.5),
            < 0.060 => ("album", 0.4),
            < 0.075 => ("video", 0.4),
            < 0.090 => ("voice", 0.0),
            < 0.095 => ("audio", 0.2),
            < 0.110 => ("document", 0.3),
            _ => ("text", 1.0),
        };

        var ranks = new List<int>();
        var content = random.NextDouble() < caption ? Text(random, language, ranks) : "";
        var metadata = type switch
        {
            "text" => null,
            "album" => $$"""{"items":[{"fileId":"{{CorpusPlan.NewGuid(random)}}"},{"fileId":"{{CorpusPlan.NewGuid(random)}}"}]}""",
            "voice" or "audio" => $$"""{"fileId":"{{CorpusPlan.NewGuid(random)}}","durationMs":{{random.Next(1_000, 120_000)}}}""",
            "document" => $$"""{"fileId":"{{CorpusPlan.NewGuid(random)}}","fileName":"{{FileName(random, language)}}"}""",
            _ => $$"""{"fileId":"{{CorpusPlan.NewGuid(random)}}"}""",
        };
        return new GeneratedMessage(language, type, content, metadata, ranks);
    }

    private string Text(Random random, int language, List<int> ranks)
    {
        var vocabulary = vocabularies[language];
        var spaced = vocabulary.Language.Spaced;
        var words = Math.Min(60, 1 + (int)(-Math.Log(1 - random.NextDouble()) * 8));
        var text = new StringBuilder(words * 8);
        for (var i = 0; i < words; i++)
        {
            var rank = Vocabulary.NextRank(random);
            ranks.Add(rank);
            var word = vocabulary[rank];
            if (spaced || i == 0)
            {
                if (i > 0)
                {
                    text.Append(' ');
                }
            }
            else if (vocabulary.Language.Code == "ja" && random.Next(3) == 0)
            {
                text.Append(JapaneseParticles[random.Next(JapaneseParticles.Length)]);
            }
            else if (random.Next(8) == 0)
            {
                text.Append(random.Next(2) == 0 ? '，' : '、');
            }

            text.Append(i == 0 && spaced && char.IsLower(word[0]) && random.Next(2) == 0 ? char.ToUpperInvariant(word[0]) + word[1..] : word);
        }

        Decorate(random, text, language, spaced);
        return text.ToString();
    }

    private void Decorate(Random random, StringBuilder text, int language, bool spaced)
    {
        var end = random.NextDouble();
        text.Append(end switch { < 0.15 => spaced ? "?" : "？", < 0.30 => spaced ? "." : "。", < 0.35 => "!", _ => "" });
        if (random.NextDouble() < 0.05)
        {
            text.Append(' ').Append(vocabularies[0][Vocabulary.NextRank(random)]).Append(' ').Append(vocabularies[0][Vocabulary.NextRank(random)]);
        }

        if (random.NextDouble() < 0.12)
        {
            text.Append(' ').Append(Emoji[random.Next(Emoji.Length)]);
            if (random.Next(3) == 0)
            {
                text.Append(Emoji[random.Next(Emoji.Length)]);
            }
        }

        if (random.NextDouble() < 0.03)
        {
            text.Append(" #").Append(vocabularies[language][random.Next(0, 300)]);
        }

        if (random.NextDouble() < 0.04)
        {
            var domain = Domains[random.Next(Domains.Length)];
            text.Append(random.Next(3) == 0 ? $" www.{domain}" : $" https://{domain}/{vocabularies[0][random.Next(50, 2_000)]}/{random.Next(1_000_000)}");
        }
    }

    private string FileName(Random random, int language) =>
        $"{vocabularies[language][random.Next(20, 400)]}_{random.Next(1, 99)}.{(random.Next(3) switch { 0 => "pdf", 1 => "docx", _ => "xlsx" })}";
}
