using System.Diagnostics;
using System.IO.Compression;

namespace Translator.Oracles;

/// <summary>GNU cpio (Debian's cpio) as the oracle of what a cpio archive holds.</summary>
public static class GnuCpio
{
    public const string Tool = "cpio";

    public static bool Available => Objdump.Which(Tool) is not null;

    public sealed record Result(int ExitCode, string Output, string Error);

    /// <summary>`cpio -itv`: the archive's table of contents, one `ls -l` style line per entry.</summary>
    public static Result List(byte[] archive) => Run(archive, null, "-itv", "--numeric-uid-gid", "--quiet");

    /// <summary>
    /// `cpio -id` into <paramref name="directory"/>, keeping modification times; with
    /// <paramref name="except"/> (a shell pattern), every entry but the ones it matches.
    /// </summary>
    public static Result Extract(byte[] archive, string directory, string? except = null) =>
        except is null
            ? Run(archive, directory, "-idm", "--no-absolute-filenames", "--quiet")
            : Run(archive, directory, "-idmf", "--no-absolute-filenames", "--quiet", except);

    private static Result Run(byte[] archive, string? directory, params string[] arguments)
    {
        var start = new ProcessStartInfo(Tool)
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = directory ?? Environment.CurrentDirectory,
        };
        foreach (string argument in arguments) start.ArgumentList.Add(argument);
        start.Environment["LC_ALL"] = "C";
        start.Environment["TZ"] = "UTC";
        using var process = Process.Start(start) ?? throw new InvalidOperationException($"cannot start {Tool}");
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        process.StandardInput.BaseStream.Write(archive);
        process.StandardInput.Close();
        process.WaitForExit();
        return new Result(process.ExitCode, output.Result, error.Result);
    }

    /// <summary>A gzip-compressed archive's bytes (GNU cpio reads only uncompressed ones).</summary>
    public static byte[] Gunzip(byte[] data)
    {
        using var gzip = new GZipStream(new MemoryStream(data), CompressionMode.Decompress);
        var output = new MemoryStream();
        gzip.CopyTo(output);
        return output.ToArray();
    }

    /// <summary>The names <see cref="List"/> printed, in archive order (a symbolic link's target left off).</summary>
    public static IReadOnlyList<string> Names(string listing) =>
        listing.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(line => NameField(line)).ToArray();

    /// <summary>The name field of one `cpio -tv` line, with " -> target" when it is a symbolic link.</summary>
    public static string NameField(string line, bool withTarget = false)
    {
        // mode links uid gid size-or-"major, minor" month day time-or-year name
        string[] parts = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        int nameStart = parts[0][0] is 'c' or 'b' ? 9 : 8;
        string name = string.Join(' ', parts.Skip(nameStart));
        int arrow = name.IndexOf(" -> ", StringComparison.Ordinal);
        return withTarget || arrow < 0 ? name : name[..arrow];
    }
}
