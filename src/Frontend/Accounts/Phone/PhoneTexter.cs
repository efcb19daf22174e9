using Chat.Accounts;
using Chat.Frontend.Accounts.Sms;

namespace Chat.Frontend.Accounts.Phone;

/// <summary>Texts issued phone codes; a code that was not issued sends nothing.</summary>
public sealed class PhoneTexter(ISmsSender sender)
{
    public const string VerifyKind = "verify-phone";
    public const string LoginKind = "phone-login";

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
