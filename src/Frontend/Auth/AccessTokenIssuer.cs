using System.Security.Cryptography;
using System.Text;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace Chat.Frontend.Auth;

/// <summary>Issues and describes the short-lived HS256 access tokens.</summary>
public sealed class AccessTokenIssuer(JwtSettings settings, TimeProvider time)
{
    public const string SessionClaim = "sid";

    /// <summary>How far past its expiry a token is still accepted (clocks of Frontends differ).</summary>
    public static readonly TimeSpan ClockSkew = TimeSpan.FromSeconds(30);
    private readonly JsonWebTokenHandler _handler = new();

    public IReadOnlyList<SecurityKey> VerificationKeys { get; } = [.. settings.SigningKeys.Select(ToKey)];

    public TimeSpan Lifetime => TimeSpan.FromMinutes(settings.AccessTokenMinutes);

    public string Issue(Guid userId, Guid sessionId)
    {
        var now = time.GetUtcNow().UtcDateTime;
        return _handler.CreateToken(new SecurityTokenDescriptor
        {
            Issuer = settings.Issuer,
            Audience = settings.Audience,
            IssuedAt = now,
            NotBefore = now,
            Expires = now + Lifetime,
            Claims = new Dictionary<string, object>
            {
                [JwtRegisteredClaimNames.Sub] = userId.ToString(),
                [SessionClaim] = sessionId.ToString(),
            },
            SigningCredentials = new SigningCredentials(VerificationKeys[0], SecurityAlgorithms.HmacSha256),
        });
    }

    public TokenValidationParameters ValidationParameters() => new()
    {
        ValidIssuer = settings.Issuer,
        ValidAudience = settings.Audience,
        IssuerSigningKeys = VerificationKeys,
        ValidAlgorithms = [SecurityAlgorithms.HmacSha256],
        ValidateIssuer = true,
        ValidateAudience = true,
        ValidateLifetime = true,
        ValidateIssuerSigningKey = true,
        RequireExpirationTime = true,
        RequireSignedTokens = true,
        ClockSkew = ClockSkew,
    };

    private static SymmetricSecurityKey ToKey(string secret)
    {
        var bytes = Encoding.UTF8.GetBytes(secret);
        return new SymmetricSecurityKey(bytes) { KeyId = Convert.ToHexString(SHA256.HashData(bytes))[..12] };
    }
}
