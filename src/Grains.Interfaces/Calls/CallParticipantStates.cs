namespace Chat.Calls;

/// <summary>The wire names of a participant's states in a call.</summary>
public static class CallParticipantStates
{
    public const string Ringing = "ringing";
    public const string Joined = "joined";
    public const string Left = "left";
    public const string Rejected = "rejected";
    public const string Missed = "missed";
}
