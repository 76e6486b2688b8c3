using System.Diagnostics;

namespace Translator.Oracles;

/// <summary>Builds the guest programs of tests/Guests once per test run (with Debian's gcc-arm-none-eabi) and finds them.</summary>
public static class GuestPrograms
{
    private static readonly Lazy<string> Built = new(Build);

    public static string Directory => Built.Value;

    public static string Path(string name) => System.IO.Path.Combine(Directory, name + ".elf");

    /// <summary>Every program in ARM state, and each C program in Thumb state as NAME-thumb (see tests/Guests/build).</summary>
    public static IEnumerable<string> Names =>
        new DirectoryInfo(System.IO.Path.Combine(SourceRoot(), "tests", "Guests", "bare")).EnumerateFiles()
            .Where(f => f.Extension is ".c" or ".S")
            .SelectMany(f => f.Extension == ".c"
                ? new[] { System.IO.Path.GetFileNameWithoutExtension(f.Name), System.IO.Path.GetFileNameWithoutExtension(f.Name) + "-thumb" }
                : [System.IO.Path.GetFileNameWithoutExtension(f.Name)])
            .Order();

    /// <summary>A system program of tests/Guests/system (built in ARM state, with system/lib).</summary>
    public static string SystemPath(string name) => System.IO.Path.Combine(Directory, "system", name + ".elf");

    /// <summary>The system programs: those that exercise exceptions, modes, CP15, the MMU, the timer and the GIC.</summary>
    public static IEnumerable<string> SystemNames =>
        new DirectoryInfo(System.IO.Path.Combine(SourceRoot(), "tests", "Guests", "system")).EnumerateFiles()
            .Where(f => f.Extension is ".c" or ".S")
            .Select(f => System.IO.Path.GetFileNameWithoutExtension(f.Name))
            .Order();

    /// <summary>The repository root, found from the test's working directory upwards.</summary>
    public static string SourceRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(System.IO.Path.Combine(dir.FullName, "Translator.sln"))) return dir.FullName;
        throw new InvalidOperationException("cannot find the repository root (Translator.sln) above " + AppContext.BaseDirectory);
    }

    private static string Build()
    {
        string output = System.IO.Path.Combine(System.IO.Path.GetTempPath(), $"translator-guests-{Environment.ProcessId}");
        var psi = new ProcessStartInfo("bash") { RedirectStandardOutput = true, RedirectStandardError = true };
        psi.ArgumentList.Add(System.IO.Path.Combine(SourceRoot(), "tests", "Guests", "build"));
        psi.ArgumentList.Add(output);
        using var p = Process.Start(psi)!;
        string log = p.StandardOutput.ReadToEnd() + p.StandardError.ReadToEnd();
        p.WaitForExit();
        if (p.ExitCode != 0) throw new InvalidOperationException("building the guest programs failed:\n" + log);
        return output;
    }
}
