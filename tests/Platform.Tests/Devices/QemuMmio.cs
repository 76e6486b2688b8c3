using System.Diagnostics;
using System.Globalization;
using System.Text;
using Translator.Oracles;

namespace Translator.Platform.Tests.Devices;

/// <summary>
/// Runs an <see cref="MmioScript"/> on qemu-system-arm's virt board: the script becomes a table in a small
/// semihosted C program (built with Debian's gcc-arm-none-eabi) that performs the accesses with the MMU
/// off and prints what it recorded at the end. Console input for the UART is written to QEMU's standard
/// input (its serial port) when the program says it has reached the script's StartInput step.
/// </summary>
internal static class QemuMmio
{
    private const string InputMarker = "@@INPUT", ResultsMarker = "@@RESULTS", EndMarker = "@@END";

    public static List<uint> Run(MmioScript script, byte[]? input = null)
    {
        QemuComparison.RequireTools();
        string dir = Directory.CreateTempSubdirectory("translator-mmio-").FullName;
        try
        {
            string elf = Build(script, dir);
            return Execute(elf, input ?? []);
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }

    private static string Build(MmioScript script, string dir)
    {
        var table = new StringBuilder();
        foreach (var s in script.Steps)
            table.Append(CultureInfo.InvariantCulture, $"    {{{(int)s.Kind}, {s.Size}, 0x{s.Address:x}u, 0x{s.Value:x}u, 0x{s.Mask:x}u}},\n");
        int recorded = script.Steps.Count(s => s.Recorded);
        string source = Program.Replace("STEPS", table.ToString()).Replace("RECORDED", Math.Max(recorded, 1).ToString(CultureInfo.InvariantCulture));
        string c = Path.Combine(dir, "script.c"), o = Path.Combine(dir, "script.o"), elf = Path.Combine(dir, "script.elf");
        File.WriteAllText(c, source);
        // The same flags as tests/Guests/build; null is a device address here, not an error to trap.
        Gcc("-marm", "-mcpu=cortex-a15", "-O2", "-Wall", "-Werror", "-fno-delete-null-pointer-checks", "-c", c, "-o", o);
        Gcc("-marm", "-march=armv4t", "--specs=rdimon.specs", "-Wl,-Ttext-segment=0x40100000", o, "-o", elf);
        return elf;
    }

    private static void Gcc(params string[] arguments)
    {
        var psi = new ProcessStartInfo("arm-none-eabi-gcc") { RedirectStandardError = true, RedirectStandardOutput = true };
        foreach (var a in arguments) psi.ArgumentList.Add(a);
        using var p = Process.Start(psi)!;
        string log = p.StandardOutput.ReadToEnd() + p.StandardError.ReadToEnd();
        p.WaitForExit();
        if (p.ExitCode != 0) throw new InvalidOperationException("arm-none-eabi-gcc failed:\n" + log);
    }

    private static List<uint> Execute(string elf, byte[] input)
    {
        var psi = new ProcessStartInfo(Qemu.Tool)
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var a in new[] { "-M", "virt", "-cpu", "cortex-a15", "-m", "256", "-nographic", "-monitor", "none", "-semihosting", "-kernel", elf })
            psi.ArgumentList.Add(a);
        using var p = Process.Start(psi) ?? throw new InvalidOperationException($"cannot start {Qemu.Tool}");
        var errors = p.StandardError.ReadToEndAsync();
        var output = new StringBuilder();
        // Serial output and semihosting output share standard output; the markers are whole lines of the latter.
        var reader = Task.Run(() =>
        {
            string? line;
            while ((line = p.StandardOutput.ReadLine()) is not null)
            {
                output.AppendLine(line);
                if (line.EndsWith(InputMarker, StringComparison.Ordinal))
                {
                    p.StandardInput.BaseStream.Write(input);
                    p.StandardInput.BaseStream.Flush();
                }
            }
        });
        if (!p.WaitForExit(TimeSpan.FromSeconds(60)))
        {
            p.Kill(entireProcessTree: true);
            Assert.Fail($"QEMU did not finish the script; output so far:\n{output}");
        }
        reader.Wait();
        string text = output.ToString();
        int start = text.IndexOf(ResultsMarker, StringComparison.Ordinal), end = text.IndexOf(EndMarker, StringComparison.Ordinal);
        if (p.ExitCode != 0 || start < 0 || end < start)
            Assert.Fail($"QEMU's run of the script failed (exit {p.ExitCode}):\n{text}\n{errors.Result}");
        return [.. text[(start + ResultsMarker.Length)..end]
            .Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(v => uint.Parse(v, NumberStyles.HexNumber, CultureInfo.InvariantCulture))];
    }

    private const string Program = """
        #include <stdint.h>
        #include <stdio.h>

        struct step { int kind, size; uint32_t address, value, mask; };
        enum { WRITE, READ, LINE, WAIT_UNTIL, START_INPUT };
        static const struct step steps[] = {
        STEPS};
        static uint32_t results[RECORDED];

        static uint32_t rd(uint32_t address, int size)
        {
            switch (size) {
            case 1: return *(volatile uint8_t *)address;
            case 2: return *(volatile uint16_t *)address;
            default: return *(volatile uint32_t *)address;
            }
        }

        static void wr(uint32_t address, int size, uint32_t value)
        {
            switch (size) {
            case 1: *(volatile uint8_t *)address = value; break;
            case 2: *(volatile uint16_t *)address = value; break;
            default: *(volatile uint32_t *)address = value; break;
            }
        }

        int main(void)
        {
            unsigned n = 0;
            for (unsigned i = 0; i < sizeof steps / sizeof steps[0]; i++) {
                const struct step *s = &steps[i];
                switch (s->kind) {
                case WRITE: wr(s->address, s->size, s->value); break;
                case READ: results[n++] = rd(s->address, s->size); break;
                case LINE: {
                    /* GICD_ISPENDR: a level-sensitive SPI reads as pending while its input is high. */
                    uint32_t id = s->address + 32;
                    results[n++] = (rd(0x08000200 + 4 * (id / 32), 4) >> (id % 32)) & 1;
                    break;
                }
                case WAIT_UNTIL: {
                    uint32_t v;
                    unsigned long k = 0;
                    do v = rd(s->address, 4); while ((v & s->mask) != s->value && ++k < 200000000ul);
                    results[n++] = v;
                    break;
                }
                case START_INPUT:
                    printf("\n@@INPUT\n");
                    fflush(stdout);
                    break;
                }
            }
            printf("\n@@RESULTS\n");
            for (unsigned i = 0; i < n; i++) printf("%08lx\n", (unsigned long)results[i]);
            printf("@@END\n");
            return 0;
        }
        """;
}
