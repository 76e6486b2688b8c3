using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using Microsoft.Extensions.Logging;
using Translator.Platform.Listing;
using Translator.Platform.Loaders;

namespace Translator.Platform.Cli;

/// <summary>
/// <c>translator disasm FILE</c>: an objdump-style listing of an ELF file's code (ARM, Thumb and
/// data as its mapping symbols say) or of a raw binary (A32, or Thumb with <c>--isa t32</c>).
/// </summary>
internal static class DisasmCommand
{
    public static Command Create(Option<LogLevel> logLevel, TextWriter stdout, TextWriter stderr)
    {
        var file = new Argument<string>("FILE") { Description = "An ARM ELF file (its code sections are listed) or a raw binary" };
        var isa = new Option<string>("--isa") { Description = "Instruction set of raw binaries: a32, or t32 for Thumb", DefaultValueFactory = _ => "a32" };
        isa.AcceptOnlyFromAmong("a32", "t32");
        var baseAddress = new Option<string?>("--base") { Description = "Address of a raw binary's first byte (default 0)" };
        var start = new Option<string?>("--start") { Description = "First address to list" };
        var length = new Option<string?>("--length") { Description = "Number of bytes to list from --start" };

        var command = new Command("disasm", "Disassemble A32 and Thumb code in GNU objdump's syntax") { file, isa, baseAddress, start, length };
        command.SetAction(result =>
        {
            using var loggers = CommandLine.CreateLoggerFactory(result.GetValue(logLevel), stderr);
            var log = loggers.CreateLogger("disasm");
            string path = result.GetValue(file)!;
            try
            {
                uint? baseValue = ParseAddress(result.GetValue(baseAddress), "--base");
                uint? startValue = ParseAddress(result.GetValue(start), "--start");
                uint? lengthValue = ParseAddress(result.GetValue(length), "--length");
                if (!File.Exists(path)) return CommandLine.Fail(stderr, $"{path}: no such file");
                byte[] data = File.ReadAllBytes(path);
                var timer = Stopwatch.StartNew();
                var listing = new DisassemblyListing(stdout);
                string name = Path.GetFileName(path);
                if (ElfImage.HasElfMagic(data))
                {
                    if (baseValue is not null) return CommandLine.Fail(stderr, "--base applies to raw binaries; an ELF file gives its own addresses");
                    listing.WriteElf(name, new ElfImage(data), startValue, lengthValue);
                }
                else
                {
                    listing.WriteRaw(name, data, baseValue ?? 0, startValue, lengthValue, thumb: result.GetValue(isa) == "t32");
                }
                log.LogInformation("listed {Bytes} bytes of {File} in {Ms:F1} ms", data.Length, path, timer.Elapsed.TotalMilliseconds);
                return 0;
            }
            catch (ImageFormatException e)
            {
                return CommandLine.Fail(stderr, $"{path}: {e.Message}");
            }
            catch (ArgumentException e)
            {
                return CommandLine.Fail(stderr, e.Message);
            }
            catch (IOException e)
            {
                return CommandLine.Fail(stderr, $"{path}: {e.Message}");
            }
        });
        return command;
    }

    /// <summary>Parses 0x-prefixed hex or decimal; a bad value is a one-line error naming the option.</summary>
    internal static uint? ParseAddress(string? text, string option)
    {
        if (text is null) return null;
        bool ok = text.StartsWith("0x", StringComparison.OrdinalIgnoreCase)
            ? uint.TryParse(text.AsSpan(2), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out uint v)
            : uint.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out v);
        return ok ? v : throw new ArgumentException($"{option}: '{text}' is not a 32-bit address (decimal or 0x-prefixed hex)");
    }
}
