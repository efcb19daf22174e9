using Npgsql;
using NpgsqlTypes;

namespace Chat.Search.Query;

/// <summary>The positional parameters of one statement being composed: <see cref="Add"/> returns the placeholder.</summary>
public sealed class SqlParameters
{
    private readonly List<NpgsqlParameter> _values = [];

    public IReadOnlyList<NpgsqlParameter> Values => _values;

    public string Add(object value, NpgsqlDbType? type = null)
    {
        var parameter = new NpgsqlParameter { Value = value };
        if (type is { } known)
        {
            parameter.NpgsqlDbType = known;
        }

        _values.Add(parameter);
        return $"${_values.Count}";
    }

    public void CopyTo(NpgsqlCommand command)
    {
        foreach (var value in _values)
        {
            command.Parameters.Add(new NpgsqlParameter { Value = value.Value, NpgsqlDbType = value.NpgsqlDbType });
        }
    }
}
