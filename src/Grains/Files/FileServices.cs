using Chat.Files.Storage;
using Chat.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Runtime;

namespace Chat.Files;

/// <summary>Registers the files work: settings, object storage and, in a silo, the store, access check and sweep.</summary>
public static class FileServices
{
    /// <summary>The <c>Files</c> settings and the object store; what the Frontend needs to sign downloads.</summary>
    public static IServiceCollection AddFileSettingsAndStorage(this IServiceCollection services, IConfiguration configuration)
    {
        if (!services.Any(service => service.ServiceType == typeof(FileSettings)))
        {
            services.AddSingleton(configuration.BindRequired<FileSettings>(FileSettings.Section));
        }

        return services.AddFileStorage(configuration);
    }

    public static IServiceCollection AddFilesInSilo(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddFileSettingsAndStorage(configuration);
        services.AddSingleton<FileStore>();
        services.AddSingleton<FileAccess>();
        services.AddHostedService<BucketPreparation>();
        services.AddSingleton<ILifecycleParticipant<ISiloLifecycle>, FileSweepStarter>();
        return services;
    }
}
