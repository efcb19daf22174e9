using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Chat.Frontend.Calls;

/// <summary>
/// Time-limited TURN credentials in coturn's REST form (<c>use-auth-secret</c>): the username is
/// "{unix expiry}:{user id}" and the password is base64(HMAC-SHA1(secret, username)), so coturn checks
/// them without asking us, and a leaked one is useless after it expires.
/// </summary>
public static class TurnCredentials
{
    public static string Username(DateTimeOffset expiresAt, Guid userId) =>
        $"{expiresAt.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture)}:{userId}";

    public static string Password(string secret, string username)
    {
        // coturn's TURN REST scheme fixes HMAC-SHA1 (RFC 8489 long-term credentials are SHA-1 too).
#pragma warning disable CA5350
        return Convert.ToBase64String(HMACSHA1.HashData(Encoding.UTF8.GetBytes(secret), Encoding.UTF8.GetBytes(username)));
#pragma warning restore CA5350
    }
}
