using Chat.Files;

namespace Chat.Frontend.Files;

/// <summary>Wires the files API: the object store the Frontend signs download URLs with.</summary>
public static class FileSetup
{
    public static void AddChatFiles(this WebApplicationBuilder builder) => builder.Services.AddFileSettingsAndStorage(builder.Configuration);
}
