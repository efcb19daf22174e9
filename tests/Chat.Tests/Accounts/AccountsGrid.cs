using Chat.Tests.Infrastructure;

namespace Chat.Tests.Accounts;

/// <summary>The accounts tests' own cluster; its Frontends also accept tokens signed with a retired key.</summary>
public sealed class AccountsGrid : GridWithFrontends
{
    public const string RetiredKey = "retired-signing-key-0123456789-0123456789-xyz";

    protected override void Customize(Dictionary<string, string?> settings) => settings["Jwt:SigningKeys:1"] = RetiredKey;
}

[CollectionDefinition(Name)]
public sealed class AccountsCollection : ICollectionFixture<AccountsGrid>
{
    public const string Name = "accounts";
}
