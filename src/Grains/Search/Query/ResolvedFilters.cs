namespace Chat.Search.Query;

/// <summary>
/// What the <c>from:</c> and <c>in:</c> filters of one query name, looked up before compiling
/// (<see cref="QueryFilterResolver"/>): per filter node, the user or conversation ids it stands for.
/// </summary>
public sealed class ResolvedFilters
{
    private readonly Dictionary<int, Guid[]> _idsByPosition = [];

    public void Set(FilterNode filter, params Guid[] ids) => _idsByPosition[filter.Position] = ids;

    public Guid[] IdsOf(FilterNode filter) =>
        _idsByPosition.TryGetValue(filter.Position, out var ids) ? ids : throw new InvalidOperationException($"filter at {filter.Position} was not resolved");
}
