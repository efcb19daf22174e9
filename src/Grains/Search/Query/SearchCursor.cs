using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;
using Chat.Errors;

namespace Chat.Search.Query;

/// <summary>
/// Where the next page of a search starts: the <see cref="AsOf"/> instant the first page was read at
/// (later messages stay out and recency is measured from it, so pages do not shift), and the last hit's
/// sort key (<see cref="Key"/>: its score, or its send time in microseconds) with its message. Opaque to
/// clients: base64url bytes ending in a check over the bytes and the query and sort they belong to, so a
/// garbled cursor, or one carried to another query, is a 400 instead of a wrong page.
/// </summary>
public sealed record SearchCursor(DateTimeOffset AsOf, double Key, Guid ConversationId, long Seq, Guid? FileId = null)
{
    private const byte Version = 1;
    private const int CheckBytes = 8;
    private const int PayloadBytes = 1 + 8 + 8 + 16 + 8 + 16;

    public string Encode(string query, string sort)
    {
        var bytes = new byte[PayloadBytes + CheckBytes];
        bytes[0] = Version;
        BinaryPrimitives.WriteInt64BigEndian(bytes.AsSpan(1), AsOf.UtcTicks);
        BinaryPrimitives.WriteDoubleBigEndian(bytes.AsSpan(9), Key);
        ConversationId.TryWriteBytes(bytes.AsSpan(17));
        BinaryPrimitives.WriteInt64BigEndian(bytes.AsSpan(33), Seq);
        (FileId ?? Guid.Empty).TryWriteBytes(bytes.AsSpan(41));
        Check(bytes.AsSpan(0, PayloadBytes), query, sort).CopyTo(bytes.AsSpan(PayloadBytes));
        return Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
    }

    public static SearchCursor Decode(string cursor, string query, string sort)
    {
        var bytes = FromBase64Url(cursor);
        if (bytes is not { Length: PayloadBytes + CheckBytes } || bytes[0] != Version
            || !CryptographicOperations.FixedTimeEquals(Check(bytes.AsSpan(0, PayloadBytes), query, sort), bytes.AsSpan(PayloadBytes)))
        {
            throw ChatException.BadRequest("bad cursor");
        }

        var ticks = BinaryPrimitives.ReadInt64BigEndian(bytes.AsSpan(1));
        var key = BinaryPrimitives.ReadDoubleBigEndian(bytes.AsSpan(9));
        if (ticks < DateTimeOffset.MinValue.UtcTicks || ticks > DateTimeOffset.MaxValue.UtcTicks || !double.IsFinite(key))
        {
            throw ChatException.BadRequest("bad cursor");
        }

        var fileId = new Guid(bytes.AsSpan(41, 16));
        return new SearchCursor(new DateTimeOffset(ticks, TimeSpan.Zero), key, new Guid(bytes.AsSpan(17, 16)),
            BinaryPrimitives.ReadInt64BigEndian(bytes.AsSpan(33)), fileId == Guid.Empty ? null : fileId);
    }

    private static byte[] Check(ReadOnlySpan<byte> payload, string query, string sort)
    {
        var context = Encoding.UTF8.GetBytes($"{sort}\n{query}");
        var all = new byte[payload.Length + context.Length];
        payload.CopyTo(all);
        context.CopyTo(all.AsSpan(payload.Length));
        return SHA256.HashData(all)[..CheckBytes];
    }

    private static byte[]? FromBase64Url(string text)
    {
        var base64 = text.Replace('-', '+').Replace('_', '/');
        base64 += (base64.Length % 4) switch { 2 => "==", 3 => "=", _ => "" };
        var buffer = new byte[base64.Length];
        return Convert.TryFromBase64String(base64, buffer, out var written) ? buffer[..written] : null;
    }
}
