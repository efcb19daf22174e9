namespace Chat.Frontend.Auth;

/// <summary>What confirming two-factor answers: the recovery codes, shown this once.</summary>
public sealed record RecoveryCodesResponse(IReadOnlyList<string> RecoveryCodes);
