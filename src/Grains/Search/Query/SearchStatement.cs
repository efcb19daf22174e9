using Npgsql;

namespace Chat.Search.Query;

/// <summary>
/// Runs one search statement with the planner settings searches need, for that statement's transaction
/// only. A search reads a few thousand rows of the caller's conversations, but its cost estimate over
/// a 10M-row table crosses the JIT and parallel-query thresholds: in the 10M benchmark a <c>has:image</c>
/// that did 5 ms of work took 98 ms, spent starting two workers and compiling 42 functions.
/// </summary>
internal static class SearchStatement
{
    private const string Settings = "SET LOCAL jit = off; SET LOCAL max_parallel_workers_per_gather = 0";

    public static async Task ReadAsync(NpgsqlDataSource dataSource, string sql, SqlParameters parameters, Action<NpgsqlDataReader> readRow, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await using (var settings = new NpgsqlCommand(Settings, connection, transaction))
        {
            await settings.ExecuteNonQueryAsync(cancellationToken);
        }

        await using (var command = new NpgsqlCommand(sql, connection, transaction))
        {
            parameters.CopyTo(command);
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                readRow(reader);
            }
        }

        await transaction.CommitAsync(cancellationToken);
    }
}
