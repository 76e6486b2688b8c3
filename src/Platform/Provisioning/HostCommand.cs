using System.ComponentModel;
using System.Diagnostics;
using System.Text;

namespace Translator.Platform.Provisioning;

/// <summary>Runs the host's tools (apt, dpkg, xz) and turns their failures into one-line <see cref="ProvisioningException"/>s.</summary>
internal static class HostCommand
{
    internal sealed record Result(string Command, int ExitCode, byte[] Output, string Error)
    {
        public string Text => Encoding.UTF8.GetString(Output);

        /// <summary>The last line the tool wrote to stderr, which for apt and dpkg is the one that says what went wrong.</summary>
        public string LastError =>
            Error.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).LastOrDefault() ?? $"exit code {ExitCode}";

        public Result Check()
        {
            if (ExitCode != 0) throw new ProvisioningException($"{Command} failed: {LastError}");
            return this;
        }
    }

    /// <summary>Runs <paramref name="tool"/>; with <paramref name="asRoot"/> through sudo unless this process is root already.</summary>
    public static Result Run(string tool, IReadOnlyList<string> arguments, string? workingDirectory = null, bool asRoot = false)
    {
        bool sudo = asRoot && !Environment.IsPrivilegedProcess;
        var start = new ProcessStartInfo(sudo ? "sudo" : tool)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = workingDirectory ?? Environment.CurrentDirectory,
        };
        if (sudo) start.ArgumentList.Add(tool);
        foreach (string argument in arguments) start.ArgumentList.Add(argument);
        // Untranslated messages, so that what is parsed and reported reads the same everywhere.
        start.Environment["LC_ALL"] = "C";
        start.Environment["DEBIAN_FRONTEND"] = "noninteractive";
        string command = Describe(tool, arguments);

        Process process;
        try
        {
            process = Process.Start(start) ?? throw new ProvisioningException($"{command} did not start");
        }
        catch (Win32Exception)
        {
            string missing = start.FileName;
            throw new ProvisioningException(sudo
                ? $"{tool} needs root and sudo is not installed: run as root or install sudo"
                : $"{missing} is not installed (needed to provision the guest: {PackageOf(missing)})");
        }
        using (process)
        {
            var output = new MemoryStream();
            var copy = process.StandardOutput.BaseStream.CopyToAsync(output);
            var error = process.StandardError.ReadToEndAsync();
            process.WaitForExit();
            copy.Wait();
            return new Result(command, process.ExitCode, output.ToArray(), error.Result);
        }
    }

    /// <summary>Whether <paramref name="tool"/> is an executable file on PATH.</summary>
    public static bool Exists(string tool) =>
        (Environment.GetEnvironmentVariable("PATH") ?? "").Split(':', StringSplitOptions.RemoveEmptyEntries)
            .Any(directory => File.Exists(Path.Combine(directory, tool)));

    // The command as an error message names it: apt's "-o option" pairs say nothing about what failed.
    private static string Describe(string tool, IReadOnlyList<string> arguments)
    {
        var words = new List<string> { tool };
        bool skipValue = false;
        foreach (string argument in arguments)
        {
            if (skipValue) { skipValue = false; continue; }
            if (argument == "-o") { skipValue = true; continue; }
            words.Add(argument);
        }
        return string.Join(' ', words);
    }

    private static string PackageOf(string tool) => tool switch
    {
        "apt-get" or "apt-cache" => "a Debian host with apt",
        "dpkg" or "dpkg-deb" => "Debian's dpkg",
        "xz" => "apt-get install xz-utils",
        "zstd" => "apt-get install zstd",
        _ => tool,
    };
}
