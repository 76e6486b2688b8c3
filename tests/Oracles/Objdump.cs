using System.Diagnostics;
using System.Text.RegularExpressions;

namespace Translator.Oracles;

/// <summary>GNU objdump (Debian's binutils-arm-none-eabi) as a disassembly oracle for raw words.</summary>
public static partial class Objdump
{
    public const string Tool = "arm-none-eabi-objdump";

    public static bool Available => Which(Tool) is not null;

    public static string? Which(string tool) =>
        (Environment.GetEnvironmentVariable("PATH") ?? "").Split(':')
            .Select(d => Path.Combine(d, tool)).FirstOrDefault(File.Exists);

    /// <summary>
    /// Disassembles little-endian words as raw A32 (or Thumb with <paramref name="thumb"/>) starting at
    /// address 0, and returns, per word, the text objdump prints after the encoding column.
    /// </summary>
    public static string[] DisassembleA32(IReadOnlyList<uint> words)
    {
        var bytes = new byte[words.Count * 4];
        for (int k = 0; k < words.Count; k++) BitConverter.TryWriteBytes(bytes.AsSpan(k * 4), words[k]);
        var byAddress = Run(bytes, "-marm");
        var result = new string[words.Count];
        for (int k = 0; k < words.Count; k++)
            result[k] = byAddress.TryGetValue((uint)(k * 4), out var t)
                ? t : throw new InvalidOperationException($"objdump printed nothing for address {k * 4:x}");
        return result;
    }

    /// <summary>Disassembles little-endian Thumb code from address 0 (objdump -M force-thumb): the text after the encoding column, by address.</summary>
    public static Dictionary<uint, string> DisassembleThumb(byte[] code) => Run(code, "-marm", "-Mforce-thumb");

    private static Dictionary<uint, string> Run(byte[] bytes, params string[] machine)
    {
        string file = Path.Combine(Path.GetTempPath(), $"translator-objdump-{Environment.ProcessId}-{Guid.NewGuid():N}.bin");
        File.WriteAllBytes(file, bytes);
        try
        {
            var psi = new ProcessStartInfo(Tool) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
            foreach (var a in new[] { "-D", "-z", "-b", "binary" }.Concat(machine).Append(file)) psi.ArgumentList.Add(a);
            using var p = Process.Start(psi) ?? throw new InvalidOperationException($"cannot start {Tool}");
            var stderr = p.StandardError.ReadToEndAsync();
            var map = new Dictionary<uint, string>();
            string? line;
            while ((line = p.StandardOutput.ReadLine()) is not null)
            {
                var m = LineRegex().Match(line);
                if (m.Success) map[Convert.ToUInt32(m.Groups[1].Value, 16)] = m.Groups[2].Value;
            }
            p.WaitForExit();
            if (p.ExitCode != 0) throw new InvalidOperationException($"{Tool} failed: {stderr.Result}");
            return map;
        }
        finally
        {
            File.Delete(file);
        }
    }

    /// <summary>Collapses runs of blanks to one space, so tabs and padding do not count as differences.</summary>
    public static string Normalize(string text) => BlankRegex().Replace(text, " ").Trim();

    [GeneratedRegex(@"^\s*([0-9a-f]+):\t[0-9a-f]+(?: [0-9a-f]+)? +\t(.*)$")]
    private static partial Regex LineRegex();

    [GeneratedRegex(@"\s+")]
    private static partial Regex BlankRegex();
}
