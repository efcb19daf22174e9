namespace Chat.Realtime;

/// <summary>Whom a Frontend relays an event to: the members of a conversation or the devices of one user.</summary>
[GenerateSerializer, Alias("chat.rt.audience")]
public enum EventAudience
{
    Conversation = 0,
    User = 1,

    /// <summary>The local users watching the presence of the user named by the audience id.</summary>
    PresenceWatchers = 2,

    /// <summary>One device: the SignalR connection named by the envelope's connection id (the audience id is its user).</summary>
    Connection = 3,
}
