namespace Chat.Frontend.Accounts.Sms;

/// <summary>Delivers one text message; only the development folder sink exists so far.</summary>
public interface ISmsSender
{
    Task SendAsync(SmsMessage message, CancellationToken cancellationToken);
}
