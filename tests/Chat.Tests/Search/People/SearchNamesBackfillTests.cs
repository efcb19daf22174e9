using Chat.Search.People;
using Chat.Tests.Accounts;
using Chat.Tests.Infrastructure;
using Microsoft.Extensions.Logging.Abstractions;

namespace Chat.Tests.Search.People;

[Collection(SearchCollection.Name)]
public sealed class SearchNamesBackfillTests(SearchGrid grid)
{
    [Fact]
    public async Task Accounts_from_before_people_search_get_their_exact_folded_names()
    {
        var tag = PeopleSearchApi.Tag();
        var caller = await TestUser.RegisterAsync(grid.First.Http);
        var newer = await TestUser.RegisterAsync(grid.First.Http, displayName: $"Zoë {tag}");
        var older = Guid.NewGuid();
        // As 0520 leaves a row from before it: no folded username, words approximated (accents kept).
        await AccountsDatabase.ScalarAsync<object>(grid.Grid, """
            INSERT INTO accounts (user_id, username, username_key, email, email_key, password_hash, display_name, search_names)
            VALUES ($1, $2, $2, $2 || '@example.test', $2 || '@example.test', '', $3, array_to_tsvector(ARRAY[$2, 'josé', 'müller', lower($4)]))
            """, older, $"{tag}old", $"José Müller {tag}", tag);
        await AccountsDatabase.ScalarAsync<object>(grid.Grid, "UPDATE accounts SET username_folded = NULL WHERE user_id = $1", newer.UserId);
        var before = await grid.FindPeopleIdsAsync(caller, $"jose {tag}");
        await using var dataSource = grid.Grid.Database.CreateDataSource();
        var backfill = new SearchNamesBackfill(dataSource, NullLogger<SearchNamesBackfill>.Instance);

        while (await backfill.RunBatchAsync() > 0)
        {
        }

        Assert.Empty(before);
        Assert.Equal([older], await grid.FindPeopleIdsAsync(caller, $"jose mull {tag}"));
        Assert.Equal([older], await grid.FindPeopleIdsAsync(caller, tag[2..] + "ol")); // the username substring, now folded
        Assert.Equal([newer.UserId], await grid.FindPeopleIdsAsync(caller, $"zoe {tag}"));
        Assert.Equal(0, await AccountsDatabase.ScalarAsync<long>(grid.Grid, "SELECT count(*) FROM accounts WHERE username_folded IS NULL AND deleted_at IS NULL"));
    }
}
