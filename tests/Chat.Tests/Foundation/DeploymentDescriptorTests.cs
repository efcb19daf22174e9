using Chat.Tests.Infrastructure;
using YamlDotNet.RepresentationModel;

namespace Chat.Tests.Foundation;

/// <summary>docker-compose.yml cannot run here; these keep it consistent with the code it deploys.</summary>
public sealed class DeploymentDescriptorTests
{
    private static readonly string[] GridKeys =
        ["Postgres__ConnectionString", "Redis__ConnectionString", "Orleans__ClusterId", "Orleans__ServiceId"];

    private readonly YamlNode _rootNode;
    private readonly YamlMappingNode _services;

    public DeploymentDescriptorTests()
    {
        var yaml = new YamlStream();
        using var reader = new StreamReader(Path.Combine(RepositoryPaths.Root, "docker-compose.yml"));
        yaml.Load(reader);
        _rootNode = yaml.Documents[0].RootNode;
        _services = (YamlMappingNode)((YamlMappingNode)_rootNode)["services"];
    }

    [Fact]
    public void Compose_describes_the_production_topology()
    {
        var names = _services.Children.Keys.Select(k => ((YamlScalarNode)k).Value).ToHashSet();
        Assert.Superset(new HashSet<string?> { "postgres", "redis", "minio", "coturn", "silo", "frontend", "proxy" }, names);
        Assert.Equal("2", Scalar(_services, "silo", "deploy", "replicas"));
        Assert.Equal("2", Scalar(_services, "frontend", "deploy", "replicas"));
    }

    [Theory]
    [InlineData("silo")]
    [InlineData("frontend")]
    public void Silo_and_frontend_get_every_setting_the_code_requires(string service)
    {
        var environment = (YamlMappingNode)((YamlMappingNode)_services[service])["environment"];
        var keys = environment.Children.Keys.Select(k => ((YamlScalarNode)k).Value).ToHashSet();
        Assert.Superset(GridKeys.ToHashSet<string?>(), keys);
        if (service == "frontend")
        {
            Assert.Contains("Jwt__SigningKeys__0", keys);
            Assert.Equal("false", ((YamlScalarNode)environment["Frontend__CoHostSilo"]).Value);
        }
    }

    [Theory]
    [InlineData("silo", "src/Silo/Chat.Silo.csproj")]
    [InlineData("frontend", "src/Frontend/Chat.Frontend.csproj")]
    public void Each_image_is_built_from_a_dockerfile_that_publishes_its_project(string service, string project)
    {
        var dockerfile = Scalar(_services, service, "build", "dockerfile");
        var text = File.ReadAllText(Path.Combine(RepositoryPaths.Root, dockerfile!));
        Assert.Contains(project, text);
        Assert.True(File.Exists(Path.Combine(RepositoryPaths.Root, project)));
    }

    [Fact]
    public void Only_the_proxy_and_turn_publish_ports()
    {
        var published = _services.Children
            .Where(s => ((YamlMappingNode)s.Value).Children.ContainsKey("ports"))
            .ToDictionary(s => ((YamlScalarNode)s.Key).Value!, s => Sequence((YamlMappingNode)s.Value, "ports"));

        Assert.Equal(["coturn", "proxy"], published.Keys.Order(StringComparer.Ordinal));
        Assert.Equal(["${HTTP_BIND:-0.0.0.0}:${HTTP_PORT:-80}:80"], published["proxy"]);
        Assert.Equal(["3478:3478/udp", "3478:3478/tcp", "49160-49359:49160-49359/udp"], published["coturn"]);
    }

    [Theory]
    [InlineData("silo")]
    [InlineData("postgres")]
    [InlineData("redis")]
    public void The_cluster_and_its_stores_are_only_on_the_internal_network(string service)
    {
        // Orleans' silo and gateway ports have no authentication: whoever reaches them can call any grain.
        Assert.Equal(["cluster"], Sequence((YamlMappingNode)_services[service], "networks"));
        var networks = (YamlMappingNode)((YamlMappingNode)_rootNode)["networks"];
        Assert.Equal("true", Scalar(networks, "cluster", "internal"));
    }

    [Fact]
    public void Object_storage_is_reached_from_the_edge_through_the_proxy_only()
    {
        // Browsers upload and download through presigned URLs, so the proxy must reach MinIO; its
        // port is still not published, and every request to it is signed.
        Assert.Equal(["cluster", "edge"], Sequence((YamlMappingNode)_services["minio"], "networks"));
        Assert.False(((YamlMappingNode)_services["minio"]).Children.ContainsKey("ports"));
    }

    [Fact]
    public void The_frontend_bridges_the_cluster_and_the_proxy()
    {
        Assert.Equal(["cluster", "edge"], Sequence((YamlMappingNode)_services["frontend"], "networks"));
        Assert.Equal(["edge"], Sequence((YamlMappingNode)_services["proxy"], "networks"));
    }

    /// <summary>The names of a list (<c>[a, b]</c>) or of a mapping's keys (<c>edge: {ipv4_address: …}</c>).</summary>
    private static List<string> Sequence(YamlMappingNode service, string key) =>
        service.Children.TryGetValue(new YamlScalarNode(key), out var node)
            ? node switch
            {
                YamlSequenceNode list => [.. list.Children.Select(c => ((YamlScalarNode)c).Value!)],
                YamlMappingNode map => [.. map.Children.Keys.Select(k => ((YamlScalarNode)k).Value!)],
                _ => [],
            }
            : [];

    private static string? Scalar(YamlMappingNode root, params string[] path)
    {
        YamlNode node = root;
        foreach (var key in path)
        {
            node = ((YamlMappingNode)node)[key];
        }

        return ((YamlScalarNode)node).Value;
    }
}
