using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using Chat.Accounts;
using Chat.Tests.Infrastructure;

namespace Chat.Tests.Accounts;

[Collection(AccountsCollection.Name)]
public sealed class TwoFactorTests(AccountsGrid fixture)
{
    private HttpClient Http => fixture.First.Http;

    [Fact]
    public void Codes_match_the_rfc_6238_sha1_test_vectors()
    {
        var key = Encoding.ASCII.GetBytes("12345678901234567890");

        Assert.Equal("94287082", TestTotp.Code(key, 59 / 30, digits: 8));
        Assert.Equal("287082", TestTotp.Code(key, 59 / 30));
        // The server's implementation against the same published vectors.
        Assert.Equal("94287082", Totp.Code(key, 59 / 30, digits: 8));
        Assert.Equal("07081804", Totp.Code(key, 1111111109 / 30, digits: 8));
        Assert.Equal("14050471", Totp.Code(key, 1111111111 / 30, digits: 8));
        Assert.Equal("89005924", Totp.Code(key, 1234567890 / 30, digits: 8));
        Assert.Equal("69279037", Totp.Code(key, 2000000000 / 30, digits: 8));
        Assert.Equal("287082", Totp.Code(key, Totp.StepAt(DateTimeOffset.FromUnixTimeSeconds(59))));
        Assert.Equal("GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ", Totp.EncodeSecret(key));
    }

    [Fact]
    public async Task Setup_returns_a_secret_and_provisioning_uri_and_stays_pending_until_confirmed()
    {
        var user = await TestUser.RegisterAsync(Http);

        var setup = await Http.SendAsync(user, HttpMethod.Post, "/api/auth/2fa/setup");
        var body = await setup.JsonAsync();
        var secret = body.GetProperty("secret").GetString()!;

        Assert.Equal(HttpStatusCode.OK, setup.StatusCode);
        Assert.Equal(20, TestTotp.DecodeBase32(secret).Length);
        Assert.Equal($"otpauth://totp/ChatGrid:{user.Username}?secret={secret}&issuer=ChatGrid&digits=6&period=30",
            body.GetProperty("provisioningUri").GetString());
        // Pending: logins still need only the password, and the status says off.
        Assert.Equal(HttpStatusCode.OK, (await Http.LoginAsync(user)).StatusCode);
        Assert.False((await (await Http.SendAsync(user, HttpMethod.Get, "/api/auth/2fa")).JsonAsync()).GetProperty("enabled").GetBoolean());

        // A second setup replaces the pending secret; a code for the first one no longer confirms.
        var again = await (await Http.SendAsync(user, HttpMethod.Post, "/api/auth/2fa/setup")).JsonAsync();
        var newSecret = again.GetProperty("secret").GetString()!;
        Assert.NotEqual(secret, newSecret);
        var stale = await Http.SendAsync(user, HttpMethod.Post, "/api/auth/2fa/confirm", new { code = TestTotp.CodeNow(secret) });
        Assert.Equal(HttpStatusCode.BadRequest, stale.StatusCode);
        var confirmed = await Http.SendAsync(user, HttpMethod.Post, "/api/auth/2fa/confirm", new { code = TestTotp.CodeNow(newSecret) });
        Assert.Equal(HttpStatusCode.OK, confirmed.StatusCode);
        Assert.True((await (await Http.SendAsync(user, HttpMethod.Get, "/api/auth/2fa")).JsonAsync()).GetProperty("enabled").GetBoolean());
    }

    [Fact]
    public async Task Confirm_turns_two_factor_on_with_ten_recovery_codes_stored_only_as_sha256_hashes()
    {
        var (user, _, recoveryCodes) = await EnableTwoFactorAsync();

        Assert.Equal(10, recoveryCodes.Count);
        Assert.Equal(10, recoveryCodes.Distinct().Count());
        var storedHashes = await HashesAsync(user.UserId);
        Assert.Equal(10, storedHashes.Count);
        foreach (var code in recoveryCodes)
        {
            var hash = SHA256.HashData(Encoding.UTF8.GetBytes(code.Replace("-", "", StringComparison.Ordinal)));
            Assert.Contains(storedHashes, h => h.SequenceEqual(hash));
        }

        var missing = await Http.LoginAsync(user);
        Assert.Equal(HttpStatusCode.Unauthorized, missing.StatusCode);
        Assert.Equal("totp_required", await missing.ProblemCodeAsync());
    }

