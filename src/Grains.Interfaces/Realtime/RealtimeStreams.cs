namespace Chat.Realtime;

/// <summary>Names of the stream provider and namespaces that carry events from grains to Frontends.</summary>
public static class RealtimeStreams
{
    public const string ProviderName = "chat";

    /// <summary>One stream per Frontend process, keyed by its id: grains publish once per Frontend, not once per member.</summary>
    public const string FrontendNamespace = "frontend";

    public static StreamId ForFrontend(Guid frontendId) => StreamId.Create(FrontendNamespace, frontendId);
}
