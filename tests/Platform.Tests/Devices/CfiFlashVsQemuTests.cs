using Translator.Platform.Devices;
using static Translator.Platform.Tests.Devices.MmioScript;

namespace Translator.Platform.Tests.Devices;

/// <summary>
/// The same command sequences on qemu-system-arm's two virt flash banks and on Translator's: every read
/// must agree, from the whole CFI query table to status and contents after erase and programming. QEMU
/// runs without flash images, so its banks start as zeros, and Translator's are given zeros to match.
/// </summary>
public sealed class CfiFlashVsQemuTests
{
    private const uint Bank = 64u << 20;

    private static uint Both(uint command) => command | command << 16;

    [Test]
    public void Query_identifier_and_status_reads()
    {
        var s = new MmioScript();
        s.Read(Flash0).Read(Flash1 + 0x100, 2);
        s.Write(Flash0 + 0x55 * 4, Both(0x98));
        for (uint k = 0; k < 0x54; k++) s.Read(Flash0 + 4 * k);
        s.Read(Flash0 + 0x40, 1).Read(Flash0 + 0x41, 1).Read(Flash0 + 0x46, 2).Read(Flash0 + 0x200);
        s.Write(Flash0, Both(0x70)).Read(Flash0 + 0x44).Write(Flash0, Both(0xFF)).Read(Flash0 + 0x44);
        s.Write(Flash1, Both(0x90)).Read(Flash1).Read(Flash1 + 4).Read(Flash1 + 8).Read(Flash1 + 4, 2).Read(Flash1 + 0x404);
        s.Write(Flash1, Both(0x70)).Read(Flash1).Read(Flash1, 2).Read(Flash1 + 3, 1);
        s.Write(Flash1, Both(0x50)).Read(Flash1).Write(Flash1, Both(0x70)).Read(Flash1);
        s.Write(Flash1, Both(0xFF)).Read(Flash1);
        Compare(s);
    }

    [Test]
    public void Erase_program_buffered_program_and_lock()
    {
        const uint sector = Flash1 + 0x40000;
        var s = new MmioScript();
        s.Write(sector, Both(0x50)).Write(sector + 0x20, Both(0x20)).Read(sector).Write(sector + 0x20, Both(0xD0)).Read(sector);
        s.Write(sector, Both(0xFF)).Read(sector).Read(sector + 0x3FFFC).Read(sector + 0x40000).Read(sector - 4);
        s.Write(sector + 0x10, Both(0x40)).Write(sector + 0x10, 0x1234_5678).Read(sector + 0x10).Write(sector, Both(0xFF)).Read(sector + 0x10);
        s.Write(sector + 0x20, 0x10, 2).Write(sector + 0x22, 0xBEEF, 2).Read(sector + 0x20).Write(sector, 0xFF, 2).Read(sector + 0x20);
        // U-Boot's flash_write_cfibuffer.
        uint buffer = sector + 0x1000;
        s.Write(buffer, Both(0x50)).Write(buffer, Both(0x70)).Write(buffer, Both(0xE8)).Read(buffer).Write(buffer, Both(7));
        for (uint k = 0; k < 8; k++) s.Write(buffer + 4 * k, 0x0101_0101 * (k + 1)).Read(buffer);
        s.Write(buffer, Both(0xD0)).Read(buffer).Write(buffer, Both(0xFF));
        for (uint k = 0; k < 9; k++) s.Read(buffer + 4 * k);
        // An abandoned buffered program leaves the flash as it was.
        s.Write(buffer + 0x100, Both(0xE8)).Write(buffer + 0x100, Both(1)).Write(buffer + 0x100, 0xAAAA_AAAA).Write(buffer + 0x104, 0xBBBB_BBBB);
        s.Write(buffer + 0x100, Both(0xFF)).Read(buffer + 0x100).Read(buffer + 0x104);
        s.Write(sector, Both(0x60)).Write(sector, Both(0xD0)).Read(sector).Write(sector, Both(0x60)).Write(sector, Both(0x01)).Read(sector);
        s.Write(sector, Both(0xFF)).Read(sector + 0x10);
        // Bank 0 too, where a firmware image lives.
        s.Write(Flash0, Both(0x20)).Write(Flash0, Both(0xD0)).Write(Flash0, Both(0xFF)).Read(Flash0).Read(Flash0 + 0x3FFFC, 2);
        Compare(s);
    }

    private static void Compare(MmioScript script)
    {
        var expected = QemuMmio.Run(script);
        TestContext.Out.WriteLine(string.Join('\n', Describe(script.Steps, expected)));
        // Zeros over the part the scripts read, as QEMU's banks without an image hold.
        var zeros = new byte[0x100000];
        var flash0 = new CfiFlash("virt.flash0", Bank, zeros, writable: true);
        var flash1 = new CfiFlash("virt.flash1", Bank, zeros, writable: true);
        var actual = script.RunOn([(Flash0, Bank, flash0), (Flash1, Bank, flash1)], _ => false);
        Assert.That(Describe(script.Steps, actual, expected), Is.EqualTo(Describe(script.Steps, expected)));
    }
}
