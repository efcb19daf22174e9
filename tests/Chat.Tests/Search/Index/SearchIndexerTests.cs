using Chat.Conversations;
using Chat.Search;
using Chat.Tests.Conversations;
using Chat.Tests.Files.Attachments;
using Chat.Tests.Infrastructure;
using Microsoft.AspNetCore.SignalR.Client;

namespace Chat.Tests.Search.Index;

/// <summary>The index follows the messages: real sends, edits, deletes, expiries and pins over the hub, read back from message_search.</summary>
[Collection(SearchCollection.Name)]
public sealed class SearchIndexerTests(SearchGrid grid)
{
    // Postgres keeps microseconds, .NET ticks.
    private static readonly TimeSpan Microsecond = TimeSpan.FromTicks(10);

    [Fact]
    public async Task A_sent_message_gets_its_row_with_the_folded_body_its_lexemes_and_its_sender()
    {
        var (alice, conversationId, connection) = await ChatAsync();
        await using var _ = connection;

        var ack = await connection.SendAsync(conversationId, "Réunion à Zürich 🎉 #Launch 東京都");

        var row = await grid.IndexedAsync(conversationId, ack.Seq);
        Assert.Equal("reunion a zurich 🎉 #launch 東京都", row.Body);
        Assert.Equal(alice.UserId, row.SenderId);
        Assert.Equal(ack.SentAt.UtcDateTime, row.SentAt, Microsecond);
        Assert.Null(row.ExpiresAt);
        Assert.Equal(SearchKinds.None, row.Kinds);
        foreach (var lexeme in new[] { "'reunion':1", "'a':2", "'zurich':3", "'🎉':4", "'#launch':5", "'launch':5", "'東京':6", "'京都':7", "'都':8" })
        {
            Assert.Contains(lexeme, row.Document);
        }
    }

    [Fact]
    public async Task An_edit_replaces_the_text_so_the_old_words_are_gone()
    {
        var (_, conversationId, connection) = await ChatAsync();
        await using var _ = connection;
        var ack = await connection.SendAsync(conversationId, "the quarterly budget draft");
        await grid.IndexedAsync(conversationId, ack.Seq);

        await connection.Hub.InvokeAsync<ChatMessage>("EditMessage", conversationId, ack.Seq, "the annual forecast");

        var row = await grid.IndexedAsync(conversationId, ack.Seq, r => r?.Body == "the annual forecast");
        Assert.DoesNotContain("budget", row!.Document);
        Assert.Contains("'forecast':3", row.Document);
    }

    [Fact]
    public async Task A_message_deleted_for_everyone_leaves_the_index_and_one_deleted_for_me_stays()
    {
        var (_, conversationId, connection) = await ChatAsync();
        await using var _ = connection;
        var gone = await connection.SendAsync(conversationId, "regrettable words");
        var hidden = await connection.SendAsync(conversationId, "hidden only from me");
        await grid.IndexedAsync(conversationId, hidden.Seq);
        await grid.IndexedAsync(conversationId, gone.Seq);

        await connection.Hub.InvokeAsync("DeleteMessage", conversationId, gone.Seq, true);
        await connection.Hub.InvokeAsync("DeleteMessage", conversationId, hidden.Seq, false);

        await grid.IndexedAsync(conversationId, gone.Seq, row => row is null);
        // "Delete for me" is the caller's hidden_messages, which queries skip; everyone else still finds it.
        Assert.NotNull(await grid.IndexRowAsync(conversationId, hidden.Seq));
    }

    [Fact]
    public async Task A_self_destructing_message_is_indexed_with_its_expiry_and_drops_out_when_it_is_emptied()
    {
        var (_, conversationId, connection) = await ChatAsync();
        await using var _ = connection;

        var ack = await connection.Hub.InvokeAsync<MessageAck>("SendMessage",
            new { conversationId, clientMessageId = Guid.NewGuid().ToString(), content = "burn after reading", expiresInSeconds = 2 });

        var row = await grid.IndexedAsync(conversationId, ack.Seq);
        Assert.Equal(ack.SentAt.AddSeconds(2).UtcDateTime, row.ExpiresAt!.Value, Microsecond);
        await grid.IndexedAsync(conversationId, ack.Seq, r => r is null, TimeSpan.FromSeconds(30));
    }

    [Fact]
    public async Task An_album_a_document_and_a_voice_note_carry_their_kinds_and_a_document_is_found_by_its_file_name()
    {
        var (alice, conversationId, connection) = await ChatAsync();
        await using var _ = connection;
        var files = new FileRows(grid.Grid.Database);
        var photo = await files.CompletedAsync(alice.UserId);
        var clip = await files.CompletedAsync(alice.UserId, kind: "video", contentType: "video/mp4", name: "clip.mp4");
        var pdf = await files.CompletedAsync(alice.UserId, kind: "document", contentType: "application/pdf", name: "q3.pdf");
        var note = await files.CompletedAsync(alice.UserId, kind: "audio", contentType: "audio/ogg", name: "note.ogg");

        var album = await FileMessages.SendAsync(connection, conversationId, "album", new { items = new[] { new { fileId = clip }, new { fileId = photo } } });
        var document = await FileMessages.SendDocumentAsync(connection, conversationId, pdf, "Quarterly Report.pdf");
        var voice = await FileMessages.SendAsync(connection, conversationId, "voice", new { fileId = note, durationMs = 3000 });

        Assert.Equal(SearchKinds.Image | SearchKinds.Video, (await grid.IndexedAsync(conversationId, album.Seq)).Kinds);
        var documentRow = await grid.IndexedAsync(conversationId, document.Seq);
        Assert.Equal(SearchKinds.Document, documentRow.Kinds);
        Assert.Equal("quarterly report.pdf", documentRow.Body);
        Assert.Equal(SearchKinds.Voice, (await grid.IndexedAsync(conversationId, voice.Seq)).Kinds);
    }

