namespace Chat.Accounts;

/// <summary>
/// Who a privacy setting shows something to. "contacts" are mutual: both users consented to each
/// other (wrote in their direct conversation, accepted its message request, or saved the contact).
/// </summary>
public static class PrivacyAudiences
{
    public const string Everyone = "everyone";
    public const string Contacts = "contacts";
    public const string Nobody = "nobody";

    public static bool IsKnown(string? audience) => audience is Everyone or Contacts or Nobody;
}
