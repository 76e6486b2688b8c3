using Translator.Hypervisor.Memory;
using Translator.Platform.Devices;

namespace Translator.Platform.Tests.Devices;

/// <summary>
/// A virt flash bank driven as U-Boot's cfi_flash driver drives it on a 32-bit port of two x16 chips: every
/// command is written to both chips at once (0x00XX00XX) and CFI offsets are scaled by the port width.
/// Command codes and status bits are Intel's (Intel StrataFlash 28F128J3 datasheet, tables 4 and 15); the
/// query layout is JEDEC JESD68.01's; CfiFlashVsQemuTests checks the same sequences against QEMU.
/// </summary>
public sealed class CfiFlashTests
{
    private const uint Size = 64u << 20, Ready = 0x0080_0080;

    private static uint Both(uint command) => command | command << 16;

    [Test]
    public void Contents_start_with_the_image_and_the_rest_reads_erased()
    {
        var flash = new CfiFlash("flash0", Size, [0x11, 0x22, 0x33, 0x44, 0x55], writable: false);
        Assert.That(flash.Read(0, 4), Is.EqualTo(0x4433_2211));
        Assert.That(flash.Read(4, 2), Is.EqualTo(0xFF55));
        Assert.That(flash.Read(Size - 1, 1), Is.EqualTo(0xFF));
        Assert.That(flash.Contents.Length, Is.EqualTo(Size));
        Assert.That(flash.Name, Is.EqualTo("flash0"));
        Assert.Throws<ArgumentException>(() => _ = new CfiFlash("f", CfiFlash.SectorSize + 1, null, true));
        Assert.Throws<ArgumentException>(() => _ = new CfiFlash("f", CfiFlash.SectorSize, new byte[CfiFlash.SectorSize + 1], true));
        Assert.Throws<MmioException>(() => flash.Read(Size - 2, 4));
    }

    [Test]
    public void The_query_answers_QRY_and_describes_two_x16_chips_of_32_MiB()
    {
        var flash = new CfiFlash("flash1", Size, null, writable: true);
        // flash_detect_cfi: reset, then the query command at offset 0x55.
        flash.Write(0, 4, Both(0xF0));
        flash.Write(0, 4, Both(0xFF));
        flash.Write(0x55 * 4, 4, Both(0x98));
        byte Q(uint offset) => (byte)flash.Read(offset * 4, 1);
        Assert.That(new[] { Q(0x10), Q(0x11), Q(0x12) }, Is.EqualTo("QRY"u8.ToArray()));
        Assert.That(flash.Read(0x10 * 4, 4), Is.EqualTo(Both('Q')), "both chips answer");
        Assert.That(Q(0x13) | Q(0x14) << 8, Is.EqualTo(1), "primary command set: Intel/Sharp extended (JESD68.01 table 2, ID 0001h)");
        Assert.That(Q(0x27), Is.EqualTo(25), "each chip holds 2^25 bytes (JESD68.01 table 4)");
        Assert.That(Q(0x28) | Q(0x29) << 8, Is.EqualTo(2), "x8/x16 interface");
        Assert.That(1 << Q(0x2A), Is.EqualTo(2048), "a chip's write buffer");
        Assert.That(Q(0x2C), Is.EqualTo(1), "one erase block region");
        Assert.That((Q(0x2D) | Q(0x2E) << 8) + 1, Is.EqualTo(256), "of 256 blocks");
        Assert.That((Q(0x2F) | Q(0x30) << 8) * 256, Is.EqualTo(128 * 1024), "of 128 KiB per chip, 256 KiB across the bus");
        Assert.That(new[] { Q(0x31), Q(0x32), Q(0x33) }, Is.EqualTo("PRI"u8.ToArray()));
        Assert.That(flash.Read(0x60 * 4, 4), Is.Zero, "beyond the table");

        flash.Write(0, 4, Both(0x70));
        Assert.That(Q(0x10), Is.EqualTo('Q'), "the query stays until read array, as on QEMU");
        flash.Write(0, 4, Both(0xFF));
        Assert.That(flash.Read(0x40, 4), Is.EqualTo(0xFFFF_FFFF));
    }

    [Test]
    public void The_identifier_is_Intel_0x89_device_0x18()
    {
        var flash = new CfiFlash("flash1", Size, null, writable: true);
        flash.Write(0, 4, Both(0x90));
        Assert.That(flash.Read(0, 4), Is.EqualTo(Both(0x89)));
        Assert.That(flash.Read(4, 2), Is.EqualTo(0x18));
        Assert.That(flash.Read(8, 4), Is.Zero, "block lock status is not modelled");
        flash.Write(0, 4, Both(0xFF));
        Assert.That(flash.Read(0, 4), Is.EqualTo(0xFFFF_FFFF));
    }

