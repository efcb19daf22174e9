using System.Net;
using System.Net.Http.Json;
using Chat.Accounts;
using Chat.Tests.Infrastructure;

namespace Chat.Tests.Accounts;

[Collection(AccountsCollection.Name)]
public sealed class PasswordResetTests(AccountsGrid fixture)
{
    private const string NewPassword = "a-brand-new-passphrase-77";

    private HttpClient Http => fixture.First.Http;

    [Fact]
    public async Task A_reset_token_sets_the_new_password_once_and_signs_out_every_device()
    {
        var user = await TestUser.RegisterAsync(Http);
        var otherDevice = (await (await Http.LoginAsync(user)).Content.ReadFromJsonAsync<TestUser.TokenBody>())!;

        var forgot = await Http.PostAsJsonAsync("/api/auth/password/forgot", new { email = Email(user).ToUpperInvariant() });
        var (message, token) = await MailSink.WaitForAsync(fixture.MailFolder, Email(user), "reset-password");
        var reset = await fixture.Second.Http.PostAsJsonAsync("/api/auth/password/reset", new { token, newPassword = NewPassword });
        var again = await Http.PostAsJsonAsync("/api/auth/password/reset", new { token, newPassword = NewPassword + "x" });

        Assert.Equal(HttpStatusCode.Accepted, forgot.StatusCode);
        Assert.Equal("Reset your Chat Grid password", message.Subject);
        Assert.Equal(HttpStatusCode.NoContent, reset.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, again.StatusCode);
        Assert.Equal("bad_request", await again.ProblemCodeAsync());
        Assert.Equal(HttpStatusCode.Unauthorized, (await Http.LoginAsync(user)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await Http.LoginAsync(user, password: NewPassword)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await Http.PostAsJsonAsync("/api/auth/refresh", new { refreshToken = user.RefreshToken })).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await Http.PostAsJsonAsync("/api/auth/refresh", new { refreshToken = otherDevice.RefreshToken })).StatusCode);
    }

    [Fact]
    public async Task A_reset_asked_for_with_a_forged_host_header_mails_a_link_to_the_configured_address_only()
    {
        var user = await TestUser.RegisterAsync(Http);
        using var forgot = new HttpRequestMessage(HttpMethod.Post, "/api/auth/password/forgot")
        {
            Content = JsonContent.Create(new { email = Email(user) }),
        };
        forgot.Headers.Host = "evil.example";

        var answer = await Http.SendAsync(forgot);
        var (message, token) = await MailSink.WaitForAsync(fixture.MailFolder, Email(user), "reset-password");

        Assert.Equal(HttpStatusCode.Accepted, answer.StatusCode);
        Assert.Contains($"{GridCluster.EmailLinkBase}/reset-password?token={Uri.EscapeDataString(token)}", message.TextBody, StringComparison.Ordinal);
        Assert.DoesNotContain("evil.example", message.TextBody, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Forgot_for_an_unknown_address_answers_202_and_writes_and_sends_nothing()
    {
        var address = $"nobody-{Guid.NewGuid():N}@example.test";
        var before = await AccountsDatabase.FingerprintAsync(fixture.Grid);

        var unknown = await Http.PostAsJsonAsync("/api/auth/password/forgot", new { email = address });
        var notAnAddress = await Http.PostAsJsonAsync("/api/auth/password/forgot", new { email = "not an address" });

        Assert.Equal(HttpStatusCode.Accepted, unknown.StatusCode);
        Assert.Equal(HttpStatusCode.Accepted, notAnAddress.StatusCode);
        Assert.Equal(before, await AccountsDatabase.FingerprintAsync(fixture.Grid));
        Assert.Equal(0, await MailSink.CountAsync(fixture.MailFolder, address));
    }

    public static TheoryData<string, string?> BadForgets => new()
    {
        { "no body", null },
        { "no email", "{}" },
        { "blank email", """{"email":"  "}""" },
        { "too long", $$"""{"email":"{{new string('e', Limits.MaxEmailChars)}}@x.test"}""" },
        { "a number", """{"email":5}""" },
        { "malformed JSON", """{"email":""" },
    };

    [Theory]
    [MemberData(nameof(BadForgets))]
    public async Task Malformed_forgot_requests_answer_400_and_write_nothing(string why, string? body)
    {
        var before = await AccountsDatabase.FingerprintAsync(fixture.Grid);

        var response = await Http.SendRawAsync(null, HttpMethod.Post, "/api/auth/password/forgot", body);

        await response.AssertBadRequestAsync(why);
        Assert.Equal(before, await AccountsDatabase.FingerprintAsync(fixture.Grid));
    }

    [Fact]
    public async Task Bad_resets_answer_400_write_nothing_and_leave_the_token_usable()
    {
        var user = await TestUser.RegisterAsync(Http);
        await Http.PostAsJsonAsync("/api/auth/password/forgot", new { email = Email(user) });
        var (_, token) = await MailSink.WaitForAsync(fixture.MailFolder, Email(user), "reset-password");
        var before = await AccountsDatabase.FingerprintAsync(fixture.Grid);

        var attempts = new Dictionary<string, string?>
        {
            ["no body"] = null,
            ["no token"] = $$"""{"newPassword":"{{NewPassword}}"}""",
            ["no password"] = $$"""{"token":"{{token}}"}""",
            ["short password"] = $$"""{"token":"{{token}}","newPassword":"short"}""",
            ["long password"] = $$"""{"token":"{{token}}","newPassword":"{{new string('p', Limits.MaxPasswordChars + 1)}}"}""",
            ["common password"] = $$"""{"token":"{{token}}","newPassword":"Password123"}""",
            ["unknown token"] = $$"""{"token":"bm90LWEtcmVhbC10b2tlbi1hdC1hbGwtMDEyMzQ1Njc4OQ","newPassword":"{{NewPassword}}"}""",
            ["too long token"] = $$"""{"token":"{{new string('t', Limits.MaxEmailTokenChars + 1)}}","newPassword":"{{NewPassword}}"}""",
            ["malformed JSON"] = """{"token":""",
        };
        foreach (var (why, body) in attempts)
        {
            var response = await Http.SendRawAsync(null, HttpMethod.Post, "/api/auth/password/reset", body);
            await response.AssertBadRequestAsync(why);
        }

        Assert.Equal(before, await AccountsDatabase.FingerprintAsync(fixture.Grid));
        Assert.Equal(HttpStatusCode.NoContent, (await Http.PostAsJsonAsync("/api/auth/password/reset", new { token, newPassword = NewPassword })).StatusCode);
    }

    [Fact]
    public async Task An_expired_reset_token_answers_400_and_writes_nothing()
    {
        var user = await TestUser.RegisterAsync(Http);
        await Http.PostAsJsonAsync("/api/auth/password/forgot", new { email = Email(user) });
        var (_, token) = await MailSink.WaitForAsync(fixture.MailFolder, Email(user), "reset-password");
        await AccountsDatabase.ScalarAsync<object>(fixture.Grid,
            "UPDATE account_email_tokens SET expires_at = now() - interval '1 second' WHERE user_id = $1 AND purpose = 'reset_password'", user.UserId);
        var before = await AccountsDatabase.FingerprintAsync(fixture.Grid);

        var response = await Http.PostAsJsonAsync("/api/auth/password/reset", new { token, newPassword = NewPassword });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("bad_request", await response.ProblemCodeAsync());
        Assert.Equal(before, await AccountsDatabase.FingerprintAsync(fixture.Grid));
        Assert.Equal(HttpStatusCode.OK, (await Http.LoginAsync(user)).StatusCode);
    }

    [Fact]
    public async Task Forgot_mails_at_most_three_tokens_an_hour_and_still_answers_202()
    {
        var user = await TestUser.RegisterAsync(Http);
        for (var i = 0; i < Limits.MaxAccountEmailsPerHour + 2; i++)
        {
            Assert.Equal(HttpStatusCode.Accepted, (await Http.PostAsJsonAsync("/api/auth/password/forgot", new { email = Email(user) })).StatusCode);
        }

        Assert.Equal(Limits.MaxAccountEmailsPerHour, await AccountsDatabase.ScalarAsync<long>(fixture.Grid,
            "SELECT count(*) FROM account_email_tokens WHERE user_id = $1 AND purpose = 'reset_password'", user.UserId));
    }

    [Fact]
    public async Task A_reset_keeps_two_factor_on()
    {
        var user = await TestUser.RegisterAsync(Http);
        var setup = await (await Http.SendAsync(user, HttpMethod.Post, "/api/auth/2fa/setup")).JsonAsync();
        var secret = setup.GetProperty("secret").GetString()!;
        await Http.SendAsync(user, HttpMethod.Post, "/api/auth/2fa/confirm", new { code = TestTotp.CodeNow(secret) });
        await Http.PostAsJsonAsync("/api/auth/password/forgot", new { email = Email(user) });
        var (_, token) = await MailSink.WaitForAsync(fixture.MailFolder, Email(user), "reset-password");

        await Http.PostAsJsonAsync("/api/auth/password/reset", new { token, newPassword = NewPassword });
        var withoutCode = await Http.LoginAsync(user, password: NewPassword);

        Assert.Equal("totp_required", await withoutCode.ProblemCodeAsync());
    }

    [Fact]
    public async Task No_email_token_appears_in_any_log_line()
    {
        var user = await TestUser.RegisterAsync(Http);
        var (_, verifyToken) = await MailSink.WaitForAsync(fixture.MailFolder, Email(user), "verify-email");
        await Http.PostAsJsonAsync("/api/auth/password/forgot", new { email = Email(user) });
        var (_, resetToken) = await MailSink.WaitForAsync(fixture.MailFolder, Email(user), "reset-password");
        await Http.PostAsJsonAsync("/api/auth/email/verify", new { token = verifyToken });
        await Http.PostAsJsonAsync("/api/auth/password/reset", new { token = resetToken, newPassword = NewPassword });

        foreach (var line in CapturedLogs.Shared.Lines)
        {
            foreach (var secret in new[] { verifyToken, resetToken, NewPassword })
            {
                Assert.False(line.Contains(secret, StringComparison.Ordinal), $"a secret was logged: {line[..Math.Min(400, line.Length)]}");
            }
        }
    }

    private static string Email(TestUser user) => $"{user.Username}@example.test";
}
