namespace Translator.Platform.Provisioning;

/// <summary>
/// An exclusive lock on the guest cache, held while it is provisioned, so that two processes (or two
/// tests) starting at once build it once. It is the lock file opened without sharing, which .NET
/// turns into an advisory flock on Unix; the kernel releases it if the process dies.
/// </summary>
internal sealed class CacheLock : IDisposable
{
    private static readonly TimeSpan Patience = TimeSpan.FromMinutes(30);
    private readonly FileStream file;

    private CacheLock(FileStream file) => this.file = file;

    public static CacheLock Acquire(string path, IProgress<string>? progress)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var deadline = DateTime.UtcNow + Patience;
        bool reported = false;
        while (true)
        {
            try
            {
                return new CacheLock(new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None));
            }
            catch (IOException) when (DateTime.UtcNow < deadline)
            {
                if (!reported) progress?.Report($"waiting for another process provisioning the guest ({path})");
                reported = true;
                Thread.Sleep(TimeSpan.FromSeconds(1));
            }
        }
    }

    public void Dispose() => file.Dispose();
}
