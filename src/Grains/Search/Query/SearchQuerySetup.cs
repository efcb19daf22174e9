using Microsoft.Extensions.DependencyInjection;

namespace Chat.Search.Query;

/// <summary>Registers message and file search and the search history.</summary>
public static class SearchQuerySetup
{
    public static IServiceCollection AddSearchQueries(this IServiceCollection services)
    {
        services.AddSingleton<MessageSearchEngine>();
        services.AddSingleton<FileSearchEngine>();
        services.AddSingleton<SearchHistoryStore>();
        return services;
    }
}
