using System.Diagnostics;
using Chat.Search.Indexing;
using Chat.Storage;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;
using NpgsqlTypes;

namespace Chat.SearchCorpus;

/// <summary>
/// Builds the benchmark database: created afresh and migrated like production, the bulk tables'
/// indexes dropped, everything written with binary COPY (messages and message_search side by side,
/// the index rows built by the indexer's own code), then the indexes built back, in parallel, with a
/// large maintenance_work_mem, and ANALYZE. The bulk tables are UNLOGGED (no WAL for a corpus that is
/// regenerated at will); that changes nothing a query does.
/// </summary>
internal sealed class CorpusLoader(string adminConnectionString, string database, CorpusShape shape, TextWriter log)
{
    private static readonly string[] BulkTables = ["messages", "message_search", "conversation_members"];

    private readonly Stopwatch _clock = Stopwatch.StartNew();

    public async Task RunAsync()
    {
        var connectionString = await CreateDatabaseAsync();
        await using var dataSource = NpgsqlDataSource.Create(connectionString);
        await new SchemaMigrator(dataSource, NullLogger<SchemaMigrator>.Instance).MigrateAsync();
        Log("migrated");

        await ExecuteAsync(dataSource, "ALTER TABLE messages SET UNLOGGED; ALTER TABLE message_search SET UNLOGGED");
        var indexes = await IndexDefinitionsAsync(dataSource);
        foreach (var index in indexes)
        {
            await ExecuteAsync(dataSource, index.DropSql);
        }

        Log($"dropped {indexes.Count} indexes of {string.Join(", ", BulkTables)}");

        var plan = CorpusPlan.Build(shape);
        Log($"planned {plan.Conversations.Count:N0} conversations, {plan.UserIds.Length:N0} users, probe in {plan.Conversations.Count(c => c.HasProbe)}, probe sees {plan.Conversations.Where(c => c.HasProbe).Sum(c => (long)c.MessageCount):N0} messages");
        await CopyPeopleAsync(dataSource, plan);
        Log("copied accounts, conversations and members");

        var vocabularies = Language.All.Select((language, i) => new Vocabulary(language, shape.Seed * 31 + i)).ToArray();
        var queries = new QueryCandidates(vocabularies, shape.Seed);
        await CopyMessagesAsync(dataSource, plan, vocabularies, queries);
        Log($"copied {shape.Messages:N0} messages");

        await RebuildIndexesAsync(dataSource, indexes);
        await ExecuteAsync(dataSource, "ANALYZE");
        Log("analyzed");

        queries.AddFixedClasses();
        await BenchQueries.SaveAsync(dataSource, queries.Classes);
        Log($"saved {queries.Classes.Sum(c => c.Value.Count)} bench queries in {queries.Classes.Count} classes");
    }

    private async Task<string> CreateDatabaseAsync()
    {
        await using (var admin = new NpgsqlConnection(adminConnectionString))
        {
            await admin.OpenAsync();
            await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS {database} WITH (FORCE)", admin);
            await drop.ExecuteNonQueryAsync();
            await using var create = new NpgsqlCommand($"CREATE DATABASE {database}", admin);
            await create.ExecuteNonQueryAsync();
        }

        return new NpgsqlConnectionStringBuilder(adminConnectionString)
        {
            Database = database,
            CommandTimeout = 0,
            // Triggers (the search queue's) and foreign-key checks do not run for a bulk load of known-good rows.
            Options = "-c session_replication_role=replica -c maintenance_work_mem=1GB",
        }.ConnectionString;
    }

    private static async Task<List<IndexDefinition>> IndexDefinitionsAsync(NpgsqlDataSource dataSource)
    {
        await using var command = dataSource.CreateCommand("""
            SELECT t.relname, i.indexrelid::regclass::text, pg_get_indexdef(i.indexrelid), c.conname, pg_get_constraintdef(c.oid)
            FROM pg_index i
            JOIN pg_class t ON t.oid = i.indrelid
            LEFT JOIN pg_constraint c ON c.conindid = i.indexrelid AND c.contype IN ('p', 'u')
            WHERE t.relname = ANY($1) AND t.relnamespace = 'public'::regnamespace
            ORDER BY pg_get_indexdef(i.indexrelid) LIKE '%gin%' DESC, t.relname
            """);
        command.Parameters.AddWithValue(BulkTables);
        var indexes = new List<IndexDefinition>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            var (table, name, definition) = (reader.GetString(0), reader.GetString(1), reader.GetString(2));
            indexes.Add(reader.IsDBNull(3)
                ? new IndexDefinition(name, $"DROP INDEX {name}", definition)
                : new IndexDefinition(name, $"ALTER TABLE {table} DROP CONSTRAINT {reader.GetString(3)}",
                    $"ALTER TABLE {table} ADD CONSTRAINT {reader.GetString(3)} {reader.GetString(4)}"));
        }

