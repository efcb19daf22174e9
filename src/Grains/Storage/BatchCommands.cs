using Npgsql;

namespace Chat.Storage;

/// <summary>Builds a batch statement with positional parameters, for several statements in one round trip.</summary>
internal static class BatchCommands
{
    public static NpgsqlBatchCommand Create(string sql, params object[] values)
    {
        var command = new NpgsqlBatchCommand(sql);
        foreach (var value in values)
        {
            command.Parameters.Add(new NpgsqlParameter { Value = value });
        }

        return command;
    }
}
