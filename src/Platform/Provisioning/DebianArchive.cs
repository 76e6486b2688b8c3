using System.Text.RegularExpressions;

namespace Translator.Platform.Provisioning;

/// <summary>
/// The host's apt, asked for armhf packages: enables the architecture when it is missing, resolves a
/// metapackage to the package it depends on, downloads .deb files and unpacks them.
/// </summary>
internal sealed partial class DebianArchive(IProgress<string>? progress)
{
    public const string Architecture = "armhf";

    // Another apt or dpkg (unattended-upgrades, a parallel test run) may hold the locks; wait as long as apt would.
    private static readonly TimeSpan LockWait = TimeSpan.FromMinutes(10);
    private static readonly string[] AptLockOptions = ["-o", "DPkg::Lock::Timeout=600"];
    private bool updated;

    /// <summary>Makes apt know armhf packages: adds the architecture to dpkg and updates the package lists when it was not there.</summary>
    public void EnsureArchitecture()
    {
        foreach (string tool in (ReadOnlySpan<string>)["apt-get", "apt-cache", "dpkg", "dpkg-deb"])
            if (!HostCommand.Exists(tool)) throw new ProvisioningException($"{tool} is not on PATH: provisioning the guest needs a Debian host with apt");
        string native = HostCommand.Run("dpkg", ["--print-architecture"]).Check().Text.Trim();
        string foreign = HostCommand.Run("dpkg", ["--print-foreign-architectures"]).Check().Text;
        if (native == Architecture || foreign.Split('\n', StringSplitOptions.TrimEntries).Contains(Architecture)) return;
        progress?.Report($"enabling the {Architecture} architecture for apt (dpkg --add-architecture {Architecture})");
        RunWaitingForLocks("dpkg", ["--add-architecture", Architecture]);
        Update();
    }

    /// <summary>The package a metapackage such as linux-image-armmp depends on whose name starts with <paramref name="prefix"/>.</summary>
    public string ResolveDependency(string metapackage, string prefix)
    {
        string query = $"{metapackage}:{Architecture}";
        var result = HostCommand.Run("apt-cache", ["depends", query]);
        if (FindDependency(result, prefix) is null && !updated)
        {
            Update(); // the lists may predate the architecture, or be missing in a fresh container
            result = HostCommand.Run("apt-cache", ["depends", query]);
        }
        return FindDependency(result, prefix)
            ?? throw new ProvisioningException($"apt-cache depends {query} names no {prefix}* package: {(result.ExitCode != 0 ? result.LastError : "is the Debian archive in apt's sources?")}");
    }

    /// <summary>Downloads the packages' .deb files into <paramref name="directory"/>; returns their paths in the order asked.</summary>
    public IReadOnlyList<string> Download(string directory, IReadOnlyList<string> packages)
    {
        var names = packages.Select(p => $"{p}:{Architecture}").ToArray();
        progress?.Report($"downloading {string.Join(" and ", names)}");
        var result = HostCommand.Run("apt-get", DownloadArguments(names), directory);
        if (result.ExitCode != 0 && !updated)
        {
            Update(); // stale lists name versions the mirror no longer has
            result = HostCommand.Run("apt-get", DownloadArguments(names), directory);
        }
        result.Check();
        return packages.Select(p => FindDeb(directory, p)).ToArray();
    }

    /// <summary>One control field of a .deb file, such as Version.</summary>
    public static string Field(string deb, string field) => HostCommand.Run("dpkg-deb", ["-f", deb, field]).Check().Text.Trim();

    public void Extract(string deb, string directory)
    {
        progress?.Report($"extracting {Path.GetFileName(deb)}");
        Directory.CreateDirectory(directory);
        HostCommand.Run("dpkg-deb", ["-x", deb, directory]).Check();
    }

    private void Update()
    {
        progress?.Report("updating apt's package lists (apt-get update)");
        RunWaitingForLocks("apt-get", [.. AptLockOptions, "update"]);
        updated = true;
    }

    private static string[] DownloadArguments(string[] names)
    {
        // As root apt downloads as the unprivileged _apt user, who cannot write into a home directory's cache; the files are ours anyway.
        string[] sandbox = Environment.IsPrivilegedProcess ? ["-o", "APT::Sandbox::User=root"] : [];
        return [.. AptLockOptions, .. sandbox, "download", .. names];
    }

    private static void RunWaitingForLocks(string tool, string[] arguments)
    {
        var deadline = DateTime.UtcNow + LockWait;
        while (true)
        {
            var result = HostCommand.Run(tool, arguments, asRoot: true);
            if (result.ExitCode == 0) return;
            bool locked = result.Error.Contains("lock", StringComparison.OrdinalIgnoreCase);
            if (!locked || DateTime.UtcNow > deadline) result.Check();
            Thread.Sleep(TimeSpan.FromSeconds(3));
        }
    }

    private static string? FindDependency(HostCommand.Result result, string prefix)
    {
        if (result.ExitCode != 0) return null;
        return DependsLine().Matches(result.Text).Select(m => m.Groups[1].Value).FirstOrDefault(name => name.StartsWith(prefix, StringComparison.Ordinal));
    }

    private static string FindDeb(string directory, string package)
    {
        // apt names the file package_version_arch.deb, with the version's ':' escaped as %3a.
        var matches = Directory.GetFiles(directory, $"{package}_*_{Architecture}.deb");
        return matches.Length == 1 ? matches[0]
            : throw new ProvisioningException($"apt-get download left {matches.Length} files named {package}_*_{Architecture}.deb in {directory}");
    }

    [GeneratedRegex(@"^\s*Depends:\s*<?([a-z0-9][a-z0-9+.-]*)", RegexOptions.Multiline)]
    private static partial Regex DependsLine();
}
