using Chat.Tests.Infrastructure;

namespace Chat.Tests.Accounts;

/// <summary>Reads the accounts tables directly, to prove what a request did or did not write.</summary>
public static class AccountsDatabase
{
    /// <summary>
    /// A hash of every row of the account tables and of grain storage: equal before and after a
    /// request means it wrote nothing. Tests of one collection run one at a time, so nothing else writes meanwhile.
    /// </summary>
    public static async Task<string> FingerprintAsync(GridCluster grid)
    {
        await using var dataSource = grid.Database.CreateDataSource();
        await using var command = dataSource.CreateCommand("""
            SELECT coalesce(md5(string_agg(row, '|' ORDER BY row)), '') FROM (
                SELECT 'a' || t::text AS row FROM accounts t
                UNION ALL SELECT 's' || t::text FROM account_sessions t
                UNION ALL SELECT 'r' || t::text FROM refresh_tokens t
                UNION ALL SELECT 't' || t::text FROM account_totp t
                UNION ALL SELECT 'c' || t::text FROM account_recovery_codes t
                UNION ALL SELECT 'e' || t::text FROM account_email_tokens t
                UNION ALL SELECT 'p' || t::text FROM account_phones t
                UNION ALL SELECT 'q' || t::text FROM account_phone_codes t
                UNION ALL SELECT 'x' || t.export_id::text || t.completed_at::text FROM account_exports t
                UNION ALL SELECT 'o' || t::text FROM orleansstorage t
            ) rows
            """);
        return (string)(await command.ExecuteScalarAsync())!;
    }

    public static async Task<T?> ScalarAsync<T>(GridCluster grid, string sql, params object[] parameters)
    {
        await using var dataSource = grid.Database.CreateDataSource();
        await using var command = dataSource.CreateCommand(sql);
        foreach (var parameter in parameters)
        {
            command.Parameters.Add(new Npgsql.NpgsqlParameter { Value = parameter });
        }

        var value = await command.ExecuteScalarAsync();
        return value is null or DBNull ? default : (T)value;
    }
}
