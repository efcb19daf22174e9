using Chat.Tests.Infrastructure;
using YamlDotNet.RepresentationModel;

namespace Chat.Tests.Foundation;

/// <summary>docker-compose.yml cannot run here; these keep it consistent with the code it deploys.</summary>
public sealed class DeploymentDescriptorTests
{
    private static readonly string[] GridKeys =
        ["Postgres__ConnectionString", "Redis__ConnectionString", "Orleans__ClusterId", "Orleans__ServiceId"];

    private readonly YamlMappingNode _services;

    public DeploymentDescriptorTests()
    {
        var yaml = new YamlStream();
        using var reader = new StreamReader(Path.Combine(RepositoryPaths.Root, "docker-compose.yml"));
        yaml.Load(reader);
        _services = (YamlMappingNode)((YamlMappingNode)yaml.Documents[0].RootNode)["services"];
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
