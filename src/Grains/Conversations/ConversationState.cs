namespace Chat.Conversations;

/// <summary>The conversation grain's persisted state; members and messages live in their own tables.</summary>
[GenerateSerializer, Alias("chat.conv.state")]
public sealed class ConversationState
{
    [Id(0)] public bool Created { get; set; }
    [Id(1)] public string Type { get; set; } = "";
    [Id(2)] public string? Name { get; set; }
    [Id(3)] public Guid CreatedBy { get; set; }
    [Id(4)] public DateTimeOffset CreatedAt { get; set; }
    [Id(5)] public List<long> PinnedSeqs { get; set; } = [];
    [Id(6)] public List<InviteState> Invites { get; set; } = [];

    /// <summary>When a self-destructing message or a scheduled one is next due; null when none waits.</summary>
    [Id(7)] public DateTimeOffset? NextTimedWorkAt { get; set; }

    /// <summary>When each member's away message last answered here (direct conversations).</summary>
    [Id(8)] public Dictionary<Guid, DateTimeOffset> AutoRepliedAt { get; set; } = [];

    /// <summary>A group's or channel's avatar (a public file); also in <c>conversations.avatar_file_id</c> for the list.</summary>
    [Id(9)] public Guid? AvatarFileId { get; set; }

    /// <summary>Whether <see cref="PinnedSeqs"/> are mirrored in <c>pinned_messages</c> (for <c>is:pinned</c>); pins from before that table are copied once.</summary>
    [Id(10)] public bool PinsMirrored { get; set; }
}

/// <summary>A live invite link, stored by the hash of its secret code.</summary>
[GenerateSerializer, Alias("chat.conv.invite-state")]
public sealed class InviteState
{
    [Id(0)] public string CodeHash { get; set; } = "";
    [Id(1)] public DateTimeOffset? ExpiresAt { get; set; }
    [Id(2)] public int? MaxUses { get; set; }
    [Id(3)] public int Uses { get; set; }
    [Id(4)] public Guid CreatedBy { get; set; }
}
