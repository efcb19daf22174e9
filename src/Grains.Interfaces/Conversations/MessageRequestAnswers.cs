namespace Chat.Conversations;

/// <summary>What the recipient of a message request may answer.</summary>
public static class MessageRequestAnswers
{
    public const string Accept = "accept";

    /// <summary>Hides the request from the recipient's list until a newer message arrives; the sender is not told.</summary>
    public const string Ignore = "ignore";

    /// <summary>Blocks the sender and ignores the request.</summary>
    public const string Block = "block";
}
