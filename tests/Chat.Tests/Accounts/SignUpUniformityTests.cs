using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Chat.Tests.Infrastructure;
using MimeKit;

namespace Chat.Tests.Accounts;

/// <summary>Sign-up never tells whether an email address has an account.</summary>
[Collection(AccountsCollection.Name)]
public sealed class SignUpUniformityTests(AccountsGrid fixture)
{
    private HttpClient Http => fixture.First.Http;

    [Fact]
    public async Task A_taken_email_signs_up_like_a_free_one_and_its_owner_gets_a_note_not_a_link()
    {
        var owner = await TestUser.RegisterAsync(Http);
        var address = $"{owner.Username}@example.test";
        var stranger = $"s{Guid.NewGuid():N}"[..20];

        var taken = await Http.PostAsJsonAsync("/api/auth/register", new { username = stranger, email = address.ToUpperInvariant(), password = "stranger-password-1" });
        var free = await Http.PostAsJsonAsync("/api/auth/register",
            new { username = $"f{Guid.NewGuid():N}"[..20], email = $"free-{Guid.NewGuid():N}@example.test", password = "stranger-password-1" });

        Assert.Equal(HttpStatusCode.Created, taken.StatusCode);
        Assert.Equal(free.StatusCode, taken.StatusCode);
        Assert.Equal(PropertyNames(await free.Content.ReadFromJsonAsync<JsonElement>()), PropertyNames(await taken.Content.ReadFromJsonAsync<JsonElement>()));
        var note = await WaitForMailAsync(address, "Someone tried to sign up for Chat Grid with your address");
        Assert.DoesNotContain("token=", note.TextBody, StringComparison.Ordinal);

        // The stranger signs in by the address they typed, and so does its owner, each into their own account.
        var strangerLogin = await Http.PostAsJsonAsync("/api/auth/login", new { login = address, password = "stranger-password-1" });
        var ownerLogin = await Http.PostAsJsonAsync("/api/auth/login", new { login = address, password = owner.Password });
        Assert.Equal(HttpStatusCode.OK, strangerLogin.StatusCode);
        Assert.Equal(HttpStatusCode.OK, ownerLogin.StatusCode);
        Assert.Equal(owner.UserId, (await ownerLogin.Content.ReadFromJsonAsync<TestUser.TokenBody>())!.UserId);
        Assert.NotEqual(owner.UserId, (await strangerLogin.Content.ReadFromJsonAsync<TestUser.TokenBody>())!.UserId);

        // Only the owner's own sign-up mailed a verification link to the address.
        Assert.Equal(1, await CountMailsAsync(address, "Confirm your Chat Grid email address"));
    }

    [Fact]
    public async Task A_taken_username_still_answers_409_because_usernames_are_public()
    {
        var owner = await TestUser.RegisterAsync(Http);

        var again = await Http.PostAsJsonAsync("/api/auth/register",
            new { username = owner.Username, email = $"other-{Guid.NewGuid():N}@example.test", password = "stranger-password-1" });

        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
        Assert.Equal("conflict", await again.ProblemCodeAsync());
    }

    private static string[] PropertyNames(JsonElement body) => [.. body.EnumerateObject().Select(p => p.Name).Order(StringComparer.Ordinal)];

    private async Task<MimeMessage> WaitForMailAsync(string to, string subject)
    {
        for (var i = 0; i < 150; i++)
        {
            foreach (var message in await MailsAsync(to))
            {
                if (message.Subject == subject)
                {
                    return message;
                }
            }

            await Task.Delay(100);
        }

        throw new TimeoutException($"no \"{subject}\" email to {to}");
    }

    private async Task<int> CountMailsAsync(string to, string subject) => (await MailsAsync(to)).Count(m => m.Subject == subject);

    private async Task<List<MimeMessage>> MailsAsync(string to)
    {
        var found = new List<MimeMessage>();
        if (!Directory.Exists(fixture.MailFolder))
        {
            return found;
        }

        foreach (var file in Directory.GetFiles(fixture.MailFolder, "*.eml"))
        {
            var message = await MimeMessage.LoadAsync(file);
            if (message.To.Mailboxes.Any(m => m.Address.Equals(to, StringComparison.OrdinalIgnoreCase)))
            {
                found.Add(message);
            }
        }

        return found;
    }
}
