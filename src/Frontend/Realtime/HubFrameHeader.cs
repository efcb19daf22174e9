using System.Text.Json;

namespace Chat.Frontend.Realtime;

/// <summary>
/// The <c>type</c>, <c>invocationId</c> and <c>target</c> of a JSON hub frame that the real parser
/// refused, read by a tolerant scan of the top-level object: other values are skipped by their
/// brackets and quotes alone, so a value nested any depth, or holding a token JSON does not allow
/// (<c>Infinity</c>, <c>NaN</c>), still leaves the invocation it belongs to answerable.
/// </summary>
internal readonly record struct HubFrameHeader(int? Type, string? InvocationId, string? Target)
{
    /// <summary>False when the frame is not a JSON object of <c>"name": value</c> pairs at its top level.</summary>
    public static bool TryRead(ReadOnlySpan<byte> frame, out HubFrameHeader header)
    {
        header = default;
        var i = SkipWhitespace(frame, 0);
        if (i >= frame.Length || frame[i] != (byte)'{')
        {
            return false;
        }

        i = SkipWhitespace(frame, i + 1);
        if (i < frame.Length && frame[i] == (byte)'}')
        {
            return true;
        }

        while (true)
        {
            if (!TrySkipString(frame, i, out var nameEnd))
            {
                return false;
            }

            var name = frame[i..nameEnd];
            i = SkipWhitespace(frame, nameEnd);
            if (i >= frame.Length || frame[i] != (byte)':')
            {
                return false;
            }

            i = SkipWhitespace(frame, i + 1);
            if (!TrySkipValue(frame, i, out var valueEnd))
            {
                return false;
            }

            header = Remember(header, name, frame[i..valueEnd]);
            i = SkipWhitespace(frame, valueEnd);
            if (i >= frame.Length)
            {
                return false;
            }

            if (frame[i] == (byte)'}')
            {
                return true;
            }

            if (frame[i] != (byte)',')
            {
                return false;
            }

            i = SkipWhitespace(frame, i + 1);
        }
    }

    private static HubFrameHeader Remember(HubFrameHeader header, ReadOnlySpan<byte> name, ReadOnlySpan<byte> value)
    {
        var reader = new Utf8JsonReader(name);
        if (!TryReadToken(ref reader))
        {
            return header;
        }

        if (reader.ValueTextEquals("type"u8))
        {
            return header with { Type = ReadInt32(value) };
        }

        if (reader.ValueTextEquals("invocationId"u8))
        {
            return header with { InvocationId = ReadString(value) };
        }

        return reader.ValueTextEquals("target"u8) ? header with { Target = ReadString(value) } : header;
    }

    private static int? ReadInt32(ReadOnlySpan<byte> value)
    {
        var reader = new Utf8JsonReader(value);
        return TryReadToken(ref reader) && reader.TokenType == JsonTokenType.Number && reader.TryGetInt32(out var number) ? number : null;
    }

    private static string? ReadString(ReadOnlySpan<byte> value)
    {
        var reader = new Utf8JsonReader(value);
        return TryReadToken(ref reader) && reader.TokenType == JsonTokenType.String ? reader.GetString() : null;
    }

    private static bool TryReadToken(ref Utf8JsonReader reader)
    {
        try
        {
            return reader.Read();
        }
        catch (JsonException)
        {
            return false;
        }
    }

    private static int SkipWhitespace(ReadOnlySpan<byte> frame, int i)
    {
        while (i < frame.Length && frame[i] is (byte)' ' or (byte)'\t' or (byte)'\r' or (byte)'\n')
        {
            i++;
        }

        return i;
    }

    /// <summary>A string from its opening quote; <paramref name="end"/> is just past the closing one.</summary>
    private static bool TrySkipString(ReadOnlySpan<byte> frame, int start, out int end)
    {
        end = start;
        if (start >= frame.Length || frame[start] != (byte)'"')
        {
            return false;
        }

        for (var i = start + 1; i < frame.Length; i++)
        {
            if (frame[i] == (byte)'\\')
            {
                i++;
            }
            else if (frame[i] == (byte)'"')
            {
                end = i + 1;
                return true;
            }
        }

        return false;
    }

    /// <summary>A string, a bracketed value (by counting brackets outside strings) or a bare token up to the next separator.</summary>
    private static bool TrySkipValue(ReadOnlySpan<byte> frame, int start, out int end)
    {
        end = start;
        if (start >= frame.Length)
        {
            return false;
        }

        if (frame[start] == (byte)'"')
        {
            return TrySkipString(frame, start, out end);
        }

        if (frame[start] is (byte)'{' or (byte)'[')
        {
            var depth = 0;
            for (var i = start; i < frame.Length; i++)
            {
                switch (frame[i])
                {
                    case (byte)'"':
                        if (!TrySkipString(frame, i, out var stringEnd))
                        {
                            return false;
                        }

                        i = stringEnd - 1;
                        break;
                    case (byte)'{' or (byte)'[':
                        depth++;
                        break;
                    case (byte)'}' or (byte)']':
                        if (--depth == 0)
                        {
                            end = i + 1;
                            return true;
                        }

                        break;
                }
            }

            return false;
        }

        var j = start;
        while (j < frame.Length && frame[j] is not ((byte)',' or (byte)'}' or (byte)']' or (byte)' ' or (byte)'\t' or (byte)'\r' or (byte)'\n'))
        {
            j++;
        }

        end = j;
        return j > start;
    }
}
