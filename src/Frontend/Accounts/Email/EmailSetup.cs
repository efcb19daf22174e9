using Chat.Hosting;

namespace Chat.Frontend.Accounts.Email;

public static class EmailSetup
{
    /// <summary>Email for account verification and password reset: SMTP when <c>Email:Smtp:Host</c> is set, else the .eml folder sink.</summary>
    public static void AddChatEmail(this WebApplicationBuilder builder)
    {
        var settings = builder.Configuration.BindRequired<EmailSettings>(EmailSettings.Section);
        builder.Services.AddSingleton(settings);
        if (settings.UsesSmtp)
        {
            builder.Services.AddSingleton<IEmailSender, SmtpEmailSender>();
        }
        else
        {
            builder.Services.AddSingleton<IEmailSender, FolderEmailSender>();
        }

        builder.Services.AddSingleton<EmailOutbox>();
        builder.Services.AddHostedService(sp => sp.GetRequiredService<EmailOutbox>());
        builder.Services.AddSingleton<AccountMailer>();
    }
}
