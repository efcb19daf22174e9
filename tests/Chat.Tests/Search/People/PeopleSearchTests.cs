using System.Net;
using Chat.Tests.Accounts;
using Chat.Tests.Files.Attachments;
using Chat.Tests.Infrastructure;

namespace Chat.Tests.Search.People;

[Collection(SearchCollection.Name)]
public sealed class PeopleSearchTests(SearchGrid grid)
{
    private HttpClient Http => grid.First.Http;

    [Fact]
    public async Task Usernames_are_found_by_prefix_by_a_word_after_punctuation_and_by_substring()
    {
        var tag = PeopleSearchApi.Tag();
        var caller = await TestUser.RegisterAsync(Http);
        var ana = await TestUser.RegisterAsync(Http, $"{tag}_ana.silva", "Someone");

        var byPrefix = await grid.FindPeopleAsync(caller, tag[..6]);
        var byPart = await grid.FindPeopleIdsAsync(caller, $"silva {tag}");
        var bySubstring = await grid.FindPeopleAsync(caller, tag[3..] + "_an");
        var byUpperCase = await grid.FindPeopleIdsAsync(caller, $"{tag}_ANA".ToUpperInvariant());
        var byHandle = await grid.FindPeopleIdsAsync(caller, $"@{tag}");
        var byShortSubstring = await grid.FindPeopleIdsAsync(caller, tag[4..6]);

        Assert.Equal(ana.UserId, Assert.Single(byPrefix).UserId);
        Assert.Equal("username", byPrefix[0].MatchedBy);
        Assert.Equal($"{tag}_ana.silva", byPrefix[0].Username);
        Assert.Equal([ana.UserId], byPart);
        Assert.Equal("username", Assert.Single(bySubstring).MatchedBy);
        Assert.Equal([ana.UserId], byUpperCase);
        Assert.Equal([ana.UserId], byHandle);
        Assert.DoesNotContain(ana.UserId, byShortSubstring); // two characters: word prefixes only
    }

    public static TheoryData<string, string, string> Names => new()
    {
        { "accents", "José Álvarez", "jose alva" },
        { "accents asked", "Jose Alvarez", "JOSÉ álv" },
        { "full-width name", "ＴＡＲＯ Ｙａｍａｄａ", "taro yam" },
        { "full-width query", "Taro Yamada", "ｔａｒｏ" },
        { "CJK start", "山田太郎", "山田" },
        { "CJK later characters", "山田太郎", "太郎" },
        { "Korean", "김민준", "김민" },
        { "Arabic hamza", "أحمد علي", "احمد" },
        { "Arabic diacritics", "مُحَمَّد", "محمد" },
        { "hyphenated", "Anne-Marie Dupont", "marie" },
        { "case", "ELENA", "elena" },
    };

    [Theory]
    [MemberData(nameof(Names))]
    public async Task Display_names_are_found_by_the_prefix_of_any_word_whatever_the_case_accents_width_or_script(string why, string displayName, string query)
    {
        var tag = PeopleSearchApi.Tag();
        var caller = await TestUser.RegisterAsync(Http);
        var person = await TestUser.RegisterAsync(Http, displayName: $"{displayName} {tag}");

        var found = await grid.FindPeopleAsync(caller, $"{query} {tag}");

        var hit = Assert.Single(found);
        Assert.True(hit.UserId == person.UserId, why);
        Assert.Equal("displayName", hit.MatchedBy);
        Assert.Equal($"{displayName} {tag}", hit.DisplayName);
    }

    [Fact]
    public async Task A_renamed_user_is_found_by_the_new_name_and_no_longer_by_the_old()
    {
        var tag = PeopleSearchApi.Tag();
        var caller = await TestUser.RegisterAsync(Http);
        var person = await TestUser.RegisterAsync(Http, displayName: $"Oldname {tag}");
        (await Http.SendAsync(person, HttpMethod.Patch, "/api/users/me/profile", new { displayName = $"Zoë Newname {tag}" })).EnsureSuccessStatusCode();

        Assert.Empty(await grid.FindPeopleIdsAsync(caller, $"oldname {tag}"));
        Assert.Equal([person.UserId], await grid.FindPeopleIdsAsync(caller, $"zoe newn {tag}"));
    }

