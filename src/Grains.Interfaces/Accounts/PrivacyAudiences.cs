namespace Chat.Accounts;

/// <summary>
/// Who a privacy setting shows something to. "contacts" are the people the user shares a direct
/// conversation with.
/// </summary>
public static class PrivacyAudiences
{
    public const string Everyone = "everyone";
    public const string Contacts = "contacts";
    public const string Nobody = "nobody";

    public static bool IsKnown(string? audience) => audience is Everyone or Contacts or Nobody;
}
