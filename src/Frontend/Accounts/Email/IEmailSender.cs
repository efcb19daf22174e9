namespace Chat.Frontend.Accounts.Email;

/// <summary>Delivers one email: to a folder in development, over SMTP in production.</summary>
public interface IEmailSender
{
    Task SendAsync(EmailMessage message, CancellationToken cancellationToken);
}
