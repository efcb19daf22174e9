using System.Security.Cryptography;
using System.Text;

namespace Chat.Accounts;

/// <summary>Random bearer tokens (refresh, email) and the SHA-256 hash that is all we store of them.</summary>
internal static class OpaqueToken
{
    public static string New() => Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    public static byte[] Hash(string token) => SHA256.HashData(Encoding.UTF8.GetBytes(token));
}
