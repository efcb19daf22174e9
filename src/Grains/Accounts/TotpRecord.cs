namespace Chat.Accounts;

/// <summary>A user's stored TOTP secret; <see cref="Confirmed"/> false means a setup still pending.</summary>
internal sealed record TotpRecord(byte[] Secret, bool Confirmed, long LastUsedStep)
{
    // Records print every property; keep the secret out of anything that prints one.
    private bool PrintMembers(System.Text.StringBuilder builder)
    {
        builder.Append($"Secret = ***, Confirmed = {Confirmed}, LastUsedStep = {LastUsedStep}");
        return true;
    }
}
