using Chat.Frontend.Accounts.Email;
using Chat.Frontend.Accounts.Phone;
using Chat.Frontend.Accounts.Sms;
using Chat.Frontend.Auth;
using Chat.Frontend.Calls;
using Chat.Frontend.Contacts;
using Chat.Frontend.Conversations;
using Chat.Frontend.Errors;
using Chat.Frontend.Files;
using Chat.Frontend.Health;
using Chat.Frontend.Realtime;
using Chat.Frontend.Search;
using Chat.Frontend.Security;
using Chat.Frontend.Text;
using Chat.Frontend.Users;
using Chat.Hosting;
using Chat.Storage;
using Microsoft.AspNetCore.Connections;

namespace Chat.Frontend.Hosting;

/// <summary>Builds the Frontend: REST API, the chat hub, health endpoints and the web client, over an Orleans client or co-hosted silo.</summary>
public static class FrontendApp
{
    public static async Task<WebApplication> BuildAsync(string[] args, Action<WebApplicationBuilder>? configure = null)
    {
        var builder = WebApplication.CreateBuilder(args);
        builder.Services.AddSingleton<IMemoryPoolFactory<byte>, BoundedMemoryPoolFactory>();
        configure?.Invoke(builder);
        var grid = GridSettings.Read(builder.Configuration);
        var frontend = builder.Configuration.BindRequired<FrontendSettings>(FrontendSettings.Section);
        PublishedSecrets.RefuseInProduction(builder.Configuration, builder.Environment);
        await InfrastructurePreflight.CheckAsync(grid);

        builder.AddChatSecurity();
        builder.AddChatForwardedHeaders();
        builder.AddChatOrleans(grid, frontend);
        builder.AddChatErrors();
        builder.AddStorableText();
        builder.AddChatAuth();
        builder.AddAuthRateLimiting(frontend);
        builder.AddChatEmail();
        builder.AddChatSms();
        builder.AddChatRealtime();
        builder.AddChatHealth(grid);
        builder.AddChatFiles();

        var app = builder.Build();
        if (frontend.CoHostSilo)
        {
            await app.Services.GetRequiredService<SchemaMigrator>().MigrateAsync();
        }

        app.UseChatForwardedHeaders();
        app.UseChatSecurity();

        // Error and status-code pages mean nothing to the hub's sockets, and a middleware on the
        // stack of a request that lives for hours costs its async frame per connection.
        app.UseWhen(context => !IsHubRequest(context), pages =>
        {
            pages.UseExceptionHandler();
            pages.UseStatusCodePages();
        });
        app.UseDefaultFiles();
        app.UseStaticFiles(SecurityHeaders.StaticFiles);
        app.UseWhen(IsHubRequest, hub => hub.UseMiddleware<HubTokenAuthentication>());
        app.UseWhen(context => !IsHubRequest(context), api =>
        {
            api.UseAuthentication();
            api.UseAuthorization();
        });
        // WebApplication puts both at the head of the pipeline, for every request, unless these
        // marks (which UseAuthentication and UseAuthorization leave only on the branch) say they are in.
        var pipeline = (IApplicationBuilder)app;
        pipeline.Properties["__AuthenticationMiddlewareSet"] = true;
        pipeline.Properties["__AuthorizationMiddlewareSet"] = true;
        app.UseRateLimiter();
        app.MapChatHealth();
        app.MapAuthEndpoints();
        app.MapTwoFactorEndpoints();
        app.MapSessionEndpoints();
        app.MapAccountRecoveryEndpoints();
        app.MapUserEndpoints();
        app.MapProfileEndpoints();
        app.MapAutoReplyEndpoints();
        app.MapBlockEndpoints();
        app.MapPhoneEndpoints();
        app.MapAccountLifecycleEndpoints();
        app.MapConversationEndpoints();
        app.MapConversationFilesEndpoints();
        app.MapMembershipEndpoints();
        app.MapContactEndpoints();
        app.MapCallEndpoints();
        app.MapFileEndpoints();
        app.MapSearchEndpoints();
        app.MapPeopleSearchEndpoints();
        app.MapChatHub();
        app.MapFallback("/api/{**path}", () => Problems.Result(Chat.Errors.ErrorCodes.NotFound, "no such endpoint"));
        app.MapFallbackToFile("index.html", SecurityHeaders.StaticFiles);
        return app;
    }

    private static bool IsHubRequest(HttpContext context) => context.Request.Path.StartsWithSegments(RealtimeSetup.HubPath);
}
