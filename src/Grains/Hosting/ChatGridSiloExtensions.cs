using Chat.Accounts;
using Chat.Calls;
using Chat.Conversations;
using Chat.Files;
using Chat.Files.Attachments;
using Chat.Files.Previews;
using Chat.RateLimits;
using Chat.Search.People;
using Chat.Realtime;
using Chat.Search.Indexing;
using Chat.Search.Query;
using Chat.Storage;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Npgsql;
using Orleans.Configuration;
using StackExchange.Redis;

namespace Chat.Hosting;

/// <summary>The one place a silo is configured: the Silo host, the Frontend's co-hosted silo and the test cluster all call it.</summary>
public static class ChatGridSiloExtensions
{
    private const string NpgsqlInvariant = "Npgsql";

    /// <summary>Streams idle longer than this stop being pulled; kept long because Frontend streams can be quiet for hours.</summary>
    private static readonly TimeSpan StreamInactivityPeriod = TimeSpan.FromDays(1);

    private static readonly TimeSpan StreamPollPeriod = TimeSpan.FromMilliseconds(10);

    private const int StreamDeliveryBatchSize = 256;

    public static ISiloBuilder AddChatGrid(this ISiloBuilder silo, GridSettings settings, bool useRedisClustering = true)
    {
        silo.Configure<ClusterOptions>(options =>
        {
            options.ClusterId = settings.Cluster.ClusterId;
            options.ServiceId = settings.Cluster.ServiceId;
        });

        if (useRedisClustering)
        {
            silo.UseRedisClustering(options => options.ConfigurationOptions = ConfigurationOptions.Parse(settings.Redis.ConnectionString));
        }

        var postgres = settings.Postgres.ConnectionString;
        silo.AddAdoNetGrainStorageAsDefault(options =>
        {
            options.Invariant = NpgsqlInvariant;
            options.ConnectionString = postgres;
        });

        // Stream subscriptions must survive a silo: the pub-sub rendezvous state goes to Postgres too.
        silo.AddAdoNetGrainStorage("PubSubStore", options =>
        {
            options.Invariant = NpgsqlInvariant;
            options.ConnectionString = postgres;
        });
        silo.UseAdoNetReminderService(options =>
        {
            options.Invariant = NpgsqlInvariant;
            options.ConnectionString = postgres;
        });
        silo.AddMemoryStreams(RealtimeStreams.ProviderName, streams =>
            streams.ConfigurePullingAgent(agent => agent.Configure(options =>
            {
                options.StreamInactivityPeriod = StreamInactivityPeriod;
                // A Frontend stream carries everything for its sockets: deliver it in batches, and
                // poll often, or the single consumer round trip and the 100 ms default poll become
                // the throughput ceiling and latency floor (docs/benchmarks.md).
                options.BatchContainerBatchSize = StreamDeliveryBatchSize;
                options.GetQueueMsgsTimerPeriod = StreamPollPeriod;
            })));

        silo.Services.AllowStorageExceptionsOnTheWire();
        silo.Services.AddAbuseLimits();
        silo.Services.AddChatStorage(postgres);
        silo.Services.AddFilesInSilo(silo.Configuration);
        silo.Services.AddFilePreviews();
        silo.Services.AddSearchIndexing();
        silo.Services.AddSingleton<ConversationStore>();
        silo.Services.AddSingleton<MessageActionStore>();
        silo.Services.AddSingleton<TimedMessageStore>();
        silo.Services.AddSingleton<ContactConsentStore>();
        silo.Services.AddSingleton<PeopleSearchStore>();
        silo.Services.AddHostedService<SearchNamesBackfill>();
        silo.Services.AddSingleton<AccountStore>();
        silo.Services.AddSingleton<TwoFactorStore>();
        silo.Services.AddSingleton<UserProfileStore>();
        silo.Services.AddSingleton<FrontendStreams>();
        silo.Services.AddSingleton<EmailTokenStore>();
        silo.Services.AddSingleton<PhoneStore>();
        silo.Services.AddSingleton<AccountErasureStore>();
        silo.Services.AddSingleton<DataExportStore>();
        silo.Services.AddSingleton<MessageBatchWriter>();
        silo.Services.AddSingleton<CallHistoryStore>();
        silo.Services.AddFileAttachments();
        silo.Services.AddSearchQueries();
        silo.Services.AddHostedService(sp => sp.GetRequiredService<MessageBatchWriter>());
        return silo;
    }

    /// <summary>Registers the process-wide Postgres data source and the schema migrator.</summary>
    public static IServiceCollection AddChatStorage(this IServiceCollection services, string connectionString)
    {
        services.AddSingleton(TimeProvider.System);
        services.AddSingleton(_ => new NpgsqlDataSourceBuilder(connectionString).Build());
        services.AddSingleton<SchemaMigrator>();
        return services;
    }
}
