namespace Chat.Health;

/// <summary>Answers from any silo so a Frontend can tell that the cluster is reachable.</summary>
[Alias("chat.health")]
public interface IClusterHealthGrain : IGrainWithIntegerKey
{
    [Alias("ping")]
    Task<string> PingAsync();
}