    [Fact]
    public async Task A_poll_is_found_by_its_question_and_options_and_a_message_with_nothing_to_find_has_no_row()
    {
        var (_, conversationId, connection) = await ChatAsync();
        await using var _ = connection;

        var poll = await FileMessages.SendAsync(connection, conversationId, "poll", new { question = "Where to eat?", options = new[] { "Ramen", "Tapas" } });
        var location = await FileMessages.SendAsync(connection, conversationId, "location", new { latitude = 48.85, longitude = 2.35 });
        var later = await connection.SendAsync(conversationId, "marker");

        Assert.Equal("where to eat? ramen tapas", (await grid.IndexedAsync(conversationId, poll.Seq)).Body);
        await grid.IndexedAsync(conversationId, later.Seq);
        // The queue is taken in order: once the later message is indexed, the location was looked at too.
        Assert.Null(await grid.IndexRowAsync(conversationId, location.Seq));
    }

    [Fact]
    public async Task A_url_makes_a_link_and_a_word_that_only_starts_like_one_does_not()
    {
        var (_, conversationId, connection) = await ChatAsync();
        await using var _ = connection;

        var https = await connection.SendAsync(conversationId, "docs at HTTPS://example.com/guide");
        var www = await connection.SendAsync(conversationId, "try www.example.org");
        var neither = await connection.SendAsync(conversationId, "wwwhat a day, http:// is a scheme, www. too");

        Assert.Equal(SearchKinds.Link, (await grid.IndexedAsync(conversationId, https.Seq)).Kinds);
        Assert.Equal(SearchKinds.Link, (await grid.IndexedAsync(conversationId, www.Seq)).Kinds);
        Assert.Equal(SearchKinds.None, (await grid.IndexedAsync(conversationId, neither.Seq)).Kinds);
    }

    [Fact]
    public async Task Pinning_and_unpinning_write_the_pinned_messages_table()
    {
        var (_, conversationId, connection) = await ChatAsync();
        await using var _ = connection;
        var first = await connection.SendAsync(conversationId, "pin me");
        var second = await connection.SendAsync(conversationId, "and me");

        await connection.Hub.InvokeAsync("PinMessage", conversationId, first.Seq, true);
        await connection.Hub.InvokeAsync("PinMessage", conversationId, second.Seq, true);
        await connection.Hub.InvokeAsync("PinMessage", conversationId, first.Seq, false);

        Assert.Equal([second.Seq], await PinnedAsync(conversationId));
        await connection.Hub.InvokeAsync("PinMessage", conversationId, second.Seq, false);
        Assert.Empty(await PinnedAsync(conversationId));
    }

    [Fact]
    public async Task Sends_through_both_silos_are_all_indexed_once_and_the_queue_ends_empty()
    {
        var alice = await TestUser.RegisterAsync(grid.First.Http);
        // Twenty conversations: their grains land on both silos, so both silos' writers and indexers take part.
        var conversations = new List<Guid>();
        for (var i = 0; i < 20; i++)
        {
            conversations.Add((await ConversationApi.CreateAsync(grid.First.Http, alice, "group", $"both {i}")).ConversationId);
        }

        await using var first = await ChatConnection.ConnectAsync(grid.First.Address, alice);
        await using var second = await ChatConnection.ConnectAsync(grid.Second.Address, alice);

        var sends = conversations.SelectMany(c => Enumerable.Range(0, 5).Select(i => (i % 2 == 0 ? first : second).SendAsync(c, $"burst {i} across silos")));
        var acks = await Task.WhenAll(sends);

        var ids = conversations.ToArray();
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(20);
        while (await grid.ScalarAsync("SELECT count(*) FROM message_search WHERE conversation_id = ANY($1)", ids) < acks.Length)
        {
            Assert.True(DateTime.UtcNow < deadline, "not every message was indexed in time");
            await Task.Delay(50);
        }

        Assert.Equal(acks.Length, await grid.ScalarAsync("SELECT count(*) FROM message_search WHERE conversation_id = ANY($1)", ids));
        Assert.Equal(0, await grid.ScalarAsync("SELECT count(*) FROM message_search s WHERE s.conversation_id = ANY($1) AND s.body NOT LIKE 'burst % across silos'", ids));
        while (await grid.ScalarAsync("SELECT count(*) FROM search_index_queue") > 0)
        {
            Assert.True(DateTime.UtcNow < deadline, "the queue did not drain");
            await Task.Delay(50);
        }
    }

    private async Task<List<long>> PinnedAsync(Guid conversationId)
    {
        await using var dataSource = grid.Grid.Database.CreateDataSource();
        await using var command = dataSource.CreateCommand("SELECT seq FROM pinned_messages WHERE conversation_id = $1 ORDER BY seq");
        command.Parameters.AddWithValue(conversationId);
        var seqs = new List<long>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            seqs.Add(reader.GetInt64(0));
        }

        return seqs;
    }

    private async Task<(TestUser Alice, Guid ConversationId, ChatConnection Connection)> ChatAsync()
    {
        var alice = await TestUser.RegisterAsync(grid.First.Http);
        var bob = await TestUser.RegisterAsync(grid.First.Http);
        var conversation = await ConversationApi.CreateAsync(grid.First.Http, alice, "group", "indexed", bob);
        return (alice, conversation.ConversationId, await ChatConnection.ConnectAsync(grid.First.Address, alice));
    }
}
