namespace Chat.Accounts;

/// <summary>The user's away message; conversations read it to answer direct messages.</summary>
internal sealed partial class UserGrain
{
    public async Task<AutoReplySettings> GetAutoReplyAsync()
    {
        await RequireAccountAsync();
        return state.State.AutoReply;
    }

    public async Task<AutoReplySettings> SetAutoReplyAsync(AutoReplySettings settings)
    {
        ProfileRules.Validate(settings, time.GetUtcNow());
        await RequireAccountAsync();
        var normalized = settings with { Message = settings.Message.Trim() };
        if (normalized != state.State.AutoReply)
        {
            state.State.AutoReply = normalized;
            await WriteStateAsync();
        }

        return normalized;
    }
}
