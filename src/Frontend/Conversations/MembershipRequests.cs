namespace Chat.Frontend.Conversations;

public sealed record AddMembersRequest(List<Guid>? UserIds);

public sealed record SetRoleRequest(string? Role);

public sealed record CreateInviteRequest(DateTimeOffset? ExpiresAt, int? MaxUses);

public sealed record MuteRequest(DateTimeOffset? Until);
