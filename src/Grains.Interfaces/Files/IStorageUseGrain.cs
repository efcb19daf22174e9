namespace Chat.Files;

/// <summary>A user's storage use (<c>GET /api/users/me/storage</c>), keyed by user id; reads <c>user_storage</c>.</summary>
[Alias("chat.files.storage-use-grain")]
public interface IStorageUseGrain : IGrainWithGuidKey
{
    [Alias("get"), ReadOnly]
    Task<StorageUse> GetAsync();
}
