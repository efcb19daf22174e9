namespace Chat.Search.Query;

/// <summary>The filters of the query language (<c>name:value</c>).</summary>
public enum QueryFilter
{
    From,
    In,
    Before,
    After,
    On,
    Has,
    Is,
}
