using Chat.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Chat.Files.Storage;

/// <summary>Registers the object store and multipart uploads from the <c>Storage</c> section; the silo and the Frontend both call it.</summary>
public static class FileStorageSetup
{
    public static IServiceCollection AddFileStorage(this IServiceCollection services, IConfiguration configuration)
    {
        // The co-hosted silo and the Frontend share one service collection: register once.
        if (services.Any(service => service.ServiceType == typeof(StorageSettings)))
        {
            return services;
        }

        var settings = configuration.BindRequired<StorageSettings>(StorageSettings.Section);
        services.AddSingleton(settings);
        services.AddSingleton<ObjectKeyListing>();
        services.AddSingleton<IObjectStore, MinioObjectStore>();
        services.AddSingleton<IMultipartUploads, AwsMultipartUploads>();
        return services;
    }
}
