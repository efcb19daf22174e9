using Chat.Tests.Infrastructure;

namespace Chat.Tests.Calls;

[CollectionDefinition(Name)]
public sealed class CallsCollection : ICollectionFixture<GridWithFrontends>
{
    public const string Name = "calls";
}
