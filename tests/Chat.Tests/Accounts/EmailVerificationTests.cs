using System.Net;
using System.Net.Http.Json;
using Chat.Accounts;
using Chat.Tests.Infrastructure;

namespace Chat.Tests.Accounts;

[Collection(AccountsCollection.Name)]
public sealed class EmailVerificationTests(AccountsGrid fixture)
{
    private HttpClient Http => fixture.First.Http;

    [Fact]
    public async Task Sign_up_mails_a_token_that_verifies_the_address_once()
    {
        var user = await TestUser.RegisterAsync(Http);
        var (message, token) = await MailSink.WaitForAsync(fixture.MailFolder, Email(user), "verify-email");

        Assert.Contains(user.Username, message.TextBody, StringComparison.Ordinal);
        Assert.Contains($"{GridCluster.EmailLinkBase}/verify-email?token=", message.TextBody, StringComparison.Ordinal);
        Assert.False(await VerifiedAsync(user));
        var verify = await Http.PostAsJsonAsync("/api/auth/email/verify", new { token });
        var again = await fixture.Second.Http.PostAsJsonAsync("/api/auth/email/verify", new { token });

        Assert.Equal(HttpStatusCode.NoContent, verify.StatusCode);
        Assert.True(await VerifiedAsync(user));
        Assert.Equal(HttpStatusCode.BadRequest, again.StatusCode);
        Assert.Equal("bad_request", await again.ProblemCodeAsync());
    }

    [Fact]
    public async Task Tokens_are_stored_only_as_sha256_hashes_and_expire_after_an_hour()
    {
        var user = await TestUser.RegisterAsync(Http);
        var (_, token) = await MailSink.WaitForAsync(fixture.MailFolder, Email(user), "verify-email");

        var hashed = await AccountsDatabase.ScalarAsync<long>(fixture.Grid,
            "SELECT count(*) FROM account_email_tokens WHERE user_id = $1 AND token_hash = sha256(convert_to($2, 'UTF8'))", user.UserId, token);
        var lifetime = await AccountsDatabase.ScalarAsync<TimeSpan>(fixture.Grid,
            "SELECT expires_at - created_at FROM account_email_tokens WHERE user_id = $1", user.UserId);
        var plain = await AccountsDatabase.ScalarAsync<long>(fixture.Grid,
            "SELECT count(*) FROM account_email_tokens WHERE position(convert_to($1, 'UTF8') in token_hash) > 0", token);

        Assert.Equal(1L, hashed);
        Assert.Equal(0L, plain);
        Assert.InRange(lifetime, TimeSpan.FromMinutes(59), TimeSpan.FromMinutes(61));
    }

    [Fact]
    public async Task Resend_mails_a_new_token_and_the_old_one_still_works_until_spent()
    {
        var user = await TestUser.RegisterAsync(Http);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var (_, first) = await MailSink.WaitForAsync(fixture.MailFolder, Email(user), "verify-email", seen);

        var resend = await Http.SendAsync(user, HttpMethod.Post, "/api/auth/email/resend");
        var (_, second) = await MailSink.WaitForAsync(fixture.MailFolder, Email(user), "verify-email", seen);

        Assert.Equal(HttpStatusCode.Accepted, resend.StatusCode);
        Assert.NotEqual(first, second);
        Assert.Equal(HttpStatusCode.NoContent, (await Http.PostAsJsonAsync("/api/auth/email/verify", new { token = second })).StatusCode);
        Assert.True(await VerifiedAsync(user));

        // Verified: asking again answers the same and issues nothing.
        var before = await AccountsDatabase.FingerprintAsync(fixture.Grid);
        Assert.Equal(HttpStatusCode.Accepted, (await Http.SendAsync(user, HttpMethod.Post, "/api/auth/email/resend")).StatusCode);
        Assert.Equal(before, await AccountsDatabase.FingerprintAsync(fixture.Grid));
    }

    [Fact]
    public async Task At_most_three_verification_emails_an_hour_are_issued()
    {
        var user = await TestUser.RegisterAsync(Http);
        for (var i = 0; i < Limits.MaxAccountEmailsPerHour + 2; i++)
        {
            Assert.Equal(HttpStatusCode.Accepted, (await Http.SendAsync(user, HttpMethod.Post, "/api/auth/email/resend")).StatusCode);
        }

        Assert.Equal(Limits.MaxAccountEmailsPerHour, await AccountsDatabase.ScalarAsync<long>(fixture.Grid,
            "SELECT count(*) FROM account_email_tokens WHERE user_id = $1 AND purpose = 'verify_email'", user.UserId));
    }

    public static TheoryData<string, string?> BadVerifications => new()
    {
        { "no body", null },
        { "no token", "{}" },
        { "empty token", """{"token":""}""" },
        { "unknown token", """{"token":"bm90LWEtcmVhbC10b2tlbi1hdC1hbGwtMDEyMzQ1Njc4OQ"}""" },
        { "too long", $$"""{"token":"{{new string('t', Limits.MaxEmailTokenChars + 1)}}"}""" },
        { "a number", """{"token":12345}""" },
        { "malformed JSON", """{"token":""" },
    };

    [Theory]
    [MemberData(nameof(BadVerifications))]
    public async Task Bad_verification_tokens_answer_400_and_write_nothing(string why, string? body)
    {
        var before = await AccountsDatabase.FingerprintAsync(fixture.Grid);

        var response = await Http.SendRawAsync(null, HttpMethod.Post, "/api/auth/email/verify", body);

        await response.AssertBadRequestAsync(why);
        Assert.Equal(before, await AccountsDatabase.FingerprintAsync(fixture.Grid));
    }

    [Fact]
    public async Task An_expired_token_or_a_password_reset_token_does_not_verify_and_writes_nothing()
    {
        var user = await TestUser.RegisterAsync(Http);
        var (_, token) = await MailSink.WaitForAsync(fixture.MailFolder, Email(user), "verify-email");
        await Http.PostAsJsonAsync("/api/auth/password/forgot", new { email = Email(user) });
        var (_, resetToken) = await MailSink.WaitForAsync(fixture.MailFolder, Email(user), "reset-password");
        await AccountsDatabase.ScalarAsync<object>(fixture.Grid,
            "UPDATE account_email_tokens SET expires_at = now() - interval '1 second' WHERE user_id = $1 AND purpose = 'verify_email'", user.UserId);
        var before = await AccountsDatabase.FingerprintAsync(fixture.Grid);

        var expired = await Http.PostAsJsonAsync("/api/auth/email/verify", new { token });
        var wrongPurpose = await Http.PostAsJsonAsync("/api/auth/email/verify", new { token = resetToken });

        Assert.Equal(HttpStatusCode.BadRequest, expired.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, wrongPurpose.StatusCode);
        Assert.Equal("bad_request", await wrongPurpose.ProblemCodeAsync());
        Assert.Equal(before, await AccountsDatabase.FingerprintAsync(fixture.Grid));
        Assert.False(await VerifiedAsync(user));
    }

    [Fact]
    public async Task Resend_needs_a_signed_in_user()
    {
        var response = await Http.SendRawAsync(null, HttpMethod.Post, "/api/auth/email/resend", null);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    private static string Email(TestUser user) => $"{user.Username}@example.test";

    private async Task<bool> VerifiedAsync(TestUser user) => await AccountsDatabase.ScalarAsync<bool>(fixture.Grid,
        "SELECT email_verified_at IS NOT NULL FROM accounts WHERE user_id = $1", user.UserId);
}
