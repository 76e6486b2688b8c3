using Translator.Hypervisor.Memory;
using Translator.Platform.Devices;

namespace Translator.Platform.Tests.Devices;

/// <summary>
/// A sequence of device register accesses at the virt board's physical addresses that runs both on
/// qemu-system-arm (compiled into a bare-metal program, see <see cref="QemuMmio"/>) and on Translator's
/// devices, so that what the reads return and how the interrupt lines stand can be compared step by step.
/// </summary>
internal sealed class MmioScript
{
    public enum Kind { Write, Read, Line, WaitUntil, StartInput }

    /// <param name="Tolerance">How far a read may differ from QEMU's (a clock read in two runs seconds apart).</param>
    public sealed record Step(Kind Kind, uint Address, uint Value, uint Mask, int Size, uint Tolerance)
    {
        public bool Recorded => Kind is Kind.Read or Kind.Line or Kind.WaitUntil;

        public override string ToString() => Kind switch
        {
            Kind.Read => $"read{Size * 8} 0x{Address:x8}",
            Kind.Line => $"line of SPI {Address}",
            Kind.WaitUntil => $"wait until (0x{Address:x8} & 0x{Mask:x}) == 0x{Value:x}",
            _ => $"{Kind} 0x{Address:x8} 0x{Value:x}",
        };
    }

    public const uint GicDistributor = 0x0800_0000, Uart = 0x0900_0000, Rtc = 0x0901_0000, Flash0 = 0, Flash1 = 0x0400_0000;
    public const int UartSpi = 1, RtcSpi = 2;

    public List<Step> Steps { get; } = [];

    public MmioScript Write(uint address, uint value, int size = 4) => Add(new(Kind.Write, address, value, 0, size, 0));

    public MmioScript Read(uint address, int size = 4, uint tolerance = 0) => Add(new(Kind.Read, address, 0, 0, size, tolerance));

    /// <summary>Records whether a shared peripheral interrupt's input is asserted (QEMU: its GICD_ISPENDR bit, which follows a level-sensitive line).</summary>
    public MmioScript Line(int spi) => Add(new(Kind.Line, (uint)spi, 0, 0, 4, 0));

    /// <summary>Polls a register until (value &amp; mask) == expected, then records the value.</summary>
    public MmioScript WaitUntil(uint address, uint mask, uint expected) => Add(new(Kind.WaitUntil, address, expected, mask, 4, 0));

    /// <summary>From here on, the console input is delivered to the UART (QEMU: written to its standard input now).</summary>
    public MmioScript StartInput() => Add(new(Kind.StartInput, 0, 0, 0, 0, 0));

    private MmioScript Add(Step step)
    {
        Steps.Add(step);
        return this;
    }

    /// <summary>The recorded steps' values as "step = value" lines, with QEMU's value where ours is within tolerance of it.</summary>
    public static List<string> Describe(IEnumerable<Step> steps, IReadOnlyList<uint> values, IReadOnlyList<uint>? reference = null)
    {
        var recorded = steps.Where(s => s.Recorded).ToList();
        var lines = new List<string>();
        for (int k = 0; k < recorded.Count; k++)
        {
            uint v = k < values.Count ? values[k] : 0xDEADDEAD;
            if (reference is not null && k < reference.Count && (uint)Math.Abs((long)v - reference[k]) <= recorded[k].Tolerance) v = reference[k];
            lines.Add($"{k}: {recorded[k]} = 0x{v:x8}");
        }
        return lines;
    }

    /// <summary>Runs the script on Translator's devices; <paramref name="lines"/> gives each SPI's level as its device drives it.</summary>
    public List<uint> RunOn(IReadOnlyList<(uint Base, uint Size, IMmioDevice Device)> devices, Func<int, bool> lines,
        Pl011Uart? uart = null, byte[]? input = null)
    {
        var results = new List<uint>();
        bool delivering = false;
        int next = 0;
        void Pump()
        {
            while (delivering && uart is not null && input is not null && next < input.Length && uart.CanReceive) uart.Receive(input[next++]);
        }
        (IMmioDevice Device, uint Offset) Find(uint address)
        {
            foreach (var (b, size, device) in devices)
                if (address - b < size) return (device, address - b);
            throw new InvalidOperationException($"no device at 0x{address:x8} in this test");
        }
        foreach (var step in Steps)
        {
            Pump();
            switch (step.Kind)
            {
                case Kind.Write:
                {
                    var (device, offset) = Find(step.Address);
                    device.Write(offset, step.Size, step.Value);
                    break;
                }
                case Kind.Read:
                {
                    var (device, offset) = Find(step.Address);
                    results.Add(device.Read(offset, step.Size));
                    break;
                }
                case Kind.Line:
                    results.Add(lines((int)step.Address) ? 1u : 0u);
                    break;
                case Kind.WaitUntil:
                {
                    var (device, offset) = Find(step.Address);
                    uint v = device.Read(offset, 4);
                    for (int k = 0; k < 1000 && (v & step.Mask) != step.Value; k++)
                    {
                        Pump();
                        v = device.Read(offset, 4);
                    }
                    results.Add(v);
                    break;
                }
                case Kind.StartInput:
                    delivering = true;
                    break;
            }
        }
        return results;
    }
}