    [Fact]
    public async Task An_email_address_finds_its_verified_owner_only_when_given_whole()
    {
        var caller = await TestUser.RegisterAsync(Http);
        var person = await TestUser.RegisterAsync(Http);
        var unverified = await TestUser.RegisterAsync(Http);
        await grid.VerifyEmailAsync(person);
        var email = $"{person.Username}@example.test";

        var exact = await grid.FindPeopleAsync(caller, email);
        var otherCase = await grid.FindPeopleIdsAsync(caller, $"  {email.ToUpperInvariant()} ");
        var partials = new List<IReadOnlyList<Guid>>();
        foreach (var partial in new[] { $"{person.Username}@example", $"{person.Username}@", $"{person.Username[..8]}@example.test", "@example.test", email[..^1] })
        {
            partials.Add(await grid.FindPeopleIdsAsync(caller, partial));
        }

        Assert.Equal(person.UserId, Assert.Single(exact).UserId);
        Assert.Equal("email", exact[0].MatchedBy);
        Assert.Equal([person.UserId], otherCase);
        Assert.All(partials, Assert.Empty);
        Assert.Empty(await grid.FindPeopleIdsAsync(caller, $"{unverified.Username}@example.test"));
    }

    [Fact]
    public async Task A_phone_number_finds_its_verified_owner_only_when_given_whole()
    {
        var caller = await TestUser.RegisterAsync(Http);
        var person = await TestUser.RegisterAsync(Http);
        var phone = PeopleSearchApi.Phone();
        await grid.VerifyPhoneAsync(person, phone);

        var exact = await grid.FindPeopleAsync(caller, phone);
        var typed = await grid.FindPeopleIdsAsync(caller, $"{phone[..3]} {phone[3..7]}-{phone[7..]}");
        var partial = await grid.FindPeopleIdsAsync(caller, phone[..^1]);
        var withoutPlus = await grid.FindPeopleIdsAsync(caller, phone[1..]);

        Assert.Equal(person.UserId, Assert.Single(exact).UserId);
        Assert.Equal("phone", exact[0].MatchedBy);
        Assert.Equal([person.UserId], typed);
        Assert.Empty(partial);
        Assert.Empty(withoutPlus);
    }

