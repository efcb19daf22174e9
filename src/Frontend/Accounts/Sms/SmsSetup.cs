using Chat.Frontend.Accounts.Phone;
using Chat.Hosting;

namespace Chat.Frontend.Accounts.Sms;

public static class SmsSetup
{
    /// <summary>Text messages for phone verification and sign-in codes; only the folder sink exists.</summary>
    public static void AddChatSms(this WebApplicationBuilder builder)
    {
        builder.Services.AddSingleton(builder.Configuration.BindRequired<SmsSettings>(SmsSettings.Section));
        builder.Services.AddSingleton<ISmsSender, FolderSmsSender>();
        builder.Services.AddSingleton<PhoneTexter>();
    }
}
