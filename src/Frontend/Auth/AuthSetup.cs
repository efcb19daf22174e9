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
                };
            });
        builder.Services.AddAuthorization();
    }
}
