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
        builder.Services.AddSingleton(TimeProvider.System);
        var issuer = new AccessTokenIssuer(settings, TimeProvider.System);

        builder.Services
            .AddAuthentication(JwtBearerDefaults.AuthenticationScheme)
            .AddJwtBearer(options =>
            {
                options.MapInboundClaims = false;
                options.TokenValidationParameters = issuer.ValidationParameters();
            });
        builder.Services.AddAuthorization();
    }
}
