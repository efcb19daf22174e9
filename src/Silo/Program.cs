using Chat.Hosting;
using Chat.Storage;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

return await StartupGuard.RunAsync("Chat Grid silo", async () =>
{
    var builder = Host.CreateApplicationBuilder(args);
    var settings = GridSettings.Read(builder.Configuration);
    PublishedSecrets.RefuseInProduction(builder.Configuration, builder.Environment);
    await InfrastructurePreflight.CheckAsync(settings);
    builder.UseOrleans(silo => silo.AddChatGrid(settings).ConfigureChatEndpoints(settings.Cluster));

    using var host = builder.Build();
    await host.Services.GetRequiredService<SchemaMigrator>().MigrateAsync();
    await host.RunAsync();
});
