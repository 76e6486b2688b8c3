using System.IO.Compression;
using System.Text;
using Translator.Platform.Loaders;

namespace Translator.Platform.Provisioning;

/// <summary>
/// Picks kernel modules out of an unpacked linux-image package. The package ships no modules.dep
/// (depmod writes it when the package is installed), so dependencies come from each module's own
/// .modinfo section ("depends="), and modules.builtin says which drivers need no module at all.
/// </summary>
internal static class KernelModules
{
    /// <param name="Name">The module's name as the kernel knows it (dashes become underscores, as in /sys/module).</param>
    /// <param name="Path">Where it lives under lib/modules/&lt;release&gt;/, uncompressed (kernel/drivers/.../x.ko).</param>
    /// <param name="Depends">The paths of the modules it needs loaded first.</param>
    /// <param name="Contents">The uncompressed module, ready for insmod.</param>
    internal sealed record Module(string Name, string Path, IReadOnlyList<string> Depends, byte[] Contents)
    {
        /// <summary>This module's line in modules.dep.</summary>
        public string DepLine => Depends.Count == 0 ? $"{Path}:" : $"{Path}: {string.Join(' ', Depends)}";
    }

    private static readonly string[] Suffixes = [".ko", ".ko.xz", ".ko.zst", ".ko.gz"];

    /// <summary>
    /// The modules <paramref name="wanted"/> needs, dependencies before the modules that use them,
    /// leaving out those built into the kernel.
    /// </summary>
    /// <param name="moduleDirectory">lib/modules/&lt;release&gt; of the unpacked package.</param>
    public static IReadOnlyList<Module> Resolve(string moduleDirectory, IEnumerable<string> wanted)
    {
        var builtin = File.Exists(Path.Combine(moduleDirectory, "modules.builtin"))
            ? File.ReadAllLines(Path.Combine(moduleDirectory, "modules.builtin")).Select(NameOf).ToHashSet(StringComparer.Ordinal)
            : [];
        var files = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (string file in Directory.EnumerateFiles(Path.Combine(moduleDirectory, "kernel"), "*.ko*", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
            if (Suffixes.Any(s => file.EndsWith(s, StringComparison.Ordinal)))
                files.TryAdd(NameOf(file), file); // module names are unique in a kernel build; the first wins should one repeat

        var ordered = new List<Module>();
        var visiting = new HashSet<string>(StringComparer.Ordinal);
        void Visit(string name, string neededBy)
        {
            if (builtin.Contains(name) || ordered.Any(m => m.Name == name)) return;
            if (!visiting.Add(name)) throw new ProvisioningException($"kernel modules depend on each other in a cycle through {name}");
            if (!files.TryGetValue(name, out string? file))
                throw new ProvisioningException($"the kernel package has no module {name} (needed by {neededBy}) and does not build it in");
            byte[] contents = Decompress(file);
            var depends = DependsOf(contents, file);
            foreach (string dependency in depends) Visit(dependency, name);
            string path = Path.GetRelativePath(moduleDirectory, file).Replace('\\', '/');
            path = path[..(path.LastIndexOf(".ko", StringComparison.Ordinal) + 3)];
            var dependencyPaths = depends.Select(d => ordered.FirstOrDefault(m => m.Name == d)?.Path).OfType<string>().ToArray();
            ordered.Add(new Module(name, path, dependencyPaths, contents));
        }
        foreach (string name in wanted) Visit(NameOf(name), "the guest");
        return ordered;
    }

    /// <summary>A module's name from its file name or path: virtio-rng.ko.xz is virtio_rng.</summary>
    public static string NameOf(string file)
    {
        string name = Path.GetFileName(file.Trim());
        int ko = name.IndexOf(".ko", StringComparison.Ordinal);
        return (ko >= 0 ? name[..ko] : name).Replace('-', '_');
    }

    private static string[] DependsOf(byte[] module, string file)
    {
        ElfImage elf;
        try { elf = new ElfImage(module); }
        catch (ImageFormatException e) { throw new ProvisioningException($"{file} is not a kernel module: {e.Message}"); }
        var modinfo = elf.Sections.FirstOrDefault(s => s.Name == ".modinfo")
            ?? throw new ProvisioningException($"{file} has no .modinfo section");
        foreach (string entry in Encoding.UTF8.GetString(elf.Contents(modinfo)).Split('\0'))
            if (entry.StartsWith("depends=", StringComparison.Ordinal))
                return entry["depends=".Length..].Split(',', StringSplitOptions.RemoveEmptyEntries).Select(NameOf).ToArray();
        return [];
    }

    // busybox's insmod reads modules as they are, and the kernel decompresses them itself only with
    // CONFIG_MODULE_DECOMPRESS, so compressed modules are unpacked here, on the host.
    private static byte[] Decompress(string file)
    {
        if (file.EndsWith(".ko", StringComparison.Ordinal)) return File.ReadAllBytes(file);
        if (file.EndsWith(".gz", StringComparison.Ordinal))
        {
            using var gzip = new GZipStream(File.OpenRead(file), CompressionMode.Decompress);
            var output = new MemoryStream();
            gzip.CopyTo(output);
            return output.ToArray();
        }
        string tool = file.EndsWith(".xz", StringComparison.Ordinal) ? "xz" : "zstd";
        return HostCommand.Run(tool, ["-dc", file]).Check().Output;
    }
}
