namespace Chat.Conversations;

/// <summary>The wire names of the conversation kinds.</summary>
public static class ConversationTypes
{
    public const string Direct = "direct";
    public const string Group = "group";
    public const string Channel = "channel";

    public static bool IsKnown(string type) => type is Direct or Group or Channel;
}
