namespace Chat.Calls;

/// <summary>The wire names of a call's states; all but ringing and ongoing are final.</summary>
public static class CallStates
{
    public const string Ringing = "ringing";
    public const string Ongoing = "ongoing";
    public const string Ended = "ended";
    public const string Missed = "missed";
    public const string Rejected = "rejected";
    public const string Cancelled = "cancelled";

    public static bool IsActive(string state) => state is Ringing or Ongoing;
}
