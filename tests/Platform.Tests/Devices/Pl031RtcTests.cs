using Translator.Hypervisor.Memory;
using Translator.Platform.Devices;

namespace Translator.Platform.Tests.Devices;

/// <summary>
/// The PL031 on a clock the test moves, driven as Linux's rtc-pl031 driver drives it. Offsets and bits are
/// the PL031 TRM's (ARM DDI 0224C, 3.2-3.3); Pl031RtcVsQemuTests checks the same registers against QEMU.
/// </summary>
public sealed class Pl031RtcTests
{
    private const uint Dr = 0x00, Mr = 0x04, Lr = 0x08, Cr = 0x0C, Imsc = 0x10, Ris = 0x14, Mis = 0x18, Icr = 0x1C;
    private static readonly DateTimeOffset Start = new(2025, 3, 1, 12, 0, 0, TimeSpan.Zero);

    private DateTimeOffset _now;
    private List<bool> _levels = null!;
    private Pl031Rtc _rtc = null!;

    [SetUp]
    public void Create()
    {
        _now = Start.AddMilliseconds(250);
        _levels = [];
        _rtc = new Pl031Rtc(_levels.Add, () => _now);
    }

    [Test]
    public void The_counter_is_host_time_in_seconds_since_the_epoch()
    {
        Assert.That(_rtc.Read(Dr, 4), Is.EqualTo((uint)Start.ToUnixTimeSeconds()));
        _now = _now.AddSeconds(61.5);
        Assert.That(_rtc.Read(Dr, 4), Is.EqualTo((uint)Start.ToUnixTimeSeconds() + 61));
        Assert.That(_rtc.Read(Cr, 4), Is.EqualTo(1), "the clock always runs");
        _rtc.Write(Cr, 4, 0);
        Assert.That(_rtc.Read(Cr, 4), Is.EqualTo(1));
    }

    [Test]
    public void The_default_clock_is_the_host_wall_clock()
    {
        long now = DateTimeOffset.UtcNow.ToUnixTimeSeconds();
        Assert.That((long)new Pl031Rtc().Read(Dr, 4), Is.InRange(now, now + 2));
    }

    [Test]
    public void Loading_sets_the_counter_which_then_keeps_running()
    {
        // rtc-pl031's pl031_set_time writes the new time to LR.
        _rtc.Write(Lr, 4, 1_000_000);
        Assert.That(_rtc.Read(Dr, 4), Is.EqualTo(1_000_000));
        Assert.That(_rtc.Read(Lr, 4), Is.EqualTo(1_000_000));
        _now = _now.AddSeconds(10);
        Assert.That(_rtc.Read(Dr, 4), Is.EqualTo(1_000_010));
    }

    [Test]
    public void An_alarm_in_the_future_is_raised_when_the_counter_reaches_it()
    {
        // pl031_set_alarm: MR, then the interrupt enabled.
        _rtc.Write(Lr, 4, 5000);
        _rtc.Write(Mr, 4, 5003);
        _rtc.Write(Imsc, 4, 1);
        Assert.That(_rtc.NextMatch, Is.EqualTo(Start.AddSeconds(3)));
        _now = _now.AddSeconds(2);
        _rtc.Poll();
        Assert.That(_rtc.Read(Ris, 4), Is.Zero);
        Assert.That(_levels, Is.Empty);

        _now = Start.AddSeconds(3);
        _rtc.Poll();
        Assert.That(_levels, Is.EqualTo(new[] { true }));
        Assert.That(_rtc.NextMatch, Is.Null, "an alarm is raised once");
        // pl031_interrupt: read MIS, clear with ICR.
        Assert.That(_rtc.Read(Mis, 4), Is.EqualTo(1));
        _rtc.Write(Icr, 4, 1);
        Assert.That(_levels, Is.EqualTo(new[] { true, false }));
        _now = _now.AddSeconds(1u << 20);
        _rtc.Poll();
        Assert.That(_rtc.Read(Ris, 4), Is.Zero);
    }

    [Test]
    public void A_register_read_notices_a_due_alarm_without_a_poll()
    {
        _rtc.Write(Mr, 4, _rtc.Read(Dr, 4) + 1);
        _now = _now.AddSeconds(1);
        Assert.That(_rtc.Read(Ris, 4), Is.EqualTo(1));
        Assert.That(_levels, Is.Empty, "masked");
        _rtc.Write(Imsc, 4, 1);
        Assert.That(_levels, Is.EqualTo(new[] { true }));
    }

    [Test]
    public void A_match_equal_to_the_counter_is_raised_at_once_and_one_behind_it_waits_for_the_wrap()
    {
        _rtc.Write(Mr, 4, 7000);
        _rtc.Write(Lr, 4, 7000);
        Assert.That(_rtc.Read(Ris, 4), Is.EqualTo(1));
        _rtc.Write(Icr, 4, 1);

        _rtc.Write(Mr, 4, 6999);
        Assert.That(_rtc.NextMatch, Is.EqualTo(Start.AddSeconds(uint.MaxValue)));
    }

    [Test]
    public void Identification_registers()
    {
        // PL031 TRM 3.3.9-3.3.10: RTCPeriphID0-3 = 0x31 0x10 0x14 0x00 (part 0x031, ARM, revision 1), RTCPCellID0-3 = 0x0D 0xF0 0x05 0xB1.
        var ids = Enumerable.Range(0, 8).Select(k => _rtc.Read(0xFE0 + 4 * (uint)k, 4)).ToArray();
        Assert.That(ids, Is.EqualTo(new uint[] { 0x31, 0x10, 0x14, 0x00, 0x0D, 0xF0, 0x05, 0xB1 }));
        Assert.Throws<MmioException>(() => _rtc.Read(0x20, 4));
        Assert.Throws<MmioException>(() => _rtc.Write(0xFDC, 4, 0));
    }
}
