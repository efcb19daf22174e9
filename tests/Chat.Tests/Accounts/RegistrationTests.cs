using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Chat.Tests.Infrastructure;

namespace Chat.Tests.Accounts;

[Collection(AccountsCollection.Name)]
public sealed class RegistrationTests(AccountsGrid fixture)
{
    public static TheoryData<string, string> BadRegistrations => new()
    {
        { "{}", "missing everything" },
        { """{"username":"","email":"a@b.test","password":"correct-horse-battery-9"}""", "empty username" },
        { """{"username":"ab","email":"a@b.test","password":"correct-horse-battery-9"}""", "username too short" },
        { $$"""{"username":"{{new string('a', 33)}}","email":"a@b.test","password":"correct-horse-battery-9"}""", "username too long" },
        { """{"username":"has space","email":"a@b.test","password":"correct-horse-battery-9"}""", "malformed username" },
        { """{"username":"fine_name","email":"not-an-email","password":"correct-horse-battery-9"}""", "malformed email" },
        { """{"username":"fine_name","email":"a@b.test","password":"short"}""", "password too short" },
        { $$"""{"username":"fine_name","email":"a@b.test","password":"{{new string('p', 129)}}"}""", "password too long" },
        { """{"username":"fine_name","email":"a@b.test","password":"Password123"}""", "common password" },
        { """{"username":"fine_name","email":"a@b.test","password":"correct-horse-battery-9","displayName":"   "}""", "blank display name" },
        { """{"username":""", "malformed JSON" },
    };

    [Theory]
    [MemberData(nameof(BadRegistrations))]
    public async Task Bad_sign_up_input_answers_400_and_writes_nothing(string body, string why)
    {
        var before = await CountAccountsAsync();

        var response = await fixture.First.Http.PostAsync("/api/auth/register", new StringContent(body, System.Text.Encoding.UTF8, "application/json"));

        Assert.True(response.StatusCode == HttpStatusCode.BadRequest, $"{why}: {response.StatusCode}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("bad_request", (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("code").GetString());
        Assert.Equal(before, await CountAccountsAsync());
    }

    [Fact]
    public async Task A_username_differing_only_by_case_or_unicode_form_is_taken_and_such_an_email_only_claimed()
    {
        var suffix = Guid.NewGuid().ToString("N")[..8];
        var first = await Register($"alice_{suffix}", $"alice-{suffix}@example.test");
        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        var before = await CountAccountsAsync();

        // Upper case, and the fullwidth forms NFKC folds to ASCII.
        var byCase = await Register($"ALICE_{suffix}", $"x{suffix}@example.test");
        var byWidth = await Register($"\uFF41lice_{suffix}", $"y{suffix}@example.test");
        var byEmailCase = await Register($"bob_{suffix}", $"ALICE-{suffix}@EXAMPLE.test");
        var byEmailWidth = await Register($"carol_{suffix}", $"\uFF41lice-{suffix}@example.test");

        Assert.Equal(HttpStatusCode.Conflict, byCase.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, byWidth.StatusCode);
        Assert.Equal("conflict", (await byCase.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("code").GetString());

        // A taken address answers as a free one would (SignUpUniformityTests); it is kept only as a claim.
        Assert.Equal(HttpStatusCode.Created, byEmailCase.StatusCode);
        Assert.Equal(HttpStatusCode.Created, byEmailWidth.StatusCode);
        Assert.Equal(before + 2, await CountAccountsAsync());
        await using var dataSource = fixture.Grid.Database.CreateDataSource();
        await using var command = dataSource.CreateCommand("SELECT count(*) FROM accounts WHERE email_key = $1");
        command.Parameters.AddWithValue($"alice-{suffix}@example.test");
        Assert.Equal(1L, await command.ExecuteScalarAsync());
    }

    private Task<HttpResponseMessage> Register(string username, string email) =>
        fixture.First.Http.PostAsJsonAsync("/api/auth/register", new { username, email, password = TestUser.DefaultPassword });

    private async Task<long> CountAccountsAsync()
    {
        await using var dataSource = fixture.Grid.Database.CreateDataSource();
        await using var command = dataSource.CreateCommand("SELECT count(*) FROM accounts");
        return (long)(await command.ExecuteScalarAsync())!;
    }
}
