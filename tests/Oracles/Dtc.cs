using System.Diagnostics;

namespace Translator.Oracles;

/// <summary>dtc, the device tree compiler (Debian's device-tree-compiler), as the oracle of the DTB format.</summary>
public static class Dtc
{
    public const string Tool = "dtc";

    public static bool Available => Objdump.Which(Tool) is not null;

    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(5);

    /// <summary>dtc's answer: what it wrote to its output file (empty when it failed), its messages and its exit code.</summary>
    public sealed record Result(byte[] Output, string Messages, int ExitCode)
    {
        public string Text => System.Text.Encoding.UTF8.GetString(Output);
    }

    /// <summary>dtc -I dtb -O dts: the blob as dtc prints it.</summary>
    public static Result Decompile(byte[] dtb) => Run(dtb, "dtb", "dts");

    /// <summary>dtc -I dts -O dtb, with further options such as "-V", "16" or "-p", "1024".</summary>
    public static Result Compile(string dts, params string[] options) => Run(System.Text.Encoding.UTF8.GetBytes(dts), "dts", "dtb", options);

    private static Result Run(byte[] input, string from, string to, params string[] options)
    {
        string stem = Path.Combine(Path.GetTempPath(), $"translator-dtc-{Environment.ProcessId}-{Guid.NewGuid():N}");
        string inFile = $"{stem}.{from}", outFile = $"{stem}.out.{to}";
        File.WriteAllBytes(inFile, input);
        try
        {
            var psi = new ProcessStartInfo(Tool) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
            foreach (var a in new[] { "-I", from, "-O", to }.Concat(options).Concat(["-o", outFile, inFile])) psi.ArgumentList.Add(a);
            using var p = Process.Start(psi) ?? throw new InvalidOperationException($"cannot start {Tool}");
            var stdout = p.StandardOutput.ReadToEndAsync();
            var stderr = p.StandardError.ReadToEndAsync();
            // dtc 1.6.1 loops forever on some malformed blobs (found by the corruption test), so a blob it
            // has not read in this long counts as one it cannot read.
            if (!p.WaitForExit(Timeout))
            {
                p.Kill(entireProcessTree: true);
                p.WaitForExit();
                return new Result([], $"{Tool} did not finish within {Timeout.TotalSeconds} s", -1);
            }
            string messages = (stdout.Result + stderr.Result).Replace(inFile, $"<input.{from}>", StringComparison.Ordinal).Replace(outFile, $"<output.{to}>", StringComparison.Ordinal);
            return new Result(p.ExitCode == 0 && File.Exists(outFile) ? File.ReadAllBytes(outFile) : [], messages, p.ExitCode);
        }
        finally
        {
            File.Delete(inFile);
            File.Delete(outFile);
        }
    }

    /// <summary>
    /// The nodes of a tree as dtc prints it (one property or node per line, as dtc -O dts writes):
    /// node path -> (property name -> value text as dtc printed it, "" for a property without value), in
    /// order. Comments are skipped; memory reservations ("/memreserve/") are returned under the path "/memreserve/".
    /// </summary>
    public static Dictionary<string, Dictionary<string, string>> Nodes(string dts)
    {
        var nodes = new Dictionary<string, Dictionary<string, string>>();
        var path = new List<string>();
        string Current() => path.Count == 0 ? "" : path.Count == 1 ? "/" : "/" + string.Join('/', path.Skip(1));
        foreach (string raw in dts.Split('\n'))
        {
            string line = raw.Trim();
            if (line.Length == 0 || line == "/dts-v1/;" || (line.StartsWith("/*", StringComparison.Ordinal) && line.EndsWith("*/", StringComparison.Ordinal))) continue;
            if (line.StartsWith("/memreserve/", StringComparison.Ordinal))
            {
                var reservations = nodes.TryGetValue("/memreserve/", out var r) ? r : nodes["/memreserve/"] = [];
                reservations[line] = "";
            }
            else if (line.EndsWith(" {", StringComparison.Ordinal))
            {
                path.Add(line[..^2]);
                nodes.Add(Current(), []);
            }
            else if (line == "};")
            {
                if (path.Count == 0) throw new FormatException("dtc output closes more nodes than it opens");
                path.RemoveAt(path.Count - 1);
            }
            else if (line.EndsWith(';') && path.Count > 0)
            {
                int equals = line.IndexOf(" = ", StringComparison.Ordinal);
                string name = equals < 0 ? line[..^1] : line[..equals];
                nodes[Current()].Add(name, equals < 0 ? "" : line[(equals + 3)..^1]);
            }
            else throw new FormatException($"unexpected line in dtc output: {line}");
        }
        if (path.Count != 0) throw new FormatException("dtc output leaves a node open");
        return nodes;
    }
}
