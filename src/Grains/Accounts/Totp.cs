using System.Security.Cryptography;
using OtpNet;

namespace Chat.Accounts;

/// <summary>
/// Time-based one-time passwords (RFC 6238, as authenticator apps implement them: HMAC-SHA-1,
/// 30-second steps from the Unix epoch, 6 digits) through Otp.NET, with our acceptance rule:
/// the previous, current or next step, and only a step later than the last one used.
/// </summary>
public static class Totp
{
    public static long StepAt(DateTimeOffset time) => time.ToUnixTimeSeconds() / (long)Limits.TotpStep.TotalSeconds;

    /// <summary>The code of one time step: RFC 6238's TOTP is RFC 4226's HOTP with the step as counter.</summary>
    public static string Code(byte[] secret, long step, int digits = Limits.TotpDigits) =>
        new Hotp(secret, OtpHashMode.Sha1, digits).ComputeHOTP(step);

    /// <summary>The secret as authenticator apps take it: RFC 4648 Base32 without padding.</summary>
    public static string EncodeSecret(byte[] secret) => Base32Encoding.ToString(secret).TrimEnd('=');

    /// <summary>Whether <paramref name="code"/> has the shape of a TOTP code (exactly 6 ASCII digits).</summary>
    public static bool IsWellFormed(string code) => code.Length == Limits.TotpDigits && code.All(char.IsAsciiDigit);

    /// <summary>
    /// The latest time step within ±<see cref="Limits.TotpWindowSteps"/> of now whose code is
    /// <paramref name="code"/> and which is later than <paramref name="lastUsedStep"/>; null if there is none.
    /// </summary>
    /// <remarks>
    /// Not Otp.NET's VerifyTotp: it answers the first step in its window that matches, which may be
    /// one already used while a later step (a rare collision) would match too.
    /// </remarks>
    public static long? MatchStep(byte[] secret, string code, DateTimeOffset now, long lastUsedStep)
    {
        var current = StepAt(now);
        var given = System.Text.Encoding.ASCII.GetBytes(code);
        var hotp = new Hotp(secret, OtpHashMode.Sha1, Limits.TotpDigits);
        long? matched = null;
        for (var step = current - Limits.TotpWindowSteps; step <= current + Limits.TotpWindowSteps; step++)
        {
            var expected = System.Text.Encoding.ASCII.GetBytes(hotp.ComputeHOTP(step));
            if (CryptographicOperations.FixedTimeEquals(expected, given) && step > lastUsedStep)
            {
                matched = step;
            }
        }

        return matched;
    }
}
