namespace Translator.Platform.Provisioning;

/// <summary>
/// What a provisioned cache holds, written last so that its presence means the parts are complete:
/// the packages and versions they came from, and the modules in load order. Stored as key=value
/// lines; a module line is its modules.dep line.
/// </summary>
internal sealed record GuestManifest(
    int Format,
    string KernelPackage,
    string KernelVersion,
    string KernelRelease,
    string BusyboxVersion,
    IReadOnlyList<string> ModuleLines,
    string InitramfsHash)
{
    /// <summary>Raised whenever the cache's layout changes, so that an old cache is provisioned again instead of misread.</summary>
    public const int CurrentFormat = 1;

    /// <summary>The modules' paths under lib/modules/&lt;release&gt;/, in load order.</summary>
    public IEnumerable<string> ModulePaths => ModuleLines.Select(line => line[..line.IndexOf(':')]);

    public static GuestManifest? TryRead(string path)
    {
        if (!File.Exists(path)) return null;
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        var modules = new List<string>();
        foreach (string line in File.ReadAllLines(path))
        {
            int equals = line.IndexOf('=');
            if (equals <= 0) continue;
            string key = line[..equals], value = line[(equals + 1)..];
            if (key == "module") { if (value.Contains(':')) modules.Add(value); }
            else values[key] = value;
        }
        string Get(string key) => values.TryGetValue(key, out string? v) ? v : "";
        if (!int.TryParse(Get("format"), out int format)) return null;
        return new GuestManifest(format, Get("kernel-package"), Get("kernel-version"), Get("kernel-release"), Get("busybox-version"), modules, Get("initramfs"));
    }

    public void Write(string path)
    {
        var lines = new List<string>
        {
            $"format={Format}",
            $"kernel-package={KernelPackage}",
            $"kernel-version={KernelVersion}",
            $"kernel-release={KernelRelease}",
            $"busybox-version={BusyboxVersion}",
            $"initramfs={InitramfsHash}",
        };
        lines.AddRange(ModuleLines.Select(m => $"module={m}"));
        string temporary = path + ".new";
        File.WriteAllLines(temporary, lines);
        File.Move(temporary, path, overwrite: true);
    }
}
