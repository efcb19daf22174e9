using Microsoft.Extensions.DependencyInjection;

namespace Chat.Files.Attachments;

/// <summary>Registers what messages, profiles and groups use to carry files.</summary>
public static class AttachmentsSetup
{
    public static IServiceCollection AddFileAttachments(this IServiceCollection services)
    {
        services.AddSingleton<AttachmentStore>();
        services.AddSingleton<MessageAttachments>();
        services.AddSingleton<AvatarFiles>();
        services.AddSingleton<ConversationFiles>();
        return services;
    }
}
