using Translator.Hypervisor.Memory;
using Translator.Platform.Devices;

namespace Translator.Platform.Tests.Devices;

/// <summary>
/// The PL011 driven as Linux's amba-pl011 and U-Boot's pl01x drivers drive it. Register offsets and bits
/// are the PL011 TRM's (ARM DDI 0183G, 3.2 and 3.3); receive and interrupt behaviour beyond what QEMU
/// 7.2 can show (Pl011UartVsQemuTests) follows QEMU's hw/char/pl011.c as of 9.0.
/// </summary>
public sealed class Pl011UartTests
{
    private const uint Dr = 0x00, Rsr = 0x04, Fr = 0x18, LcrH = 0x2C, Cr = 0x30, Imsc = 0x38, Ris = 0x3C, Mis = 0x40, Icr = 0x44;
    // TRM 3.3.3 (FR), 3.3.8 (LCR_H), 3.3.8 (CR), 3.3.10-3.3.14 (interrupt bits).
    private const uint RxFe = 1 << 4, RxFf = 1 << 6, TxFe = 1 << 7, Fen = 1 << 4, Wlen8 = 3 << 5;
    private const uint RxIm = 1 << 4, TxIm = 1 << 5, RtIm = 1 << 6;

    private sealed class CountingStream : MemoryStream
    {
        public int Flushes { get; private set; }

        public override void Flush()
        {
            Flushes++;
            base.Flush();
        }
    }

    private CountingStream _output = null!;
    private List<bool> _levels = null!;
    private Pl011Uart _uart = null!;

    [SetUp]
    public void Create()
    {
        _output = new CountingStream();
        _levels = [];
        _uart = new Pl011Uart(_output, _levels.Add);
    }

    [TearDown]
    public void Dispose() => _output.Dispose();

    [Test]
    public void Transmitted_bytes_reach_the_output_and_raise_the_transmit_interrupt()
    {
        foreach (char c in "hi\n") _uart.Write(Dr, 4, c);
        Assert.That(_output.ToArray(), Is.EqualTo("hi\n"u8.ToArray()));
        Assert.That(_uart.Read(Ris, 4), Is.EqualTo(TxIm));
        Assert.That(_uart.Read(Mis, 4), Is.Zero, "masked until IMSC enables it");
        Assert.That(_levels, Is.Empty);

        _uart.Write(Imsc, 4, TxIm);
        Assert.That(_levels, Is.EqualTo(new[] { true }));
        _uart.Write(Icr, 4, TxIm);
        Assert.That(_levels, Is.EqualTo(new[] { true, false }));
        Assert.That(_uart.Read(Fr, 4) & TxFe, Is.EqualTo(TxFe), "transmission is instantaneous");
    }

    [Test]
    public void Output_is_flushed_at_a_newline_and_when_the_driver_ends_a_burst_but_not_per_byte()
    {
        _uart.Write(Dr, 4, 'a');
        _uart.Write(Dr, 4, 'b');
        Assert.That(_output.Flushes, Is.Zero);
        _uart.Write(Dr, 4, '\n');
        Assert.That(_output.Flushes, Is.EqualTo(1));
        // Linux's pl011_stop_tx writes IMSC once its buffer is empty, and an echoed key has no newline.
        _uart.Write(Dr, 4, 'c');
        _uart.Write(Imsc, 4, RxIm | RtIm);
        Assert.That(_output.Flushes, Is.EqualTo(2));
        _uart.Flush();
        Assert.That(_output.Flushes, Is.EqualTo(2), "nothing was left to flush");
    }

    [Test]
    public void Polling_the_flags_flushes_output_that_has_waited()
    {
        var clock = System.Diagnostics.Stopwatch.StartNew();
        _uart.Write(Dr, 4, '>');
        _uart.Read(Fr, 4);
        // Only meaningful when the poll really came right after the write (the machine may stall the test).
        if (clock.Elapsed < TimeSpan.FromMilliseconds(1))
            Assert.That(_output.Flushes, Is.Zero, "a poll right after the write, as in a string being printed");
        Thread.Sleep(20);
        _uart.Read(Fr, 4);
        Assert.That(_output.Flushes, Is.EqualTo(1), "U-Boot waiting for a key after its prompt");
    }

    [Test]
    public void Without_the_fifo_one_byte_fills_the_receiver()
    {
        Assert.That(_uart.Read(Fr, 4), Is.EqualTo(RxFe | TxFe));
        _uart.Write(Imsc, 4, RxIm | RtIm);
        _uart.Receive((byte)'k');
        Assert.That(_uart.CanReceive, Is.False);
        Assert.That(_uart.Read(Fr, 4), Is.EqualTo(RxFf | TxFe));
        Assert.That(_uart.Read(Mis, 4), Is.EqualTo(RxIm));
        Assert.That(_levels, Is.EqualTo(new[] { true }));

        _uart.Receive((byte)'l');
        Assert.That(_uart.Read(Dr, 4), Is.EqualTo('k'), "the byte that did not fit was dropped");
        Assert.That(_uart.Read(Fr, 4), Is.EqualTo(RxFe | TxFe));
        Assert.That(_uart.Read(Ris, 4), Is.Zero);
        Assert.That(_levels, Is.EqualTo(new[] { true, false }));
        Assert.That(_uart.CanReceive, Is.True);
    }

