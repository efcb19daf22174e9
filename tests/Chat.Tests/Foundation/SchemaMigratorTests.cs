using Chat.Storage;
using Chat.Tests.Infrastructure;
using Microsoft.Extensions.Logging.Abstractions;

namespace Chat.Tests.Foundation;

public sealed class SchemaMigratorTests
{
    [Fact]
    public async Task Two_migrators_starting_together_apply_each_migration_once()
    {
        await using var database = await TestDatabase.CreateAsync(migrate: false);
        await using var dataSource = database.CreateDataSource();
        var first = new SchemaMigrator(dataSource, NullLogger<SchemaMigrator>.Instance);
        var second = new SchemaMigrator(dataSource, NullLogger<SchemaMigrator>.Instance);

        await Task.WhenAll(first.MigrateAsync(), second.MigrateAsync());
        await first.MigrateAsync();

        await using var count = dataSource.CreateCommand("SELECT count(*), count(DISTINCT version) FROM schema_migrations");
        await using var reader = await count.ExecuteReaderAsync();
        await reader.ReadAsync();
        Assert.Equal(SchemaMigrator.EmbeddedMigrations.Count, reader.GetInt64(0));
        Assert.Equal(reader.GetInt64(0), reader.GetInt64(1));
    }

    [Fact]
    public async Task Orleans_storage_queries_are_installed_by_our_migrations()
    {
        await using var database = await TestDatabase.CreateAsync();
        await using var dataSource = database.CreateDataSource();
        await using var command = dataSource.CreateCommand("SELECT querykey FROM orleansquery");
        var keys = new List<string>();
        await using (var reader = await command.ExecuteReaderAsync())
        {
            while (await reader.ReadAsync())
            {
                keys.Add(reader.GetString(0));
            }
        }

        Assert.Contains("ReadFromStorageKey", keys);
        Assert.Contains("WriteToStorageKey", keys);
        Assert.Contains("ClearStorageKey", keys);
    }

    [Fact]
    public void Migrations_are_ordered_by_version_without_duplicates()
    {
        var versions = SchemaMigrator.EmbeddedMigrations.Select(m => m.Version).ToList();
        Assert.NotEmpty(versions);
        Assert.Equal(versions.Order(StringComparer.Ordinal), versions);
        Assert.Equal(versions.Count, versions.Distinct().Count());
    }
}
