namespace Chat.Search.Query;

/// <summary>What a compiled query runs over: the message index (alias <c>s</c>) or files in messages (aliases <c>mf</c>, <c>f</c>, <c>m</c>).</summary>
public enum QueryTarget
{
    Messages,
    Files,
}
