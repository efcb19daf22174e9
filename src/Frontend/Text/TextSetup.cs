using Microsoft.AspNetCore.Http.Json;
using Microsoft.AspNetCore.SignalR;

namespace Chat.Frontend.Text;

public static class TextSetup
{
    /// <summary>Every string read from a REST body or a hub argument goes through <see cref="StorableTextConverter"/>.</summary>
    public static void AddStorableText(this WebApplicationBuilder builder)
    {
        builder.Services.Configure<JsonOptions>(options => options.SerializerOptions.Converters.Add(new StorableTextConverter()));
        builder.Services.Configure<JsonHubProtocolOptions>(options => options.PayloadSerializerOptions.Converters.Add(new StorableTextConverter()));

        // A body that cannot be read reaches the exception handler (in every environment), which names
        // the refused field; otherwise Production answers a bare 400.
        builder.Services.Configure<RouteHandlerOptions>(options => options.ThrowOnBadRequest = true);
    }
}