    [Fact]
    public async Task A_login_code_works_once_and_a_wrong_or_older_code_answers_401()
    {
        var (user, secret, _) = await EnableTwoFactorAsync();
        // Confirming used this step's code, so the next step's (inside the ±1 window) is the first unused one.
        var next = TestTotp.CodeNow(secret, +1);
        var wrong = next == "000000" ? "000001" : "000000";

        var wrongAnswer = await Http.LoginAsync(user, wrong);
        var accepted = await Http.LoginAsync(user, next);
        var reused = await Http.LoginAsync(user, next);
        var older = await Http.LoginAsync(user, TestTotp.CodeNow(secret, -1));
        var tooFarAhead = await Http.LoginAsync(user, TestTotp.CodeNow(secret, +3));

        Assert.Equal(HttpStatusCode.Unauthorized, wrongAnswer.StatusCode);
        Assert.Equal("unauthorized", await wrongAnswer.ProblemCodeAsync());
        Assert.Equal(HttpStatusCode.OK, accepted.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, reused.StatusCode);
        Assert.Equal("unauthorized", await reused.ProblemCodeAsync());
        Assert.Equal(HttpStatusCode.Unauthorized, older.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, tooFarAhead.StatusCode);
        // A wrong password with a right code is still a wrong password.
        var wrongPassword = await Http.LoginAsync(user, TestTotp.CodeNow(secret, +1), password: "wrong-password-123");
        Assert.Equal("unauthorized", await wrongPassword.ProblemCodeAsync());
    }