        return indexes;
    }

    private async Task CopyPeopleAsync(NpgsqlDataSource dataSource, CorpusPlan plan)
    {
        await using (var connection = await dataSource.OpenConnectionAsync())
        await using (var accounts = await connection.BeginBinaryImportAsync(
            "COPY accounts (user_id, username, username_key, email, email_key, password_hash, display_name, created_at) FROM STDIN (FORMAT BINARY)"))
        {
            for (var user = 0; user < plan.UserIds.Length; user++)
            {
                var username = CorpusPlan.Username(user);
                await accounts.StartRowAsync();
                await accounts.WriteAsync(plan.UserIds[user], NpgsqlDbType.Uuid);
                await accounts.WriteAsync(username, NpgsqlDbType.Text);
                await accounts.WriteAsync(username, NpgsqlDbType.Text);
                await accounts.WriteAsync($"{username}@bench.test", NpgsqlDbType.Text);
                await accounts.WriteAsync($"{username}@bench.test", NpgsqlDbType.Text);
                await accounts.WriteAsync("-", NpgsqlDbType.Text);
                await accounts.WriteAsync($"Bench User {user}", NpgsqlDbType.Text);
                await accounts.WriteAsync(CorpusShape.End - CorpusShape.Span, NpgsqlDbType.TimestampTz);
            }

            await accounts.CompleteAsync();
        }

        await using (var connection = await dataSource.OpenConnectionAsync())
        await using (var conversations = await connection.BeginBinaryImportAsync(
            "COPY conversations (conversation_id, type, name, created_by, created_at) FROM STDIN (FORMAT BINARY)"))
        {
            foreach (var conversation in plan.Conversations)
            {
                await conversations.StartRowAsync();
                await conversations.WriteAsync(conversation.Id, NpgsqlDbType.Uuid);
                await conversations.WriteAsync(conversation.Type, NpgsqlDbType.Text);
                await conversations.WriteAsync(conversation.Name, NpgsqlDbType.Text);
                await conversations.WriteAsync(plan.UserIds[conversation.Members[0]], NpgsqlDbType.Uuid);
                await conversations.WriteAsync(CorpusShape.End - CorpusShape.Span, NpgsqlDbType.TimestampTz);
            }

            await conversations.CompleteAsync();
        }

        await using (var connection = await dataSource.OpenConnectionAsync())
        await using (var members = await connection.BeginBinaryImportAsync(
            "COPY conversation_members (conversation_id, user_id, role, joined_at, read_seq, delivered_seq) FROM STDIN (FORMAT BINARY)"))
        {
            foreach (var conversation in plan.Conversations)
            {
                for (var i = 0; i < conversation.Members.Length; i++)
                {
                    var role = conversation.Type switch
                    {
                        "direct" => "member",
                        "group" => i == 0 ? "owner" : "member",
                        _ => i == 0 ? "owner" : "subscriber",
                    };
                    await members.StartRowAsync();
                    await members.WriteAsync(conversation.Id, NpgsqlDbType.Uuid);
                    await members.WriteAsync(plan.UserIds[conversation.Members[i]], NpgsqlDbType.Uuid);
                    await members.WriteAsync(role, NpgsqlDbType.Text);
                    await members.WriteAsync(CorpusShape.End - CorpusShape.Span, NpgsqlDbType.TimestampTz);
                    await members.WriteAsync((long)conversation.MessageCount, NpgsqlDbType.Bigint);
                    await members.WriteAsync((long)conversation.MessageCount, NpgsqlDbType.Bigint);
                }
            }

            await members.CompleteAsync();
        }
    }

    private async Task CopyMessagesAsync(NpgsqlDataSource dataSource, CorpusPlan plan, Vocabulary[] vocabularies, QueryCandidates queries)
    {
        var random = new Random(shape.Seed + 1);
        var composer = new MessageComposer(vocabularies);
        await using var messagesConnection = await dataSource.OpenConnectionAsync();
        await using var searchConnection = await dataSource.OpenConnectionAsync();
        await using var messages = await messagesConnection.BeginBinaryImportAsync(
            "COPY messages (conversation_id, seq, message_id, sender_id, client_message_id, type, content, metadata, sent_at, deleted_at) FROM STDIN (FORMAT BINARY)");
        await using var search = await searchConnection.BeginBinaryImportAsync(
            "COPY message_search (conversation_id, seq, sender_id, sent_at, kinds, document, body) FROM STDIN (FORMAT BINARY)");
        long written = 0, indexed = 0;
        var now = DateTime.UtcNow;
        foreach (var conversation in plan.Conversations)
        {
            var times = SentTimes(random, conversation.MessageCount);
            // A channel is its owner's; in a chat the first members talk most.
            var posters = conversation.Type == "channel" ? 1 : Math.Min(conversation.Members.Length, 12);
            for (var seq = 1; seq <= conversation.MessageCount; seq++)
            {
                var sender = conversation.Members[posters == 1 ? 0 : (int)(posters * Math.Pow(random.NextDouble(), 1.8))];
                var message = composer.Compose(random, random.NextDouble() < 0.05 ? random.Next(Language.All.Length) : conversation.Language);
                var sentAt = times[seq - 1];
                var deleted = random.NextDouble() < 0.003;
                var senderId = plan.UserIds[sender];
                await messages.StartRowAsync();
                await messages.WriteAsync(conversation.Id, NpgsqlDbType.Uuid);
                await messages.WriteAsync((long)seq, NpgsqlDbType.Bigint);
                await messages.WriteAsync(CorpusPlan.NewGuid(random), NpgsqlDbType.Uuid);
                await messages.WriteAsync(senderId, NpgsqlDbType.Uuid);
                await messages.WriteAsync($"b{seq}", NpgsqlDbType.Text);
                await messages.WriteAsync(message.Type, NpgsqlDbType.Text);
                await messages.WriteAsync(deleted ? "" : message.Content, NpgsqlDbType.Text);
                await messages.WriteAsync(deleted ? null : message.MetadataJson, NpgsqlDbType.Jsonb);
                await messages.WriteAsync(sentAt, NpgsqlDbType.TimestampTz);
                await messages.WriteAsync(deleted ? sentAt.AddHours(1) : (DateTime?)null, NpgsqlDbType.TimestampTz);
                written++;

                var fileKinds = message.Type == "album" ? (random.Next(2) == 0 ? new[] { "image", "video" } : ["image", "image"]) : [];
                var queued = new QueuedMessage(conversation.Id, seq, true, senderId, message.Type, message.Content, message.MetadataJson, sentAt, null, deleted, fileKinds);
                if (SearchRow.For(queued, now) is { } row)
                {
                    await search.StartRowAsync();
                    await search.WriteAsync(conversation.Id, NpgsqlDbType.Uuid);
                    await search.WriteAsync((long)seq, NpgsqlDbType.Bigint);
                    await search.WriteAsync(senderId, NpgsqlDbType.Uuid);
                    await search.WriteAsync(sentAt, NpgsqlDbType.TimestampTz);
                    await search.WriteAsync((short)row.Kinds, NpgsqlDbType.Smallint);
                    await search.WriteAsync(ParseTsvector(row.Document.Tsvector), NpgsqlDbType.TsVector);
                    await search.WriteAsync(row.Document.Body, NpgsqlDbType.Text);
                    indexed++;
                }

                if (conversation.HasProbe && !deleted)
                {
                    queries.Observe(message, CorpusPlan.Username(sender), sender == 0);
                }

                if (written % 500_000 == 0)
                {
                    Log($"{written:N0} messages, {indexed:N0} index rows");
                }
            }
        }

        await messages.CompleteAsync();
        await search.CompleteAsync();
        Log($"{written:N0} messages, {indexed:N0} index rows, COPY complete");
    }

    // Binary COPY needs the tsvector as a value, not its literal. Npgsql's parser is marked unreliable for
    // arbitrary input; SearchDocument's literals are its simple subset (quoted lexemes with positions, no
    // weights), and the latency runs read these rows back through Postgres's own operators.
