using Chat.Conversations;
using Chat.Tests.Infrastructure;

namespace Chat.Tests.Foundation;

public sealed class GrainFailoverTests : IAsyncLifetime
{
    private GridCluster _grid = null!;

    public async Task InitializeAsync() => _grid = await GridCluster.StartAsync(silos: 2);

    public async Task DisposeAsync() => await _grid.DisposeAsync();

    [Fact]
    public async Task State_written_on_one_silo_is_read_back_after_that_silo_stops()
    {
        var owner = await _grid.NewAccountAsync();
        var member = await _grid.NewAccountAsync();
        var conversationId = Guid.NewGuid();
        var conversation = _grid.Client.GetGrain<IConversationGrain>(conversationId);
        await conversation.CreateAsync(new ConversationCreation(owner, ConversationTypes.Group, "failover", [member]));
        var ack = await conversation.SendMessageAsync(new MessageDraft(owner, "c1", "text", "before the failure", null, null));

        var management = _grid.Client.GetGrain<IManagementGrain>(0);
        var before = (await management.GetActivationAddress(conversation))!;
        var hostingSilo = _grid.Cluster.Silos.Single(s => s.SiloAddress.Equals(before));
        await _grid.Cluster.StopSiloAsync(hostingSilo);

        var info = await conversation.GetAsync(owner);
        var page = await conversation.GetMessagesAsync(member, null, null, 10);
        var after = (await management.GetActivationAddress(conversation))!;

        Assert.NotEqual(before, after);
        Assert.Equal("failover", info.Name);
        Assert.Equal(ConversationTypes.Group, info.Type);
        Assert.Equal(new[] { owner, member }.Order(), info.Members.Select(m => m.UserId).Order());
        Assert.Equal(ack.Seq, Assert.Single(page.Messages).Seq);
        Assert.Equal("before the failure", page.Messages[0].Content);
    }
}
