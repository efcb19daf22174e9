using System.Buffers.Binary;
using System.Globalization;
using System.Security.Cryptography;

namespace Chat.Accounts;

/// <summary>
/// Time-based one-time passwords as RFC 6238 specifies them and authenticator apps implement them:
/// HMAC-SHA-1, 30-second steps counted from the Unix epoch, dynamic truncation to 6 digits.
/// </summary>
public static class Totp
{
    public static long StepAt(DateTimeOffset time) => time.ToUnixTimeSeconds() / (long)Limits.TotpStep.TotalSeconds;

    public static string Code(ReadOnlySpan<byte> secret, long step, int digits = Limits.TotpDigits)
    {
        Span<byte> counter = stackalloc byte[8];
        BinaryPrimitives.WriteInt64BigEndian(counter, step);
        Span<byte> hash = stackalloc byte[HMACSHA1.HashSizeInBytes];
        // SHA-1 is what RFC 6238 and every authenticator app use; HMAC-SHA-1 is not weakened by SHA-1's collisions.
#pragma warning disable CA5350
        HMACSHA1.HashData(secret, counter, hash);
#pragma warning restore CA5350
        var offset = hash[^1] & 0x0F;
        var binary = ((hash[offset] & 0x7F) << 24) | (hash[offset + 1] << 16) | (hash[offset + 2] << 8) | hash[offset + 3];
        var modulus = 1;
        for (var i = 0; i < digits; i++)
        {
            modulus *= 10;
        }

        return (binary % modulus).ToString(CultureInfo.InvariantCulture).PadLeft(digits, '0');
    }

    /// <summary>Whether <paramref name="code"/> has the shape of a TOTP code (exactly 6 ASCII digits).</summary>
    public static bool IsWellFormed(string code) => code.Length == Limits.TotpDigits && code.All(char.IsAsciiDigit);

    /// <summary>
    /// The time step within ±<see cref="Limits.TotpWindowSteps"/> of now whose code is <paramref name="code"/>
    /// and which is later than <paramref name="lastUsedStep"/>; null if there is none.
    /// </summary>
    public static long? MatchStep(ReadOnlySpan<byte> secret, string code, DateTimeOffset now, long lastUsedStep)
    {
        var current = StepAt(now);
        var given = System.Text.Encoding.ASCII.GetBytes(code);
        long? matched = null;
        for (var step = current - Limits.TotpWindowSteps; step <= current + Limits.TotpWindowSteps; step++)
        {
            var expected = System.Text.Encoding.ASCII.GetBytes(Code(secret, step));
            if (CryptographicOperations.FixedTimeEquals(expected, given) && step > lastUsedStep)
            {
                matched = step;
            }
        }

        return matched;
    }
}