#pragma warning disable CS0618
    private static NpgsqlTsVector ParseTsvector(string literal) => NpgsqlTsVector.Parse(literal);
#pragma warning restore CS0618

    private static DateTime[] SentTimes(Random random, int count)
    {
        var start = CorpusShape.End - CorpusShape.Span * random.NextDouble();
        var length = (CorpusShape.End - start).Ticks;
        var times = new DateTime[count];
        for (var i = 0; i < count; i++)
        {
            // Whole microseconds, as Postgres keeps them.
            times[i] = new DateTime(start.Ticks + (long)(random.NextDouble() * length) / 10 * 10, DateTimeKind.Utc);
        }

        Array.Sort(times);
        return times;
    }

    private async Task RebuildIndexesAsync(NpgsqlDataSource dataSource, List<IndexDefinition> indexes)
    {
        // Three at a time: the GIN builds are single-threaded in Postgres 15, so they run side by side.
        using var gate = new SemaphoreSlim(3);
        await Task.WhenAll(indexes.Select(async index =>
        {
            await gate.WaitAsync();
            try
            {
                var started = _clock.Elapsed;
                await ExecuteAsync(dataSource, index.CreateSql);
                Log($"built {index.Name} in {(_clock.Elapsed - started).TotalSeconds:N0} s");
            }
            finally
            {
                gate.Release();
            }
        }));
    }

    private static async Task ExecuteAsync(NpgsqlDataSource dataSource, string sql)
    {
        await using var command = dataSource.CreateCommand(sql);
        await command.ExecuteNonQueryAsync();
    }

    private void Log(string what) => log.WriteLine($"{DateTime.UtcNow:HH:mm:ss} [{_clock.Elapsed:hh\\:mm\\:ss}] {what}");

    private sealed record IndexDefinition(string Name, string DropSql, string CreateSql);
}
