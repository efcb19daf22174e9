using System.ComponentModel.DataAnnotations;
using Microsoft.Extensions.DependencyInjection;

namespace Chat.Files.Previews;

public static class FilePreviewSetup
{
    /// <summary>The preview queue's worker and what it uses; every silo runs one (they share the queue through leases).</summary>
    public static IServiceCollection AddFilePreviews(this IServiceCollection services)
    {
        services.AddOptions<PreviewOptions>()
            .BindConfiguration(PreviewOptions.Section)
            .Validate(o => Validator.TryValidateObject(o, new ValidationContext(o), null, validateAllProperties: true),
                $"{PreviewOptions.Section}: a preview setting is out of range")
            .ValidateOnStart();
        services.AddSingleton<PreviewJobStore>();
        services.AddSingleton<PreviewMaker>();
        services.AddSingleton<PreviewJobRunner>();
        services.AddHostedService<PreviewWorker>();
        return services;
    }
}
