using System.Runtime.InteropServices;

namespace Chat.Frontend.Hosting;

/// <summary>Hands whole pages of our own native memory back to the operating system, keeping the addresses.</summary>
internal static unsafe partial class PageRelease
{
    public const int PageSize = 4096;

    // Linux's MADV_DONTNEED: the pages stop counting in the process's memory at once, and the next
    // touch maps in fresh zeroed pages.
    private const int DontNeed = 4;

    /// <summary>Whether <see cref="Release"/> really gives memory back here; elsewhere the pages stay resident.</summary>
    public static bool Supported { get; } = OperatingSystem.IsLinux() && Environment.SystemPageSize == PageSize;

    public static void Release(void* start, int length)
    {
        if (Supported && madvise(start, (nuint)length, DontNeed) != 0)
        {
            throw new InvalidOperationException($"madvise failed: errno {Marshal.GetLastPInvokeError()}");
        }
    }

    [LibraryImport("libc", SetLastError = true)]
    private static partial int madvise(void* address, nuint length, int advice);
}
