namespace Chat.Accounts;

/// <summary>A pending TOTP secret (Base32) and the <c>otpauth://</c> URI authenticator apps scan.</summary>
[GenerateSerializer, Immutable, Alias("chat.accounts.totp-enrollment")]
public sealed record TotpEnrollment(
    [property: Id(0)] string Secret,
    [property: Id(1)] string ProvisioningUri)
{
    // Records print every property; runtimes log messages at trace level, so keep the secret out.
    private bool PrintMembers(System.Text.StringBuilder builder)
    {
        builder.Append("Secret = ***, ProvisioningUri = ***");
        return true;
    }
}
