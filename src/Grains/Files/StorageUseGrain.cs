using Orleans.Concurrency;

namespace Chat.Files;

/// <inheritdoc cref="IStorageUseGrain"/>
[StatelessWorker]
internal sealed class StorageUseGrain(FileStore store, FileSettings settings) : Grain, IStorageUseGrain
{
    public Task<StorageUse> GetAsync() => store.ReadUseAsync(this.GetPrimaryKey(), settings.QuotaBytes);
}
