using Translator.Platform.Devices;
using static Translator.Platform.Tests.Devices.MmioScript;

namespace Translator.Platform.Tests.Devices;

/// <summary>
/// The same register sequences on qemu-system-arm's virt board and on Translator's PL011: every read, and
/// the level of the UART's interrupt line (SPI 1), must agree. QEMU 7.2 predates loopback and resets the
/// FIFO flags differently when FEN changes, so those are left to Pl011UartTests.
/// </summary>
[Parallelizable(ParallelScope.Children)]
public sealed class Pl011UartVsQemuTests
{
    private const uint Dr = Uart + 0x00, Rsr = Uart + 0x04, Fr = Uart + 0x18, Ilpr = Uart + 0x20, Ibrd = Uart + 0x24,
        Fbrd = Uart + 0x28, LcrH = Uart + 0x2C, Cr = Uart + 0x30, Ifls = Uart + 0x34, Imsc = Uart + 0x38, Ris = Uart + 0x3C,
        Mis = Uart + 0x40, Icr = Uart + 0x44, Dmacr = Uart + 0x48;

    [Test]
    public void Identification_reset_values_and_the_transmit_interrupt()
    {
        var s = new MmioScript();
        for (uint id = 0xFE0; id < 0x1000; id += 4) s.Read(Uart + id);
        foreach (uint r in new[] { Rsr, Fr, Ilpr, Ibrd, Fbrd, LcrH, Cr, Ifls, Imsc, Ris, Mis, Dmacr }) s.Read(r);
        s.Line(UartSpi);
        // U-Boot's pl01x_generic_init and pl011_set_line_control, then Linux's pl011_startup.
        s.Write(Cr, 0).Write(Ibrd, 13).Write(Fbrd, 1).Write(LcrH, 0x70).Write(Cr, 0x301);
        s.Write(Ifls, 0x12, 2).Write(Icr, 0x7FF, 2).Write(Imsc, 0x50, 2).Write(Cr, 0xF01, 2).Write(Dmacr, 0, 2).Write(Ilpr, 0);
        foreach (uint r in new[] { Ibrd, Fbrd, LcrH, Cr, Ifls, Imsc, Ris, Mis }) s.Read(r);
        s.Read(Fr, 2).Read(LcrH, 1).Read(Uart + 0xFE0, 1).Line(UartSpi);
        s.Write(Dr, 'A').Read(Ris).Read(Mis).Line(UartSpi);
        s.Write(Imsc, 0x70).Read(Mis).Line(UartSpi);
        s.Write(Icr, 0x20).Read(Ris).Line(UartSpi);
        s.Write(Dr, '\n', 1).Line(UartSpi).Write(Imsc, 0x50).Line(UartSpi).Read(Ris);
        s.Write(Ibrd, 0x1234, 2).Read(Ibrd).Write(Fbrd, 0x2A).Read(Fbrd);
        Compare(s, []);
    }

    [Test]
    public void Receiving_sixteen_bytes_into_the_fifo()
    {
        var s = new MmioScript();
        s.Write(LcrH, 0x70).Write(Cr, 0x301).Write(Imsc, 0x50).Line(UartSpi);
        s.StartInput().WaitUntil(Fr, 0x40, 0x40);
        s.Read(Ris).Read(Mis).Line(UartSpi);
        s.Write(Icr, 0x10).Read(Ris).Line(UartSpi).Write(Imsc, 0x50);
        for (int k = 0; k < 16; k++) s.Read(Dr).Read(Fr).Read(Ris).Read(Rsr);
        s.Line(UartSpi);
        // An empty FIFO gives back what its slot held.
        s.Read(Dr).Read(Fr);
        Compare(s, "0123456789abcdef"u8.ToArray());
    }

    [Test]
    public void Receiving_with_the_fifo_off_one_byte_at_a_time()
    {
        var s = new MmioScript();
        s.Write(LcrH, 0x60).Write(Cr, 0x301).Write(Imsc, 0x50);
        s.StartInput();
        for (int k = 0; k < 3; k++)
        {
            // QEMU hands over the next byte on its own time, so only the full receiver is compared.
            s.WaitUntil(Fr, 0x10, 0).Read(Fr).Read(Ris).Read(Mis).Line(UartSpi).Read(Dr, 2);
        }
        s.Read(Fr).Read(Ris).Line(UartSpi);
        Compare(s, "xyz"u8.ToArray());
    }

    private static void Compare(MmioScript script, byte[] input)
    {
        var expected = QemuMmio.Run(script, input);
        TestContext.Out.WriteLine(string.Join('\n', Describe(script.Steps, expected)));
        bool level = false;
        var uart = new Pl011Uart(new MemoryStream(), l => level = l);
        var actual = script.RunOn([(Uart, Pl011Uart.WindowSize, uart)], spi => spi == UartSpi && level, uart, input);
        Assert.That(Describe(script.Steps, actual, expected), Is.EqualTo(Describe(script.Steps, expected)));
    }
}
