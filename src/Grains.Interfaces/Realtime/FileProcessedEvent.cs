using Chat.Files;

namespace Chat.Realtime;

/// <summary>Tells the owner's devices that a file's previews were made (or given up): the contract's <c>File</c>, as it is now.</summary>
[GenerateSerializer, Immutable, Alias("chat.rt.file-processed")]
public sealed record FileProcessedEvent([property: Id(0)] FileDescription File) : ClientEvent
{
    public override string HubMethod => "FileProcessed";

    public override object Payload => FileBody.From(File);
}
