using Microsoft.Extensions.DependencyInjection;
using Orleans.Serialization;

namespace Chat.Hosting;

/// <summary>
/// Lets a Postgres failure inside a grain reach the Frontend as what it is, so the Frontend can
/// answer 503 (an outage to wait out) rather than 500. Silos and clients must agree on this.
/// </summary>
public static class ExceptionTransport
{
    public static IServiceCollection AllowStorageExceptionsOnTheWire(this IServiceCollection services) =>
        services.Configure<ExceptionSerializationOptions>(options => options.SupportedNamespacePrefixes.Add("Npgsql"));
}
