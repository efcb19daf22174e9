namespace Chat.Accounts;

/// <summary>The newest code of a phone and purpose, as stored: whose it is, its hash and whether it can still be spent.</summary>
internal sealed record PhoneCodeRecord(Guid CodeId, Guid UserId, byte[] CodeHash, bool Live)
{
    private bool PrintMembers(System.Text.StringBuilder builder)
    {
        builder.Append($"CodeId = {CodeId}, UserId = {UserId}, CodeHash = ***, Live = {Live}");
        return true;
    }
}
