using System.Security.Claims;
using Chat.Hosting;
using Microsoft.AspNetCore.Authentication.JwtBearer;

namespace Chat.Frontend.Auth;

public static class AuthSetup
{
    public const string HubPath = "/hubs";

    public static void AddChatAuth(this WebApplicationBuilder builder)
    {
        var settings = builder.Configuration.BindRequired<JwtSettings>(JwtSettings.Section);
        builder.Services.AddSingleton(settings);
        builder.Services.AddSingleton<AccessTokenIssuer>();
        builder.Services.AddSingleton(TimeProvider.System);
        var issuer = new AccessTokenIssuer(settings, TimeProvider.System);

        builder.Services
            .AddAuthentication(JwtBearerDefaults.AuthenticationScheme)
            .AddJwtBearer(options =>
            {
                options.MapInboundClaims = false;
                options.TokenValidationParameters = issuer.ValidationParameters();
                options.Events = new JwtBearerEvents
                {
                    // Browsers cannot set headers on WebSocket requests: the hub also takes the token as a query parameter.
                    OnMessageReceived = context =>
                    {
                        var token = context.Request.Query["access_token"];
                        if (!string.IsNullOrEmpty(token) && context.HttpContext.Request.Path.StartsWithSegments(HubPath))
                        {
                            context.Token = token;
                        }

                        return Task.CompletedTask;
                    },

                    // A hub connection keeps its principal as long as it lives: keep only the user id it
                    // reads, not every claim and the parsed token (≈ 3 KB per connected user).
                    OnTokenValidated = context =>
                    {
                        if (context.HttpContext.Request.Path.StartsWithSegments(HubPath) && context.Principal?.FindFirst("sub") is { } sub)
                        {
                            context.Principal = new ClaimsPrincipal(new ClaimsIdentity([new Claim("sub", sub.Value)], context.Scheme.Name));
                        }

                        return Task.CompletedTask;
                    },
                };
            });
        builder.Services.AddAuthorization();
    }
}
