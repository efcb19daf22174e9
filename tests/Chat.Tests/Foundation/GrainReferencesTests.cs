using Chat.Accounts;
using Chat.Conversations;
using Chat.Presence;
using Chat.Tests.Infrastructure;
using Chat.Tests.Presence;

namespace Chat.Tests.Foundation;

[Collection(PresenceCollection.Name)]
public sealed class GrainReferencesTests(GridWithFrontends grid)
{
    private IClusterClient Client => grid.Grid.Client;

    [Fact]
    public void Cached_references_address_the_same_grain_through_the_same_interface_as_GetGrain()
    {
        // The first call resolves the types, later ones build from them: compare both kinds.
        foreach (var key in Enumerable.Range(0, 3).Select(_ => Guid.NewGuid()))
        {
            AssertSameTarget(Client.GetGrain<IPresenceGrain>(key), Client.Reference<IPresenceGrain>(key));
            AssertSameTarget(Client.GetGrain<IUserGrain>(key), Client.Reference<IUserGrain>(key));
        }

        foreach (var key in new long[] { 0, 1, long.MaxValue })
        {
            AssertSameTarget(Client.GetGrain<IConversationIndexGrain>(key), Client.Reference<IConversationIndexGrain>(key));
        }

        foreach (var key in new[] { "alice", "bob" })
        {
            AssertSameTarget(Client.GetGrain<ILoginThrottleGrain>(key), Client.Reference<ILoginThrottleGrain>(key));
        }
    }

    [Fact]
    public async Task A_cached_reference_reaches_its_grain()
    {
        Client.Reference<ILoginThrottleGrain>("warm-up");
        var throttle = Client.Reference<ILoginThrottleGrain>("someone-" + Guid.NewGuid());

        Assert.Null(await throttle.CheckAsync("127.0.0.1"));
    }

    [Fact]
    public void A_blank_string_key_is_refused_like_GetGrain_refuses_it()
    {
        Assert.ThrowsAny<ArgumentException>(() => Client.Reference<ILoginThrottleGrain>(" "));
    }

    private static void AssertSameTarget(IAddressable expected, IAddressable actual)
    {
        Assert.Equal(expected.GetGrainId(), actual.GetGrainId());
        Assert.Equal(((GrainReference)expected).InterfaceType, ((GrainReference)actual).InterfaceType);
    }
}
