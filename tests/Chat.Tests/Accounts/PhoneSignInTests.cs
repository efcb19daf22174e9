using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using Chat.Tests.Infrastructure;

namespace Chat.Tests.Accounts;

[Collection(AccountsCollection.Name)]
public sealed class PhoneSignInTests(AccountsGrid fixture)
{
    private readonly HashSet<string> _seen = [];

    private HttpClient Http => fixture.First.Http;

    public static string NewPhone() => "+4917" + RandomNumberGenerator.GetInt32(100_000_000, 999_999_999);

    [Fact]
    public async Task A_verified_phone_signs_in_with_a_texted_code_once()
    {
        var user = await TestUser.RegisterAsync(Http);
        var phone = NewPhone();
        var typed = $"{phone[..3]} ({phone[3..6]}) {phone[6..9]}-{phone[9..]}";

        var set = await Http.SendAsync(user, HttpMethod.Put, "/api/users/me/phone", new { phone = typed });
        var verifyCode = await SmsSink.WaitForCodeAsync(fixture.SmsFolder, phone, "verify-phone", _seen);
        var verify = await Http.SendAsync(user, HttpMethod.Post, "/api/users/me/phone/verify", new { code = verifyCode });
        var start = await fixture.Second.Http.PostAsJsonAsync("/api/auth/phone/start", new { phone = typed });
        var loginCode = await SmsSink.WaitForCodeAsync(fixture.SmsFolder, phone, "phone-login", _seen);
        var login = await Http.PostAsJsonAsync("/api/auth/phone/login", new { phone, code = loginCode });
        var replay = await Http.PostAsJsonAsync("/api/auth/phone/login", new { phone, code = loginCode });

        Assert.Equal(HttpStatusCode.Accepted, set.StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, verify.StatusCode);
        Assert.Equal(HttpStatusCode.Accepted, start.StatusCode);
        Assert.Equal(HttpStatusCode.OK, login.StatusCode);
        var tokens = (await login.Content.ReadFromJsonAsync<TestUser.TokenBody>())!;
        Assert.Equal(user.UserId, tokens.UserId);
        Assert.Equal(HttpStatusCode.OK, (await Http.SendAsync(user with { AccessToken = tokens.AccessToken }, HttpMethod.Get, "/api/users/me")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, replay.StatusCode);
        Assert.Equal("unauthorized", await replay.ProblemCodeAsync());
        Assert.Equal(phone, await AccountsDatabase.ScalarAsync<string>(fixture.Grid, "SELECT phone FROM account_phones WHERE user_id = $1", user.UserId));
    }

    [Fact]
    public async Task Codes_are_stored_only_as_a_hash_of_phone_and_code()
    {
        var user = await TestUser.RegisterAsync(Http);
        var phone = NewPhone();

        await Http.SendAsync(user, HttpMethod.Put, "/api/users/me/phone", new { phone });
        var code = await SmsSink.WaitForCodeAsync(fixture.SmsFolder, phone, "verify-phone", _seen);
        var stored = await AccountsDatabase.ScalarAsync<byte[]>(fixture.Grid, "SELECT code_hash FROM account_phone_codes WHERE user_id = $1", user.UserId);

        Assert.Equal(SHA256.HashData(Encoding.UTF8.GetBytes($"{phone}:{code}")), stored);
    }

    public static TheoryData<string, string?> BadPhones => new()
    {
        { "no body", null },
        { "no phone", "{}" },
        { "no plus", """{"phone":"491701234567"}""" },
        { "7 digits", """{"phone":"+1234567"}""" },
        { "16 digits", """{"phone":"+1234567890123456"}""" },
        { "letters", """{"phone":"+49170abc4567"}""" },
        { "a number", """{"phone":491701234567}""" },
        { "too long input", $$"""{"phone":"+49{{new string(' ', 40)}}1701234567"}""" },
        { "malformed JSON", """{"phone":""" },
    };

    [Theory]
    [MemberData(nameof(BadPhones))]
    public async Task Bad_phones_answer_400_and_write_and_send_nothing(string why, string? body)
    {
        var user = await TestUser.RegisterAsync(Http);
        var before = await AccountsDatabase.FingerprintAsync(fixture.Grid);

        var set = await Http.SendRawAsync(user, HttpMethod.Put, "/api/users/me/phone", body);
        var start = await Http.SendRawAsync(null, HttpMethod.Post, "/api/auth/phone/start", body);
        var login = await Http.SendRawAsync(null, HttpMethod.Post, "/api/auth/phone/login", body);

        foreach (var response in new[] { set, start, login })
        {
            await response.AssertBadRequestAsync(why);
        }

        Assert.Equal(before, await AccountsDatabase.FingerprintAsync(fixture.Grid));
    }

    public static TheoryData<string, string?> BadCodes => new()
    {
        { "no code", "{}" },
        { "five digits", """{"code":"12345"}""" },
        { "seven digits", """{"code":"1234567"}""" },
        { "letters", """{"code":"12a456"}""" },
        { "a number", """{"code":123456}""" },
    };

    [Theory]
    [MemberData(nameof(BadCodes))]
    public async Task Bad_code_shapes_answer_400_and_write_nothing(string why, string? body)
    {
        var user = await TestUser.RegisterAsync(Http);
        var before = await AccountsDatabase.FingerprintAsync(fixture.Grid);

        var verify = await Http.SendRawAsync(user, HttpMethod.Post, "/api/users/me/phone/verify", body);

        await verify.AssertBadRequestAsync(why);
        Assert.Equal(before, await AccountsDatabase.FingerprintAsync(fixture.Grid));
    }

    [Fact]
    public async Task Verify_with_no_pending_phone_answers_409()
    {
        var user = await TestUser.RegisterAsync(Http);

        var verify = await Http.SendAsync(user, HttpMethod.Post, "/api/users/me/phone/verify", new { code = "123456" });

        Assert.Equal(HttpStatusCode.Conflict, verify.StatusCode);
        Assert.Equal("conflict", await verify.ProblemCodeAsync());
    }

    [Fact]
    public async Task A_phone_verified_by_another_account_answers_202_like_a_free_one_texts_nothing_and_never_verifies()
    {
        var (owner, phone) = await RegisterWithVerifiedPhoneAsync();
        var other = await TestUser.RegisterAsync(Http);
        var texts = await SmsSink.CountAsync(fixture.SmsFolder, phone);

        var set = await Http.SendAsync(other, HttpMethod.Put, "/api/users/me/phone", new { phone });
        var free = await Http.SendAsync(other, HttpMethod.Put, "/api/users/me/phone", new { phone = NewPhone() });
        await Http.SendAsync(other, HttpMethod.Put, "/api/users/me/phone", new { phone });
        var guess = await Http.SendAsync(other, HttpMethod.Post, "/api/users/me/phone/verify", new { code = "123456" });

        Assert.Equal(HttpStatusCode.Accepted, set.StatusCode);
        Assert.Equal(free.StatusCode, set.StatusCode);
        Assert.Equal(await free.Content.ReadAsStringAsync(), await set.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.Unauthorized, guess.StatusCode);
        Assert.Equal("unauthorized", await guess.ProblemCodeAsync());
        Assert.Equal(texts, await SmsSink.CountAsync(fixture.SmsFolder, phone));
        Assert.Equal(owner.UserId, await AccountsDatabase.ScalarAsync<Guid>(fixture.Grid, "SELECT user_id FROM account_phones WHERE phone = $1", phone));
    }

    [Fact]
    public async Task Phone_login_answers_an_unregistered_number_exactly_as_a_wrong_code_for_a_registered_one()
    {
        var (_, phone) = await RegisterWithVerifiedPhoneAsync();
        await Http.PostAsJsonAsync("/api/auth/phone/start", new { phone });
        var code = await SmsSink.WaitForCodeAsync(fixture.SmsFolder, phone, "phone-login", _seen);
        var wrong = code == "000000" ? "000001" : "000000";
        var unknown = NewPhone();

        var unknownStart = await Http.PostAsJsonAsync("/api/auth/phone/start", new { phone = unknown });
        var registered = await Http.PostAsJsonAsync("/api/auth/phone/login", new { phone, code = wrong });
        var unregistered = await Http.PostAsJsonAsync("/api/auth/phone/login", new { phone = unknown, code = wrong });

        Assert.Equal(HttpStatusCode.Accepted, unknownStart.StatusCode);
        Assert.Equal(registered.StatusCode, unregistered.StatusCode);
        Assert.Equal(await registered.Content.ReadAsStringAsync(), await unregistered.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Start_for_an_unknown_or_unverified_phone_answers_202_and_writes_and_sends_nothing()
    {
        var unknown = NewPhone();
        var before = await AccountsDatabase.FingerprintAsync(fixture.Grid);

        var start = await Http.PostAsJsonAsync("/api/auth/phone/start", new { phone = unknown });
        var login = await Http.PostAsJsonAsync("/api/auth/phone/login", new { phone = unknown, code = "123456" });

        Assert.Equal(HttpStatusCode.Accepted, start.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, login.StatusCode);
        Assert.Equal("unauthorized", await login.ProblemCodeAsync());
        Assert.Equal(before, await AccountsDatabase.FingerprintAsync(fixture.Grid));
        Assert.Equal(0, await SmsSink.CountAsync(fixture.SmsFolder, unknown));
    }

    [Fact]
    public async Task After_five_wrong_codes_even_the_right_code_is_refused()
    {
        var (_, phone) = await RegisterWithVerifiedPhoneAsync();
        await Http.PostAsJsonAsync("/api/auth/phone/start", new { phone });
        var code = await SmsSink.WaitForCodeAsync(fixture.SmsFolder, phone, "phone-login", _seen);
        var wrong = code == "000000" ? "000001" : "000000";

        for (var i = 0; i < 5; i++)
        {
            var attempt = await Http.PostAsJsonAsync("/api/auth/phone/login", new { phone, code = wrong });
            Assert.Equal(HttpStatusCode.Unauthorized, attempt.StatusCode);
        }

        var right = await Http.PostAsJsonAsync("/api/auth/phone/login", new { phone, code });

        Assert.Equal(HttpStatusCode.Unauthorized, right.StatusCode);
        Assert.Equal("unauthorized", await right.ProblemCodeAsync());
    }

    [Fact]
    public async Task An_expired_code_is_refused()
    {
        var (_, phone) = await RegisterWithVerifiedPhoneAsync();
        await Http.PostAsJsonAsync("/api/auth/phone/start", new { phone });
        var code = await SmsSink.WaitForCodeAsync(fixture.SmsFolder, phone, "phone-login", _seen);
        await AccountsDatabase.ScalarAsync<object>(fixture.Grid,
            "UPDATE account_phone_codes SET expires_at = now() - interval '1 second' WHERE phone = $1 AND purpose = 'login'", phone);

        var login = await Http.PostAsJsonAsync("/api/auth/phone/login", new { phone, code });

        Assert.Equal(HttpStatusCode.Unauthorized, login.StatusCode);
    }

    [Fact]
    public async Task At_most_three_codes_go_to_a_phone_per_hour()
    {
        var user = await TestUser.RegisterAsync(Http);
        var phone = NewPhone();
        for (var i = 0; i < 3; i++)
        {
            Assert.Equal(HttpStatusCode.Accepted, (await Http.SendAsync(user, HttpMethod.Put, "/api/users/me/phone", new { phone })).StatusCode);
        }

        var before = await AccountsDatabase.FingerprintAsync(fixture.Grid);
        var fourth = await Http.SendAsync(user, HttpMethod.Put, "/api/users/me/phone", new { phone });

        Assert.Equal(HttpStatusCode.TooManyRequests, fourth.StatusCode);
        Assert.Equal("rate_limited", await fourth.ProblemCodeAsync());
        Assert.NotNull(fourth.Headers.RetryAfter);
        Assert.Equal(before, await AccountsDatabase.FingerprintAsync(fixture.Grid));
        await WaitForTextsAsync(phone, 3);
    }

    [Fact]
    public async Task Login_codes_count_against_the_same_hourly_limit_and_further_starts_still_answer_202()
    {
        var (_, phone) = await RegisterWithVerifiedPhoneAsync();
        for (var i = 0; i < 3; i++)
        {
            Assert.Equal(HttpStatusCode.Accepted, (await Http.PostAsJsonAsync("/api/auth/phone/start", new { phone })).StatusCode);
        }

        await WaitForTextsAsync(phone, 3);
    }

    // Texts leave off the request path, so a count is awaited; a fourth would show up as fast as the third.
    private async Task WaitForTextsAsync(string phone, int count)
    {
        for (var i = 0; i < 50 && await SmsSink.CountAsync(fixture.SmsFolder, phone) < count; i++)
        {
            await Task.Delay(100);
        }

        await Task.Delay(200);
        Assert.Equal(count, await SmsSink.CountAsync(fixture.SmsFolder, phone));
    }

    private async Task<(TestUser User, string Phone)> RegisterWithVerifiedPhoneAsync()
    {
        var user = await TestUser.RegisterAsync(Http);
        var phone = NewPhone();
        (await Http.SendAsync(user, HttpMethod.Put, "/api/users/me/phone", new { phone })).EnsureSuccessStatusCode();
        var code = await SmsSink.WaitForCodeAsync(fixture.SmsFolder, phone, "verify-phone", _seen);
        (await Http.SendAsync(user, HttpMethod.Post, "/api/users/me/phone/verify", new { code })).EnsureSuccessStatusCode();
        return (user, phone);
    }
}
