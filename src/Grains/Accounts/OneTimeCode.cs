using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Chat.Accounts;

/// <summary>Random texted codes and their stored form: SHA-256 over the phone and the code, so a code hash is useless for any other number.</summary>
internal static class OneTimeCode
{
    public static string New() =>
        RandomNumberGenerator.GetInt32(0, (int)Math.Pow(10, Limits.PhoneCodeDigits))
            .ToString(CultureInfo.InvariantCulture).PadLeft(Limits.PhoneCodeDigits, '0');

    public static byte[] Hash(string phone, string code) => SHA256.HashData(Encoding.UTF8.GetBytes($"{phone}:{code}"));

    public static bool Matches(byte[] storedHash, string phone, string code) =>
        CryptographicOperations.FixedTimeEquals(storedHash, Hash(phone, code));
}
