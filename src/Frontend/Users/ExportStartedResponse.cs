namespace Chat.Frontend.Users;

/// <summary>What starting a data export answers: the id to fetch it by.</summary>
public sealed record ExportStartedResponse(Guid ExportId);
