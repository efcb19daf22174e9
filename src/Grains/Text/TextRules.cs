using Chat.Errors;

namespace Chat.Text;

/// <summary>
/// What every piece of text must be before it is stored: no NUL (Postgres text and jsonb refuse it)
/// and no unpaired UTF-16 surrogate (it has no UTF-8 form). The Frontend applies it to every string
/// it reads from JSON; grains apply it again to what they store, as an invariant.
/// </summary>
public static class TextRules
{
    public const string Refusal = "must not contain NUL characters or unpaired surrogates";

    public static bool IsStorable(ReadOnlySpan<char> text)
    {
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c == '\0')
            {
                return false;
            }

            if (char.IsHighSurrogate(c))
            {
                if (i + 1 >= text.Length || !char.IsLowSurrogate(text[i + 1]))
                {
                    return false;
                }

                i++;
            }
            else if (char.IsLowSurrogate(c))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Throws <c>bad_request</c> naming <paramref name="field"/> unless the text is storable (null is).</summary>
    public static void Require(string? text, string field)
    {
        if (text is not null && !IsStorable(text))
        {
            throw ChatException.BadRequest($"{field} {Refusal}");
        }
    }
}
