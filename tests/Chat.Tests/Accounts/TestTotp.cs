using System.Security.Cryptography;

namespace Chat.Tests.Accounts;

/// <summary>
/// The tests' own RFC 6238 (TOTP, HMAC-SHA-1, 30 s steps) and RFC 4648 Base32 decoding, written
/// apart from the server's so a shared mistake cannot make both agree.
/// </summary>
public static class TestTotp
{
    public static long CurrentStep => DateTimeOffset.UtcNow.ToUnixTimeSeconds() / 30;

    public static string Code(byte[] key, long step, int digits = 6)
    {
        var counter = BitConverter.GetBytes(step);
        if (BitConverter.IsLittleEndian)
        {
            Array.Reverse(counter);
        }

#pragma warning disable CA5350 // RFC 6238's SHA-1 mode is what is under test.
        using var hmac = new HMACSHA1(key);
#pragma warning restore CA5350
        var hash = hmac.ComputeHash(counter);
        var offset = hash[19] & 0xF;
        var value = ((hash[offset] & 0x7F) << 24) | ((hash[offset + 1] & 0xFF) << 16) | ((hash[offset + 2] & 0xFF) << 8) | (hash[offset + 3] & 0xFF);
        var code = value % (int)Math.Pow(10, digits);
        return code.ToString(System.Globalization.CultureInfo.InvariantCulture).PadLeft(digits, '0');
    }

    /// <summary>The code for the step <paramref name="offset"/> steps from now, for a Base32 secret.</summary>
    public static string CodeNow(string base32Secret, int offset = 0) => Code(DecodeBase32(base32Secret), CurrentStep + offset);

    public static byte[] DecodeBase32(string text)
    {
        const string alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
        var bytes = new List<byte>();
        int buffer = 0, bits = 0;
        foreach (var c in text.TrimEnd('=').ToUpperInvariant())
        {
            var index = alphabet.IndexOf(c, StringComparison.Ordinal);
            if (index < 0)
            {
                throw new FormatException($"'{c}' is not Base32");
            }

            buffer = (buffer << 5) | index;
            bits += 5;
            if (bits >= 8)
            {
                bytes.Add((byte)(buffer >> (bits - 8)));
                bits -= 8;
            }
        }

        return [.. bytes];
    }
}
