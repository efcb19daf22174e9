using System.Security.Cryptography;

namespace Chat.Conversations;

/// <summary>
/// The id of the direct conversation between two users is derived from the pair, so asking for it
/// again (from either side, from any Frontend) finds the same grain instead of creating another.
/// </summary>
public static class DirectConversationId
{
    public static Guid For(Guid a, Guid b)
    {
        var (first, second) = a.CompareTo(b) <= 0 ? (a, b) : (b, a);
        Span<byte> input = stackalloc byte[33];
        input[0] = (byte)'d';
        first.TryWriteBytes(input[1..17]);
        second.TryWriteBytes(input[17..]);
        Span<byte> hash = stackalloc byte[32];
        SHA256.HashData(input, hash);
        hash[6] = (byte)((hash[6] & 0x0F) | 0x50); // version 5 shape: name-based
        hash[8] = (byte)((hash[8] & 0x3F) | 0x80);
        return new Guid(hash[..16]);
    }
}
