using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.RegularExpressions;
using Chat.Hosting;
using Chat.Tests.Infrastructure;
using MimeKit;

namespace Chat.Tests.Accounts;

[Collection(AccountsCollection.Name)]
public sealed partial class EmailDeliveryTests(AccountsGrid fixture)
{
    [Fact]
    public async Task With_an_smtp_host_configured_mail_goes_out_over_smtp_with_the_configured_sender_and_links()
    {
        await using var smtp = new FakeSmtpServer();
        var settings = fixture.Grid.FrontendSettings();
        settings["Email:Smtp:Host"] = "127.0.0.1";
        settings["Email:Smtp:Port"] = smtp.Port.ToString(System.Globalization.CultureInfo.InvariantCulture);
        settings["Email:Smtp:Security"] = "none";
        settings["Email:Smtp:Username"] = "mailer";
        settings["Email:Smtp:Password"] = "mailer-secret-0123";
        settings["Email:From"] = "Chat Grid <accounts@chat.example.test>";
        settings["Email:LinkBaseUrl"] = "https://chat.example.test/";
        await using var frontend = await TestFrontend.StartAsync(settings);

        var user = await TestUser.RegisterAsync(frontend.Http);
        var verification = await NextMessageAsync(smtp);
        await frontend.Http.PostAsJsonAsync("/api/auth/password/forgot", new { email = $"{user.Username}@example.test" });
        var reset = await NextMessageAsync(smtp);

        Assert.Equal("mailer:mailer-secret-0123", smtp.LastCredentials);
        Assert.Equal("accounts@chat.example.test", verification.From.Mailboxes.Single().Address);
        Assert.Equal($"{user.Username}@example.test", verification.To.Mailboxes.Single().Address);
        Assert.Equal("Confirm your Chat Grid email address", verification.Subject);
        var token = ResetLink().Match(reset.TextBody ?? "").Groups["token"].Value;
        Assert.NotEmpty(token);
        var answer = await frontend.Http.PostAsJsonAsync("/api/auth/password/reset", new { token = Uri.UnescapeDataString(token), newPassword = "smtp-delivered-passphrase-1" });
        Assert.Equal(HttpStatusCode.NoContent, answer.StatusCode);
        Assert.DoesNotContain(CapturedLogs.Shared.Lines, line => line.Contains("mailer-secret-0123", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("Email:Smtp:Port", "0")]
    [InlineData("Email:Smtp:Security", "tls13")]
    [InlineData("Email:LinkBaseUrl", "ftp://chat.example.test")]
    [InlineData("Email:LinkBaseUrl", "")]
    [InlineData("Email:From", "not a mailbox")]
    public async Task A_bad_email_setting_stops_start_up_naming_it(string key, string value)
    {
        var settings = fixture.Grid.FrontendSettings();
        settings[key] = value;

        var error = await Assert.ThrowsAsync<StartupException>(() => TestFrontend.StartAsync(settings));

        Assert.Contains(key, error.Message, StringComparison.Ordinal);
    }

    private static async Task<MimeMessage> NextMessageAsync(FakeSmtpServer smtp)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(15));
        var raw = await smtp.Messages.ReadAsync(timeout.Token);
        return await MimeMessage.LoadAsync(new MemoryStream(Encoding.UTF8.GetBytes(raw)));
    }

    [GeneratedRegex(@"https://chat\.example\.test/reset-password\?token=(?<token>[A-Za-z0-9_%-]+)")]
    private static partial Regex ResetLink();
}
