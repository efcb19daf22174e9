using Chat.Accounts;

namespace Chat.Frontend.Accounts.Email;

/// <summary>Asks the cluster for email tokens and queues the verification and password-reset emails that carry them.</summary>
public sealed partial class AccountMailer(IClusterClient cluster, EmailOutbox outbox, EmailSettings settings, ILogger<AccountMailer> logger)
{
    public const string VerifyKind = "verify-email";
    public const string ResetKind = "reset-password";
    public const string AddressTakenKind = "address-taken";

    /// <summary>Best effort: the account exists whatever happens here, and the user can ask for the email again.</summary>
    public async Task SendVerificationAsync(Guid userId)
    {
        try
        {
            var token = await Recovery.IssueEmailVerificationAsync(userId);
            if (token is { AddressTaken: true })
            {
                outbox.Enqueue(new EmailMessage(AddressTakenKind, userId, token.Email, "Someone tried to sign up for Chat Grid with your address", $"""
                    Hello,

                    Someone just tried to sign up for Chat Grid with this email address, which already has
                    an account. Nothing changed on your account, and the new sign-up cannot use this address.
                    If it was you, sign in at {settings.LinkBaseUrl!.TrimEnd('/')} instead ("Forgot password?" there, if need be).

                    If it was not you, ignore this email.
                    """));
            }
            else if (token is not null)
            {
                outbox.Enqueue(new EmailMessage(VerifyKind, userId, token.Email, "Confirm your Chat Grid email address", $"""
                    Hello {token.Username},

                    Confirm your email address for Chat Grid with this link, valid for one hour:
                    {Link("verify-email", token.Token)}

                    If you did not sign up for Chat Grid, ignore this email.
                    """));
            }
        }
        catch (Exception ex)
        {
            LogVerificationFailed(logger, ex, userId);
        }
    }

    /// <summary>Queues a reset email if an account has this address; says nothing either way.</summary>
    public async Task SendPasswordResetAsync(string email)
    {
        if (await Recovery.IssuePasswordResetAsync(email) is { } token)
        {
            outbox.Enqueue(new EmailMessage(ResetKind, token.UserId, token.Email, "Reset your Chat Grid password", $"""
                Hello {token.Username},

                Someone asked to reset the password of your Chat Grid account. Choose a new one with
                this link, valid for one hour:
                {Link("reset-password", token.Token)}

                Resetting signs out all your devices. If you did not ask for this, ignore this email.
                """));
        }
    }

    private IAccountRecoveryGrain Recovery => cluster.Reference<IAccountRecoveryGrain>(0);

    // Never from the request's Host header: a reset asked for with "Host: evil.example" would mail the victim a link
    // that hands the token to that host.
    private string Link(string page, string token) => $"{settings.LinkBaseUrl!.TrimEnd('/')}/{page}?token={Uri.EscapeDataString(token)}";

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not queue the verification email for user {UserId}")]
    private static partial void LogVerificationFailed(ILogger logger, Exception exception, Guid userId);
}