    [Test]
    public void With_the_fifo_sixteen_bytes_fit_and_the_interrupt_stays_up_until_it_is_empty()
    {
        _uart.Write(LcrH, 4, Wlen8 | Fen);
        _uart.Write(Imsc, 4, RxIm | RtIm);
        for (int k = 0; k < 16; k++)
        {
            Assert.That(_uart.CanReceive, Is.True, $"byte {k}");
            _uart.Receive((byte)('a' + k));
        }
        Assert.That(_uart.CanReceive, Is.False);
        Assert.That(_uart.Read(Fr, 4) & (RxFe | RxFf), Is.EqualTo(RxFf));
        Assert.That(_levels, Is.EqualTo(new[] { true }), "raised once, when the first byte arrived");

        var received = new List<char>();
        while ((_uart.Read(Fr, 2) & RxFe) == 0) received.Add((char)_uart.Read(Dr, 2));
        Assert.That(new string([.. received]), Is.EqualTo("abcdefghijklmnop"));
        Assert.That(_levels, Is.EqualTo(new[] { true, false }));
    }

    [Test]
    public void Linux_interrupt_handler_drains_the_fifo_and_the_line_falls()
    {
        // pl011_startup: clear all interrupts, enable receive and receive timeout, then the port.
        _uart.Write(Icr, 2, 0x7FF);
        _uart.Write(LcrH, 2, Wlen8 | Fen);
        _uart.Write(Imsc, 2, RxIm | RtIm);
        _uart.Write(Cr, 2, 0x0301);
        foreach (byte b in "ls\r"u8) _uart.Receive(b);
        Assert.That(_uart.InterruptLevel, Is.True);

        // pl011_int: read MIS, acknowledge all but RX/RT/TX, drain while RXFE is clear, read RIS again.
        uint status = _uart.Read(Mis, 2);
        Assert.That(status, Is.EqualTo(RxIm));
        _uart.Write(Icr, 2, status & ~(TxIm | RtIm | RxIm));
        var text = new List<byte>();
        while ((_uart.Read(Fr, 2) & RxFe) == 0) text.Add((byte)_uart.Read(Dr, 2));
        Assert.That(text, Is.EqualTo("ls\r"u8.ToArray()));
        Assert.That(_uart.Read(Ris, 2) & (RxIm | RtIm), Is.Zero);
        Assert.That(_uart.InterruptLevel, Is.False);
    }

    [Test]
    public void Switching_the_fifo_on_or_off_empties_it()
    {
        _uart.Receive((byte)'z');
        _uart.Write(LcrH, 4, Wlen8 | Fen);
        Assert.That(_uart.Read(Fr, 4) & (RxFe | RxFf), Is.EqualTo(RxFe));
        Assert.That(_uart.CanReceive, Is.True);
    }

    [Test]
    public void Loopback_returns_transmitted_bytes_breaks_and_modem_lines_and_ignores_the_line_in()
    {
        _uart.Write(LcrH, 4, Wlen8 | Fen);
        _uart.Write(Cr, 4, 0x0301 | 1 << 7 | 1 << 11); // LBE and RTS
        Assert.That(_uart.Read(Fr, 4) & 1, Is.EqualTo(1), "RTS loops back to CTS");
        _uart.Receive((byte)'x');
        _uart.Write(Dr, 4, 'y');
        Assert.That(_output.ToArray(), Is.EqualTo("y"u8.ToArray()), "QEMU still sends the byte out");
        Assert.That(_uart.Read(Dr, 4), Is.EqualTo('y'));
        Assert.That(_uart.Read(Fr, 4) & RxFe, Is.EqualTo(RxFe), "the byte from outside was ignored");

        _uart.Write(LcrH, 4, Wlen8 | Fen | 1); // BRK
        Assert.That(_uart.Read(Dr, 4), Is.EqualTo(1u << 10), "a break reads as BE with a zero byte");
        Assert.That(_uart.Read(Rsr, 4), Is.EqualTo(1u << 2), "and leaves BE in RSR");
        _uart.Write(Rsr, 4, 0);
        Assert.That(_uart.Read(Rsr, 4), Is.Zero, "a write to ECR clears the errors");
    }

    [Test]
    public void Reserved_offsets_do_not_exist()
    {
        Assert.Throws<MmioException>(() => _uart.Read(0x08, 4));
        Assert.Throws<MmioException>(() => _uart.Write(0x4C, 4, 0));
        Assert.Throws<MmioException>(() => _uart.Read(0xFDC, 4));
    }

    [Test]
    public void The_existing_single_argument_constructor_still_works()
    {
        var uart = new Pl011Uart(new MemoryStream());
        uart.Write(Imsc, 4, TxIm);
        uart.Write(Dr, 4, 'x');
        Assert.That(uart.InterruptLevel, Is.True);
    }
}