    [Fact]
    public async Task A_recovery_code_is_accepted_once_in_place_of_a_totp_code()
    {
        var (user, _, recoveryCodes) = await EnableTwoFactorAsync();

        var first = await Http.LoginAsync(user, recoveryCodes[0]);
        var again = await Http.LoginAsync(user, recoveryCodes[0]);
        var typedLoosely = await fixture.Second.Http.LoginAsync(user, " " + recoveryCodes[1].ToUpperInvariant().Replace("-", "", StringComparison.Ordinal));

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, again.StatusCode);
        Assert.Equal("unauthorized", await again.ProblemCodeAsync());
        Assert.Equal(HttpStatusCode.OK, typedLoosely.StatusCode);
        Assert.Equal(2L, await AccountsDatabase.ScalarAsync<long>(fixture.Grid,
            "SELECT count(*) FROM account_recovery_codes WHERE user_id = $1 AND used_at IS NOT NULL", user.UserId));
    }

    [Fact]
    public async Task Wrong_totp_codes_count_as_failed_logins_for_the_throttle()
    {
        var (user, secret, _) = await EnableTwoFactorAsync();
        var right = TestTotp.CodeNow(secret, +1);
        var wrong = right == "000000" ? "000001" : "000000";
        for (var i = 0; i < new Chat.RateLimits.AbuseLimits().LoginFreeFailuresPerSource + 1; i++)
        {
            Assert.Equal(HttpStatusCode.Unauthorized, (await Http.LoginAsync(user, wrong)).StatusCode);
        }

        var locked = await fixture.Second.Http.LoginAsync(user, right);

        Assert.Equal(HttpStatusCode.TooManyRequests, locked.StatusCode);
        Assert.Equal("rate_limited", await locked.ProblemCodeAsync());
    }

    [Fact]
    public async Task Disable_needs_the_password_and_a_current_code_and_then_logins_need_only_the_password()
    {
        var (user, secret, _) = await EnableTwoFactorAsync();
        var before = await AccountsDatabase.FingerprintAsync(fixture.Grid);

        var wrongPassword = await Http.SendAsync(user, HttpMethod.Post, "/api/auth/2fa/disable",
            new { password = "wrong-password-123", code = TestTotp.CodeNow(secret, +1) });
        var wrongCode = await Http.SendAsync(user, HttpMethod.Post, "/api/auth/2fa/disable",
            new { password = user.Password, code = "12345" });

        Assert.Equal(HttpStatusCode.Forbidden, wrongPassword.StatusCode);
        Assert.Equal("forbidden", await wrongPassword.ProblemCodeAsync());
        Assert.Equal(HttpStatusCode.Forbidden, wrongCode.StatusCode);
        Assert.Equal(before, await AccountsDatabase.FingerprintAsync(fixture.Grid));

        var disabled = await Http.SendAsync(user, HttpMethod.Post, "/api/auth/2fa/disable",
            new { password = user.Password, code = TestTotp.CodeNow(secret, +1) });
        Assert.Equal(HttpStatusCode.NoContent, disabled.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await Http.LoginAsync(user)).StatusCode);
        Assert.Equal(0L, await AccountsDatabase.ScalarAsync<long>(fixture.Grid,
            "SELECT count(*) FROM account_recovery_codes WHERE user_id = $1", user.UserId));
    }

    public static TheoryData<string, string?, HttpStatusCode, string> BadConfirmations => new()
    {
        { "no body", null, HttpStatusCode.BadRequest, "bad_request" },
        { "no code", "{}", HttpStatusCode.BadRequest, "bad_request" },
        { "letters", """{"code":"abcdef"}""", HttpStatusCode.BadRequest, "bad_request" },
        { "five digits", """{"code":"12345"}""", HttpStatusCode.BadRequest, "bad_request" },
        { "seven digits", """{"code":"1234567"}""", HttpStatusCode.BadRequest, "bad_request" },
        { "a number, not a string", """{"code":123456}""", HttpStatusCode.BadRequest, "bad_request" },
        { "malformed JSON", """{"code":""", HttpStatusCode.BadRequest, "bad_request" },
        { "too long", $$"""{"code":"{{new string('1', 65)}}"}""", HttpStatusCode.BadRequest, "bad_request" },
    };

    [Theory]
    [MemberData(nameof(BadConfirmations))]
    public async Task Bad_confirmations_answer_their_status_and_write_nothing(string why, string? body, HttpStatusCode status, string code)
    {
        var user = await TestUser.RegisterAsync(Http);
        await Http.SendAsync(user, HttpMethod.Post, "/api/auth/2fa/setup");
        var before = await AccountsDatabase.FingerprintAsync(fixture.Grid);

        var response = await Http.SendRawAsync(user, HttpMethod.Post, "/api/auth/2fa/confirm", body);

        Assert.True(response.StatusCode == status, $"{why}: {response.StatusCode}");
        Assert.Equal(code, await response.ProblemCodeAsync());
        Assert.Equal(before, await AccountsDatabase.FingerprintAsync(fixture.Grid));
    }

    [Fact]
    public async Task Out_of_order_two_factor_calls_answer_409_or_401_and_write_nothing()
    {
        var fresh = await TestUser.RegisterAsync(Http);
        var (enabled, secret, _) = await EnableTwoFactorAsync();
        var before = await AccountsDatabase.FingerprintAsync(fixture.Grid);

        var confirmWithoutSetup = await Http.SendAsync(fresh, HttpMethod.Post, "/api/auth/2fa/confirm", new { code = "123456" });
        var disableWhenOff = await Http.SendAsync(fresh, HttpMethod.Post, "/api/auth/2fa/disable", new { password = fresh.Password, code = "123456" });
        var setupWhenOn = await Http.SendAsync(enabled, HttpMethod.Post, "/api/auth/2fa/setup");
        var confirmWhenOn = await Http.SendAsync(enabled, HttpMethod.Post, "/api/auth/2fa/confirm", new { code = TestTotp.CodeNow(secret, +1) });
        var disableWithoutCode = await Http.SendAsync(enabled, HttpMethod.Post, "/api/auth/2fa/disable", new { password = enabled.Password });
        var anonymous = await Http.SendRawAsync(null, HttpMethod.Post, "/api/auth/2fa/setup", "{}");
        var tooLongTotp = await Http.LoginAsync(enabled, new string('1', 65));

        Assert.Equal("conflict", await confirmWithoutSetup.ProblemCodeAsync());
        Assert.Equal(HttpStatusCode.Conflict, confirmWithoutSetup.StatusCode);
        Assert.Equal("conflict", await disableWhenOff.ProblemCodeAsync());
        Assert.Equal("conflict", await setupWhenOn.ProblemCodeAsync());
        Assert.Equal("conflict", await confirmWhenOn.ProblemCodeAsync());
        Assert.Equal(HttpStatusCode.BadRequest, disableWithoutCode.StatusCode);
        Assert.Equal("bad_request", await disableWithoutCode.ProblemCodeAsync());
        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, tooLongTotp.StatusCode);
        Assert.Equal(before, await AccountsDatabase.FingerprintAsync(fixture.Grid));
    }

    [Fact]
    public async Task No_totp_secret_or_recovery_code_appears_in_any_log_line()
    {
        var (user, secret, recoveryCodes) = await EnableTwoFactorAsync();
        await Http.LoginAsync(user, recoveryCodes[0]);
        await Http.LoginAsync(user, recoveryCodes[0]);
        await Http.LoginAsync(user, TestTotp.CodeNow(secret, +1));

        var secrets = recoveryCodes.Append(secret).Append(user.Password).ToList();
        foreach (var line in CapturedLogs.Shared.Lines)
        {
            foreach (var value in secrets)
            {
                Assert.False(line.Contains(value, StringComparison.OrdinalIgnoreCase), $"a secret was logged: {line[..Math.Min(400, line.Length)]}");
            }
        }
    }

    private async Task<(TestUser User, string Secret, IReadOnlyList<string> RecoveryCodes)> EnableTwoFactorAsync()
    {
        var user = await TestUser.RegisterAsync(Http);
        var setup = await (await Http.SendAsync(user, HttpMethod.Post, "/api/auth/2fa/setup")).JsonAsync();
        var secret = setup.GetProperty("secret").GetString()!;
        var confirm = await Http.SendAsync(user, HttpMethod.Post, "/api/auth/2fa/confirm", new { code = TestTotp.CodeNow(secret) });
        Assert.Equal(HttpStatusCode.OK, confirm.StatusCode);
        var codes = (await confirm.JsonAsync()).GetProperty("recoveryCodes").EnumerateArray().Select(c => c.GetString()!).ToList();
        return (user, secret, codes);
    }

    private async Task<List<byte[]>> HashesAsync(Guid userId)
    {
        await using var dataSource = fixture.Grid.Database.CreateDataSource();
        await using var command = dataSource.CreateCommand("SELECT code_hash FROM account_recovery_codes WHERE user_id = $1");
        command.Parameters.AddWithValue(userId);
        var hashes = new List<byte[]>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            hashes.Add((byte[])reader[0]);
        }

        return hashes;
    }
}
