using MimeKit;

namespace Chat.Frontend.Accounts.Email;

/// <summary>One plain-text email. <see cref="Kind"/> and <see cref="UserId"/> are for logs, which never see the address or body.</summary>
public sealed record EmailMessage(string Kind, Guid UserId, string To, string Subject, string TextBody)
{
    public MimeMessage ToMimeMessage(string from)
    {
        var message = new MimeMessage();
        message.From.Add(MailboxAddress.Parse(from));
        message.To.Add(MailboxAddress.Parse(To));
        message.Subject = Subject;
        message.Body = new TextPart("plain") { Text = TextBody };
        return message;
    }

    // Records print every property; the body carries a token and the address is personal.
    private bool PrintMembers(System.Text.StringBuilder builder)
    {
        builder.Append($"Kind = {Kind}, UserId = {UserId}, To = ***, Subject = {Subject}, TextBody = ***");
        return true;
    }
}
