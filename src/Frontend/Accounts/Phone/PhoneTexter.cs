using Chat.Accounts;
using Chat.Frontend.Accounts.Sms;

namespace Chat.Frontend.Accounts.Phone;

/// <summary>Texts issued phone codes; a code that was not issued sends nothing.</summary>
public sealed partial class PhoneTexter(ISmsSender sender, ILogger<PhoneTexter> logger)
{
    public const string VerifyKind = "verify-phone";
    public const string LoginKind = "phone-login";

    /// <summary>
    /// Texts off the request, so an answer takes as long whether a code goes out or not (a
    /// registered number or not, another account's or not); a failure is logged, and the user asks again.
    /// </summary>
    public void Queue(PhoneCode code, string kind)
    {
        if (code.Issued)
        {
            _ = SendLoggedAsync(code, kind);
        }
    }

    private async Task SendLoggedAsync(PhoneCode code, string kind)
    {
        try
        {
            await SendAsync(code, kind, CancellationToken.None);
        }
        catch (Exception ex)
        {
            LogTextFailed(logger, ex, kind, code.UserId);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not text a {Kind} code for user {UserId}")]
    private static partial void LogTextFailed(ILogger logger, Exception exception, string kind, Guid userId);

    public Task SendAsync(PhoneCode code, string kind, CancellationToken cancellationToken)
    {
        if (!code.Issued)
        {
            return Task.CompletedTask;
        }

        var purpose = kind == VerifyKind ? "confirm this phone for" : "sign in to";
        var minutes = (int)Limits.PhoneCodeLifetime.TotalMinutes;
        return sender.SendAsync(new SmsMessage(kind, code.UserId, code.Phone,
            $"Your code to {purpose} Chat Grid is {code.Code}. It expires in {minutes} minutes. Never share it."), cancellationToken);
    }
}
