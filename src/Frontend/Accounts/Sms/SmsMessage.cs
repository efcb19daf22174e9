namespace Chat.Frontend.Accounts.Sms;

/// <summary>One text message. <see cref="Kind"/> and <see cref="UserId"/> are for logs, which never see the number or text.</summary>
public sealed record SmsMessage(string Kind, Guid UserId, string To, string Text)
{
    // Records print every property; the text carries a code and the number is personal.
    private bool PrintMembers(System.Text.StringBuilder builder)
    {
        builder.Append($"Kind = {Kind}, UserId = {UserId}, To = ***, Text = ***");
        return true;
    }
}
