using Chat.Hosting;
using Microsoft.AspNetCore.Authentication.JwtBearer;

namespace Chat.Frontend.Auth;

public static class AuthSetup
{
    public static void AddChatAuth(this WebApplicationBuilder builder)
    {
        var settings = builder.Configuration.BindRequired<JwtSettings>(JwtSettings.Section);
        builder.Services.AddSingleton(settings);
        builder.Services.AddSingleton<AccessTokenIssuer>();
        builder.Services.AddSingleton<RevokedSessions>();
        builder.Services.AddSingleton(TimeProvider.System);
        var issuer = new AccessTokenIssuer(settings, TimeProvider.System);

        builder.Services
            .AddAuthentication(JwtBearerDefaults.AuthenticationScheme)
            .AddJwtBearer(options =>
            {
                options.MapInboundClaims = false;
                options.TokenValidationParameters = issuer.ValidationParameters();
                options.Events = new JwtBearerEvents { OnTokenValidated = RefuseRevokedSession };
            });
        builder.Services.AddAuthorization();
    }

    /// <summary>A signed, unexpired token of a revoked session answers 401 like an expired one; an in-memory lookup.</summary>
    private static Task RefuseRevokedSession(TokenValidatedContext context)
    {
        if (context.HttpContext.RequestServices.GetRequiredService<RevokedSessions>().IsRevoked(context.Principal?.SessionId()))
        {
            context.Fail("the session has ended");
        }

        return Task.CompletedTask;
    }
}
