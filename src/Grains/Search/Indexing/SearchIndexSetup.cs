using System.ComponentModel.DataAnnotations;
using Microsoft.Extensions.DependencyInjection;

namespace Chat.Search.Indexing;

public static class SearchIndexSetup
{
    /// <summary>The indexer that keeps <c>message_search</c> in step with <c>messages</c>; every silo runs one, one at a time holds the lock.</summary>
    public static IServiceCollection AddSearchIndexing(this IServiceCollection services)
    {
        services.AddOptions<SearchIndexerOptions>()
            .BindConfiguration(SearchIndexerOptions.Section)
            .Validate(o => Validator.TryValidateObject(o, new ValidationContext(o), null, validateAllProperties: true),
                $"{SearchIndexerOptions.Section}: an indexer setting is out of range")
            .ValidateOnStart();
        services.AddSingleton<SearchIndexSignal>();
        services.AddSingleton<SearchIndexStore>();
        services.AddHostedService<SearchIndexer>();
        return services;
    }
}
