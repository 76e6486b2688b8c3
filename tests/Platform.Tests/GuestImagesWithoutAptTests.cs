using Translator.Platform.Provisioning;

namespace Translator.Platform.Tests;

/// <summary>Provisioning on a host without apt fails at once, with one line that says why, and leaves no half-made guest.</summary>
[NonParallelizable] // changes PATH, which the whole process shares
public sealed class GuestImagesWithoutAptTests
{
    [Test]
    public void MissingAptIsAOneLineProvisioningError()
    {
        string cache = Directory.CreateTempSubdirectory("translator-cache-").FullName;
        string? path = Environment.GetEnvironmentVariable("PATH");
        try
        {
            Environment.SetEnvironmentVariable("PATH", cache);
            var error = Assert.Throws<ProvisioningException>(() => new GuestImages(cache).Provision());
            Assert.That(error!.Message, Does.Contain("apt-get").And.Not.Contain("\n"));
            Assert.That(File.Exists(Path.Combine(cache, "debian-armhf", "manifest")), Is.False);
        }
        finally
        {
            Environment.SetEnvironmentVariable("PATH", path);
            Directory.Delete(cache, recursive: true);
        }
    }

    [Test]
    public void CacheDirectoryComesFromTheConstructorFirst()
    {
        Assert.That(new GuestImages("/tmp/somewhere").GuestDirectory, Is.EqualTo("/tmp/somewhere/debian-armhf"));
        Assert.That(Path.IsPathRooted(GuestImages.DefaultCacheDirectory()), Is.True);
    }
}
