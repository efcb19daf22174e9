using Chat.Frontend.Hosting;
using Chat.Hosting;

return await StartupGuard.RunAsync("Chat Grid frontend", async () =>
{
    var app = await FrontendApp.BuildAsync(args);
    await app.RunAsync();
});

/// <summary>The Frontend entry point; public so tests can host it.</summary>
public partial class Program;
