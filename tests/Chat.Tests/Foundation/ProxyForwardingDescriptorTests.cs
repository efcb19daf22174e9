using System.Text.RegularExpressions;
using Chat.Tests.Infrastructure;
using YamlDotNet.RepresentationModel;

namespace Chat.Tests.Foundation;

/// <summary>The shipped proxy says who the client is, and the shipped frontends trust that proxy and nothing else.</summary>
public sealed partial class ProxyForwardingDescriptorTests
{
    [Fact]
    public void Compose_frontends_trust_exactly_the_proxy_address_for_forwarded_headers()
    {
        var yaml = new YamlStream();
        using (var reader = new StreamReader(Path.Combine(RepositoryPaths.Root, "docker-compose.yml")))
        {
            yaml.Load(reader);
        }

        var services = (YamlMappingNode)((YamlMappingNode)yaml.Documents[0].RootNode)["services"];
        var environment = (YamlMappingNode)((YamlMappingNode)services["frontend"])["environment"];
        var proxyNetworks = (YamlMappingNode)((YamlMappingNode)services["proxy"])["networks"];
        var proxyAddress = ((YamlScalarNode)((YamlMappingNode)proxyNetworks["edge"])["ipv4_address"]).Value;

        Assert.Equal(proxyAddress, ((YamlScalarNode)environment["Network__KnownProxies__0"]).Value);
        Assert.DoesNotContain(environment.Children.Keys, k => ((YamlScalarNode)k).Value!.StartsWith("Network__KnownNetworks", StringComparison.Ordinal));
    }

    [Fact]
    public void Every_proxied_location_of_nginx_conf_forwards_the_client_address()
    {
        var conf = File.ReadAllText(Path.Combine(RepositoryPaths.Root, "deploy", "nginx.conf"));
        var locations = LocationBlock().Matches(conf);

        Assert.NotEmpty(locations);
        Assert.All(locations, location =>
            Assert.Contains("proxy_set_header X-Forwarded-For $proxy_add_x_forwarded_for;", location.Value, StringComparison.Ordinal));
    }

    [GeneratedRegex(@"location\s+[^{]+\{[^}]*proxy_pass[^}]*\}")]
    private static partial Regex LocationBlock();
}
