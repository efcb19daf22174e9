using Chat.LoadTest;

var options = Options.Parse(args);
if (options is null)
{
    return args.Contains("--help") || args.Contains("-h") ? 0 : 64;
}

try
{
    return options.PresenceMode ? await new PresenceRun(options).RunAsync()
        : options.ChannelMode ? await new ChannelRun(options).RunAsync()
        : await new GroupRun(options).RunAsync();
}
catch (ApiException ex)
{
    Console.Error.WriteLine($"error: {ex.Message}");
    return 1;
}
catch (HttpRequestException ex)
{
    Console.Error.WriteLine($"error: cannot reach the frontend: {ex.Message} (is it running? scripts/up.sh)");
    return 1;
}
