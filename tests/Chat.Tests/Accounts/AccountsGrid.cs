using Chat.Tests.Infrastructure;

namespace Chat.Tests.Accounts;

/// <summary>
/// The accounts tests' own cluster; its Frontends also accept tokens signed with a retired key, and
/// write their emails to a folder of this fixture's own.
/// </summary>
public sealed class AccountsGrid : GridWithFrontends, IAsyncLifetime
{
    public const string RetiredKey = "retired-signing-key-0123456789-0123456789-xyz";

    public string MailFolder { get; } = Path.Combine(Path.GetTempPath(), $"chatgrid-test-mail-{Guid.NewGuid():N}");

    public string SmsFolder { get; } = Path.Combine(Path.GetTempPath(), $"chatgrid-test-sms-{Guid.NewGuid():N}");

    protected override void Customize(Dictionary<string, string?> settings)
    {
        settings["Jwt:SigningKeys:1"] = RetiredKey;
        settings["Email:SinkFolder"] = MailFolder;
        settings["Sms:SinkFolder"] = SmsFolder;
    }

    async Task IAsyncLifetime.DisposeAsync()
    {
        await DisposeAsync();
        if (Directory.Exists(MailFolder))
        {
            Directory.Delete(MailFolder, recursive: true);
        }

        if (Directory.Exists(SmsFolder))
        {
            Directory.Delete(SmsFolder, recursive: true);
        }
    }
}

[CollectionDefinition(Name)]
public sealed class AccountsCollection : ICollectionFixture<AccountsGrid>
{
    public const string Name = "accounts";
}
