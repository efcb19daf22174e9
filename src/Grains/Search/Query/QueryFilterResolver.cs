using Chat.Accounts;
using Chat.Conversations;
using Chat.Errors;
using Npgsql;

namespace Chat.Search.Query;

/// <summary>
/// Looks up what <c>from:</c> and <c>in:</c> name, as the caller may see it: a username as accounts
/// key it (<see cref="AccountRules.UsernameKey"/>), a conversation only among the caller's own (a
/// name, a direct chat's other member, an id). Naming none is the same 400 whether it exists or not,
/// so a query cannot probe for conversations.
/// </summary>
public sealed class QueryFilterResolver(NpgsqlDataSource dataSource)
{
    public async Task<ResolvedFilters> ResolveAsync(Guid callerId, QueryNode root, CancellationToken cancellationToken)
    {
        var resolved = new ResolvedFilters();
        foreach (var filter in QueryParser.Leaves(root).OfType<FilterNode>())
        {
            switch (filter.Filter)
            {
                case QueryFilter.From:
                    resolved.Set(filter, filter.Value.Equals("me", StringComparison.OrdinalIgnoreCase)
                        ? callerId
                        : await UserAsync(filter, cancellationToken));
                    break;
                case QueryFilter.In:
                    resolved.Set(filter, await ConversationsAsync(callerId, filter, cancellationToken));
                    break;
            }
        }

        return resolved;
    }

    private async Task<Guid> UserAsync(FilterNode filter, CancellationToken cancellationToken)
    {
        var username = filter.Value.TrimStart('@');
        await using var command = dataSource.CreateCommand("SELECT user_id FROM accounts WHERE username_key = $1 AND deleted_at IS NULL");
        command.Parameters.AddWithValue(AccountRules.UsernameKey(username));
        return await command.ExecuteScalarAsync(cancellationToken) is Guid userId
            ? userId
            : throw ChatException.BadRequest($"unknown user '@{username}' at {filter.ValuePosition}");
    }

    private async Task<Guid[]> ConversationsAsync(Guid callerId, FilterNode filter, CancellationToken cancellationToken)
    {
        Guid[] candidates;
        string? name = null;
        if (filter.Value.StartsWith('@'))
        {
            var other = await UserAsync(filter, cancellationToken);
            candidates = [DirectConversationId.For(callerId, other)];
        }
        else if (Guid.TryParse(filter.Value, out var id))
        {
            candidates = [id];
        }
        else
        {
            candidates = [];
            name = filter.Value;
        }

        await using var command = dataSource.CreateCommand("""
            SELECT c.conversation_id FROM conversation_members cm
            JOIN conversations c ON c.conversation_id = cm.conversation_id
            WHERE cm.user_id = $1
              AND (c.conversation_id = ANY($2) OR ($3::text IS NOT NULL AND c.type IN ('group', 'channel') AND lower(c.name) = lower($3)))
            """);
        command.Parameters.AddWithValue(callerId);
        command.Parameters.AddWithValue(candidates);
        command.Parameters.Add(new NpgsqlParameter { Value = (object?)name ?? DBNull.Value, NpgsqlDbType = NpgsqlTypes.NpgsqlDbType.Text });
        var found = new List<Guid>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            found.Add(reader.GetGuid(0));
        }

        return found.Count > 0
            ? [.. found]
            : throw ChatException.BadRequest($"in: names no conversation of yours at {filter.ValuePosition}");
    }
}
