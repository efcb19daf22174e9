namespace Chat.Calls;

/// <summary>The kinds of WebRTC signaling a participant may send to another.</summary>
public static class CallSignalKinds
{
    public const string Offer = "offer";
    public const string Answer = "answer";
    public const string Ice = "ice";

    public static bool IsKnown(string kind) => kind is Offer or Answer or Ice;
}
