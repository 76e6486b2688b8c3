using Translator.Platform.Devices;
using static Translator.Platform.Tests.Devices.MmioScript;

namespace Translator.Platform.Tests.Devices;

/// <summary>
/// The same register sequence on qemu-system-arm's virt board and on Translator's PL031 with the host's
/// clock: reads and the RTC's interrupt line (SPI 2) must agree, the counter within the seconds between
/// the two runs. Alarms that need time to pass are left to Pl031RtcTests.
/// </summary>
public sealed class Pl031RtcVsQemuTests
{
    private const uint Dr = Rtc + 0x00, Mr = Rtc + 0x04, Lr = Rtc + 0x08, Cr = Rtc + 0x0C, Imsc = Rtc + 0x10,
        Ris = Rtc + 0x14, Mis = Rtc + 0x18, Icr = Rtc + 0x1C;

    [Test]
    public void Registers_the_counter_and_an_immediate_match()
    {
        var s = new MmioScript();
        for (uint id = 0xFE0; id < 0x1000; id += 4) s.Read(Rtc + id);
        foreach (uint r in new[] { Mr, Lr, Cr, Imsc, Ris, Mis }) s.Read(r);
        s.Read(Dr, tolerance: 120).Line(RtcSpi);
        // A match far behind the counter waits for it to wrap; loading the counter with the match raises it.
        s.Write(Mr, 1000).Read(Ris).Write(Lr, 1000).Read(Ris).Read(Mis).Line(RtcSpi);
        s.Read(Dr, tolerance: 1).Read(Lr).Read(Mr);
        s.Write(Imsc, 1).Read(Mis).Line(RtcSpi);
        s.Write(Icr, 1).Read(Ris).Line(RtcSpi);
        s.Write(Lr, 4900).Write(Mr, 5000).Read(Ris).Line(RtcSpi);
        s.Write(Imsc, 3).Read(Imsc).Write(Imsc, 0).Write(Cr, 0).Read(Cr);
        s.Write(Lr, 0xFFFF_FFFF).Read(Dr, tolerance: 1);

        var expected = QemuMmio.Run(s);
        TestContext.Out.WriteLine(string.Join('\n', Describe(s.Steps, expected)));
        bool level = false;
        var rtc = new Pl031Rtc(l => level = l);
        var actual = s.RunOn([(Rtc, Pl031Rtc.WindowSize, rtc)], spi => spi == RtcSpi && level);
        Assert.That(Describe(s.Steps, actual, expected), Is.EqualTo(Describe(s.Steps, expected)));
    }
}