    [Test]
    public void Erase_then_word_program_with_status()
    {
        var flash = new CfiFlash("flash1", Size, Enumerable.Repeat((byte)0x5A, 0x80000).ToArray(), writable: true);
        const uint sector = 0x40000;
        // flash_erase: clear status, erase, confirm, poll status for ready, read array.
        flash.Write(sector, 4, Both(0x50));
        flash.Write(sector + 0x100, 4, Both(0x20));
        flash.Write(sector + 0x100, 4, Both(0xD0));
        Assert.That(flash.Read(sector, 4), Is.EqualTo(Ready));
        flash.Write(sector, 4, Both(0xFF));
        Assert.That(flash.Contents.Slice((int)sector, (int)CfiFlash.SectorSize).ToArray(), Is.All.EqualTo(0xFF));
        Assert.That(flash.Contents[(int)sector - 1], Is.EqualTo(0x5A), "only the addressed sector");

        // flash_write_cfiword: program, poll, read array.
        flash.Write(sector + 8, 4, Both(0x40));
        flash.Write(sector + 8, 4, 0xCAFE_F00D);
        Assert.That(flash.Read(sector + 8, 4), Is.EqualTo(Ready));
        flash.Write(sector, 4, Both(0xFF));
        Assert.That(flash.Read(sector + 8, 4), Is.EqualTo(0xCAFE_F00D));

        flash.Write(sector, 2, 0x10);
        flash.Write(sector + 2, 2, 0x1234);
        flash.Write(sector, 2, 0xFF);
        Assert.That(flash.Read(sector, 4), Is.EqualTo(0x1234_FFFF), "a 16-bit program of the second chip");
    }

    [Test]
    public void Buffered_program_writes_on_the_confirm_and_not_before()
    {
        var flash = new CfiFlash("flash1", Size, null, writable: true);
        const uint at = 0x1000;
        // flash_write_cfibuffer: clear status, read status, write-to-buffer, check ready, count - 1, data, confirm.
        flash.Write(at, 4, Both(0x50));
        flash.Write(at, 4, Both(0x70));
        flash.Write(at, 4, Both(0xE8));
        Assert.That(flash.Read(at, 4), Is.EqualTo(Ready));
        flash.Write(at, 4, Both(3));
        for (uint k = 0; k < 4; k++) flash.Write(at + 4 * k, 4, 0x1111_1111 * (k + 1));
        Assert.That(flash.Contents[(int)at], Is.EqualTo(0xFF), "nothing is programmed before the confirm");
        flash.Write(at, 4, Both(0xD0));
        Assert.That(flash.Read(at, 4), Is.EqualTo(Ready));
        flash.Write(at, 4, Both(0xFF));
        Assert.That(Enumerable.Range(0, 5).Select(k => flash.Read(at + 4 * (uint)k, 4)),
            Is.EqualTo(new[] { 0x1111_1111u, 0x2222_2222u, 0x3333_3333u, 0x4444_4444u, 0xFFFF_FFFFu }));

        // Anything but the confirm abandons the buffer.
        flash.Write(0x2000, 4, Both(0xE8));
        flash.Write(0x2000, 4, Both(1));
        flash.Write(0x2000, 4, 1);
        flash.Write(0x2004, 4, 2);
        flash.Write(0x2000, 4, Both(0xFF));
        Assert.That(flash.Read(0x2000, 4), Is.EqualTo(0xFFFF_FFFF));
    }

    [Test]
    public void A_buffered_program_of_one_word_works()
    {
        // QEMU 9 starts its buffer only when the count is not zero and reports a program error here.
        var flash = new CfiFlash("flash1", Size, null, writable: true);
        flash.Write(0x40000, 4, Both(0xE8));
        flash.Write(0x40000, 4, Both(0));
        flash.Write(0x40010, 4, 0x0BAD_CAFE);
        flash.Write(0x40000, 4, Both(0xD0));
        Assert.That(flash.Read(0x40000, 4), Is.EqualTo(Ready));
        flash.Write(0, 4, Both(0xFF));
        Assert.That(flash.Read(0x40010, 4), Is.EqualTo(0x0BAD_CAFE));
    }

    [Test]
    public void A_read_only_bank_reports_errors_and_keeps_its_contents()
    {
        var flash = new CfiFlash("flash0", Size, [1, 2, 3, 4], writable: false);
        flash.Write(0, 4, Both(0x20));
        flash.Write(0, 4, Both(0xD0));
        Assert.That(flash.Read(0, 4), Is.EqualTo(Both(0xA0)), "ready with an erase error (SR.5)");
        flash.Write(0, 4, Both(0x50));
        flash.Write(0, 4, Both(0x40));
        flash.Write(0, 4, 0);
        Assert.That(flash.Read(0, 4), Is.EqualTo(Both(0x90)), "ready with a program error (SR.4)");
        flash.Write(0, 4, Both(0x50));
        Assert.That(flash.Read(0, 4), Is.EqualTo(0x0403_0201));
    }

    [Test]
    public void Lock_and_unlock_succeed_without_effect()
    {
        var flash = new CfiFlash("flash1", Size, null, writable: true);
        flash.Write(0, 4, Both(0x60));
        flash.Write(0, 4, Both(0xD0));
        Assert.That(flash.Read(0, 4), Is.EqualTo(Ready));
        flash.Write(0, 4, Both(0x60));
        flash.Write(0, 4, Both(0x01));
        Assert.That(flash.Read(0, 4), Is.EqualTo(Ready));
        flash.Write(0, 4, Both(0x40));
        flash.Write(0, 4, 0x1234_5678);
        flash.Write(0, 4, Both(0xFF));
        Assert.That(flash.Read(0, 4), Is.EqualTo(0x1234_5678), "a locked block still programs");
    }
}
