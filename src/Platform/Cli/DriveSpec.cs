using Translator.Platform.Boards;

namespace Translator.Platform.Cli;

/// <summary>Parses QEMU's <c>-drive</c> syntax as far as the board needs it: <c>file=IMG[,readonly[=on|off]][,format=raw][,if=virtio]</c>.</summary>
internal static class DriveSpec
{
    public static DriveOption Parse(string text)
    {
        string? file = null;
        bool readOnly = false;
        foreach (string part in SplitOptions(text))
        {
            int eq = part.IndexOf('=');
            string key = eq < 0 ? part : part[..eq], value = eq < 0 ? "" : part[(eq + 1)..];
            switch (key)
            {
                case "file" when value.Length > 0:
                    file = value;
                    break;
                case "readonly" or "read-only":
                    readOnly = value switch
                    {
                        "" or "on" or "true" or "yes" => true,
                        "off" or "false" or "no" => false,
                        _ => throw new ArgumentException($"--drive {text}: readonly takes on or off, not '{value}'"),
                    };
                    break;
                case "format" when value == "raw":
                case "if" when value is "virtio" or "none":
                    break;
                case "format":
                    throw new ArgumentException($"--drive {text}: only raw images are supported, not '{value}'");
                default:
                    throw new ArgumentException($"--drive {text}: unknown or empty setting '{part}' (expected file=IMG[,readonly])");
            }
        }
        if (file is null) throw new ArgumentException($"--drive {text}: no file= given");
        if (!File.Exists(file)) throw new ArgumentException($"--drive {text}: {file}: no such file");
        if (Directory.Exists(file)) throw new ArgumentException($"--drive {text}: {file} is a directory");
        return new DriveOption(file, readOnly);
    }

    /// <summary>Splits on commas, where ",," stands for a comma in a value, as QEMU's option syntax has it.</summary>
    private static IEnumerable<string> SplitOptions(string text)
    {
        var current = new System.Text.StringBuilder();
        for (int i = 0; i < text.Length; i++)
        {
            if (text[i] != ',') current.Append(text[i]);
            else if (i + 1 < text.Length && text[i + 1] == ',') { current.Append(','); i++; }
            else { yield return current.ToString(); current.Clear(); }
        }
        yield return current.ToString();
    }
}