    [Theory]
    [InlineData("email")]
    [InlineData("phone")]
    public async Task Finding_by_email_or_phone_follows_the_owners_setting_for_strangers_and_contacts(string by)
    {
        var owner = await TestUser.RegisterAsync(Http);
        var contact = await TestUser.RegisterAsync(Http);
        var stranger = await TestUser.RegisterAsync(Http);
        await grid.MakeContactsAsync(owner, contact);
        var phone = PeopleSearchApi.Phone();
        await grid.VerifyEmailAsync(owner);
        await grid.VerifyPhoneAsync(owner, phone);
        var query = by == "email" ? $"{owner.Username}@example.test" : phone;

        async Task<(bool Stranger, bool Contact)> FoundAsync() =>
            ((await grid.FindPeopleIdsAsync(stranger, query)).Contains(owner.UserId), (await grid.FindPeopleIdsAsync(contact, query)).Contains(owner.UserId));

        var everyoneByDefault = await FoundAsync();
        await SetAsync("contacts");
        var contacts = await FoundAsync();
        await SetAsync("nobody");
        var nobody = await FoundAsync();
        await SetAsync("everyone");
        var everyone = await FoundAsync();

        Assert.Equal((true, true), everyoneByDefault);
        Assert.Equal((false, true), contacts);
        Assert.Equal((false, false), nobody);
        Assert.Equal((true, true), everyone);

        Task SetAsync(string audience) => by == "email" ? grid.SetFindByAsync(owner, findByEmail: audience) : grid.SetFindByAsync(owner, findByPhone: audience);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task Users_across_a_block_either_way_are_never_found(bool callerBlocks)
    {
        var tag = PeopleSearchApi.Tag();
        var caller = await TestUser.RegisterAsync(Http);
        var other = await TestUser.RegisterAsync(Http, $"{tag}other", $"Other {tag}");
        var phone = PeopleSearchApi.Phone();
        await grid.VerifyEmailAsync(other);
        await grid.VerifyPhoneAsync(other, phone);
        await grid.MakeContactsAsync(caller, other);
        var before = await grid.FindPeopleIdsAsync(caller, tag);

        await (callerBlocks ? grid.BlockAsync(caller, other) : grid.BlockAsync(other, caller));

        Assert.Equal([other.UserId], before);
        Assert.Empty(await grid.FindPeopleIdsAsync(caller, tag));
        Assert.Empty(await grid.FindPeopleIdsAsync(caller, $"other {tag}"));
        Assert.Empty(await grid.FindPeopleIdsAsync(caller, $"{other.Username}@example.test"));
        Assert.Empty(await grid.FindPeopleIdsAsync(caller, phone));
        Assert.Empty(await grid.FindPeopleIdsAsync(other, $"{caller.Username}"));
    }

    [Fact]
    public async Task Deleted_accounts_are_never_found()
    {
        var tag = PeopleSearchApi.Tag();
        var caller = await TestUser.RegisterAsync(Http);
        var gone = await TestUser.RegisterAsync(Http, $"{tag}gone", $"Gone {tag}");
        await grid.VerifyEmailAsync(gone);
        var before = await grid.FindPeopleIdsAsync(caller, tag);

        (await Http.SendAsync(gone, HttpMethod.Delete, "/api/users/me", new { password = gone.Password })).EnsureSuccessStatusCode();

        Assert.Equal([gone.UserId], before);
        Assert.Empty(await grid.FindPeopleIdsAsync(caller, tag));
        Assert.Empty(await grid.FindPeopleIdsAsync(caller, $"gone {tag}"));
        Assert.Empty(await grid.FindPeopleIdsAsync(caller, $"{tag}gone@example.test"));
        Assert.Empty(await grid.FindPeopleIdsAsync(caller, "deleted"));
    }

    [Fact]
    public async Task The_caller_never_finds_themself()
    {
        var tag = PeopleSearchApi.Tag();
        var caller = await TestUser.RegisterAsync(Http, $"{tag}me", $"Me {tag}");
        await grid.VerifyEmailAsync(caller);

        Assert.Empty(await grid.FindPeopleIdsAsync(caller, tag));
        Assert.Empty(await grid.FindPeopleIdsAsync(caller, $"{tag}me@example.test"));
    }

    [Fact]
    public async Task Contacts_come_first_then_the_closest_matches()
    {
        var tag = PeopleSearchApi.Tag();
        var caller = await TestUser.RegisterAsync(Http);
        var wordPrefix = await TestUser.RegisterAsync(Http, $"x{tag}", $"{tag}sson Berg");
        var exactUsername = await TestUser.RegisterAsync(Http, tag, "Someone");
        var usernamePrefix = await TestUser.RegisterAsync(Http, $"{tag}abc", "Someone");
        var wholeWord = await TestUser.RegisterAsync(Http, $"y{tag}", $"Berg {tag}");
        var contact = await TestUser.RegisterAsync(Http, $"zz{tag}zz", "A contact");
        var oneWayOnly = await TestUser.RegisterAsync(Http, $"zzz{tag}", "Saved by the caller only");
        await grid.MakeContactsAsync(caller, contact);
        (await Http.SendAsync(caller, HttpMethod.Put, $"/api/users/me/contacts/{oneWayOnly.UserId}")).EnsureSuccessStatusCode();

        var found = await grid.FindPeopleIdsAsync(caller, tag);

        Assert.Equal([contact.UserId, exactUsername.UserId, usernamePrefix.UserId, wholeWord.UserId, wordPrefix.UserId, oneWayOnly.UserId], found);
    }

    [Fact]
    public async Task The_avatar_is_shown_only_as_the_profile_photo_setting_lets_the_caller_see_it()
    {
        var tag = PeopleSearchApi.Tag();
        var owner = await TestUser.RegisterAsync(Http, $"{tag}owner");
        var contact = await TestUser.RegisterAsync(Http);
        var stranger = await TestUser.RegisterAsync(Http);
        await grid.MakeContactsAsync(owner, contact);
        var avatar = await new FileRows(grid.Grid.Database).CompletedAsync(owner.UserId, purpose: "avatar");
        (await Http.SendAsync(owner, HttpMethod.Patch, "/api/users/me/profile", new { avatarFileId = avatar })).EnsureSuccessStatusCode();
        (await Http.SendAsync(owner, HttpMethod.Put, "/api/users/me/privacy",
            new { lastSeen = "everyone", profilePhoto = "contacts", readReceipts = "everyone" })).EnsureSuccessStatusCode();

        var seenByContact = Assert.Single(await grid.FindPeopleAsync(contact, tag)).AvatarFileId;
        var seenByStranger = Assert.Single(await grid.FindPeopleAsync(stranger, tag)).AvatarFileId;

        Assert.Equal(avatar, seenByContact);
        Assert.Null(seenByStranger);
    }

    [Fact]
    public async Task Limit_caps_the_answer()
    {
        var tag = PeopleSearchApi.Tag();
        var caller = await TestUser.RegisterAsync(Http);
        for (var i = 0; i < 3; i++)
        {
            await TestUser.RegisterAsync(Http, $"{tag}n{i}");
        }

        Assert.Equal(2, (await grid.FindPeopleAsync(caller, tag, limit: 2)).Count);
        Assert.Equal(3, (await grid.FindPeopleAsync(caller, tag)).Count);
        Assert.Single(await grid.FindPeopleAsync(caller, tag, limit: 1));
    }

    public static TheoryData<string, string> BadRequests => new()
    {
        { "no q", "/api/search/people" },
        { "empty q", "/api/search/people?q=" },
        { "only spaces", "/api/search/people?q=%20%20" },
        { "101 characters", "/api/search/people?q=" + new string('a', 101) },
        { "limit 0", "/api/search/people?q=ana&limit=0" },
        { "limit 51", "/api/search/people?q=ana&limit=51" },
        { "limit not a number", "/api/search/people?q=ana&limit=many" },
        { "conversations: no q", "/api/search/conversations" },
        { "conversations: empty q", "/api/search/conversations?q=" },
        { "conversations: 101 characters", "/api/search/conversations?q=" + new string('a', 101) },
        { "conversations: limit 0", "/api/search/conversations?q=ana&limit=0" },
    };

    [Theory]
    [MemberData(nameof(BadRequests))]
    public async Task Bad_queries_answer_400(string why, string path)
    {
        var caller = await TestUser.RegisterAsync(Http);

        var response = await Http.SendAsync(caller, HttpMethod.Get, path);

        await response.AssertBadRequestAsync(why);
    }

    [Fact]
    public async Task A_hundred_characters_is_a_query_and_search_needs_a_signed_in_caller()
    {
        var caller = await TestUser.RegisterAsync(Http);

        var longest = await Http.SendAsync(caller, HttpMethod.Get, PeopleSearchApi.PeoplePath(new string('a', 100)));
        var anonymous = await Http.GetAsync(PeopleSearchApi.PeoplePath("ana"));

        Assert.Equal(HttpStatusCode.OK, longest.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
    }
}
