using Microsoft.AspNetCore.SignalR;

namespace Chat.Tests.Infrastructure;

/// <summary>
/// SignalR clients see a server HubException as "An unexpected error occurred invoking 'X' on the
/// server. HubException: code: detail"; this reads the code word back out.
/// </summary>
public static class HubErrors
{
    private const string Marker = "HubException: ";

    public static string Code(HubException exception) => Code(exception.Message);

    /// <summary>The code word of an error text as the server sends it (a completion's or a close message's <c>error</c>).</summary>
    public static string Code(string message)
    {
        var start = message.IndexOf(Marker, StringComparison.Ordinal);
        var text = start < 0 ? message : message[(start + Marker.Length)..];
        var colon = text.IndexOf(':', StringComparison.Ordinal);
        return colon < 0 ? text : text[..colon];
    }
}
