using System.Buffers.Binary;
using System.Text;
using Translator.Platform.Devices.Virtio;
using static Translator.Platform.Tests.Virtio.VirtioTestDriver;

namespace Translator.Platform.Tests.Virtio;

/// <summary>
/// virtio-blk over a real file, requests laid out as Linux's virtio_blk lays them out: a 16-byte
/// header the device reads, the data, and a status byte the device writes.
/// </summary>
public sealed class VirtioBlockTests
{
    private const uint In = 0, Out = 1, Flush = 4, GetId = 8, Discard = 11;
    private const byte Ok = 0, IoError = 1, Unsupported = 2;
    private const ulong SegMax = 1UL << 2, ReadOnlyFeature = 1UL << 5, BlockSize = 1UL << 6, FlushFeature = 1UL << 9;
    private const int Sectors = 64;
    private string _image = "";

    [SetUp]
    public void CreateImage()
    {
        _image = Path.Combine(Path.GetTempPath(), $"virtio-blk-{Guid.NewGuid():N}.img");
        File.WriteAllBytes(_image, Pattern(Sectors * 512));
    }

    [TearDown]
    public void DeleteImage() => File.Delete(_image);

    [Test]
    public void ConfigurationGivesCapacityBlockSizeAndSegmentLimit()
    {
        using var driver = new VirtioTestDriver(new VirtioBlock(_image, readOnly: false));
        driver.Start(Version1 | IndirectDesc | SegMax | BlockSize | FlushFeature | ReadOnlyFeature);
        Assert.That(driver.Read(DeviceId), Is.EqualTo(2));
        // virtio_cread64 reads a 64-bit field as two 32-bit halves; virtio_cread8 reads bytes.
        ulong capacity = driver.Transport.Read(Config, 4) | (ulong)driver.Transport.Read(Config + 4, 4) << 32;
        Assert.That(capacity, Is.EqualTo((ulong)Sectors));
        Assert.That(driver.Transport.Read(Config + 12, 4), Is.EqualTo(254), "seg_max");
        Assert.That(driver.Transport.Read(Config + 20, 4), Is.EqualTo(512), "blk_size");
        Assert.That(driver.Transport.Read(Config + 20, 2), Is.EqualTo(512));
        Assert.That(driver.Transport.Read(Config + 21, 1), Is.EqualTo(2));
        Assert.That(driver.Transport.Device!.NegotiatedFeatures, Is.EqualTo(Version1 | IndirectDesc | SegMax | BlockSize | FlushFeature));
    }

    [Test]
    public void ReadsSectorsIntoGuestMemory()
    {
        using var driver = Started(readOnly: false);
        var (status, used, data) = Request(driver, In, 3, 2 * 512);
        Assert.That(status, Is.EqualTo(Ok));
        Assert.That(used, Is.EqualTo(2 * 512 + 1));
        Assert.That(data, Is.EqualTo(Pattern(Sectors * 512).AsSpan(3 * 512, 2 * 512).ToArray()));
        Assert.That(driver.Levels, Is.EqualTo(new[] { true, false }), "raised for the request, lowered by the handler's acknowledgement");
    }

    [Test]
    public void ReportsTheBytesItReadIntoRam()
    {
        using var driver = Started(readOnly: false);
        uint header = driver.Place(Header(In, 0)), data = driver.Alloc(512), status = driver.Alloc(1);
        driver.Submit(new GuestBuffer(header, 16, false), new GuestBuffer(data, 512, true), new GuestBuffer(status, 1, true));
        driver.Notify();
        Assert.That(driver.Writes, Does.Contain((data, 512)));
        Assert.That(driver.Writes, Does.Contain((status, 1)));
    }

    [Test]
    public void AWriteReachesTheFileAtOnceAndAnotherDeviceReadsItBack()
    {
        var written = Enumerable.Range(0, 1024).Select(i => (byte)(i * 7 + 1)).ToArray();
        using (var driver = Started(readOnly: false))
        {
            var (status, used, _) = Request(driver, Out, 10, 0, written);
            Assert.That(status, Is.EqualTo(Ok));
            Assert.That(used, Is.EqualTo(1));
            Assert.That(ReadFile().AsSpan(10 * 512, 1024).ToArray(), Is.EqualTo(written), "in the file before the device is closed");
            Assert.That(Request(driver, Flush, 0, 0).Status, Is.EqualTo(Ok));
        }
        using (var again = Started(readOnly: false))
            Assert.That(Request(again, In, 10, 1024).Data, Is.EqualTo(written));
        var expected = Pattern(Sectors * 512);
        written.CopyTo(expected, 10 * 512);
        Assert.That(ReadFile(), Is.EqualTo(expected), "nothing else changed");
    }

    [Test]
    public void AReadOnlyDiskRefusesWritesAndStillReads()
    {
        using var driver = new VirtioTestDriver(new VirtioBlock(_image, readOnly: true));
        driver.Start(Version1 | IndirectDesc | ReadOnlyFeature | FlushFeature);
        Assert.That(driver.Transport.Device!.NegotiatedFeatures & ReadOnlyFeature, Is.EqualTo(ReadOnlyFeature));
        Assert.That(Request(driver, Out, 0, 0, new byte[512]).Status, Is.EqualTo(IoError));
        Assert.That(Request(driver, In, 0, 512).Data, Is.EqualTo(Pattern(512)));
        Assert.That(Request(driver, Flush, 0, 0).Status, Is.EqualTo(Ok));
        Assert.That(ReadFile(), Is.EqualTo(Pattern(Sectors * 512)));
    }

    [Test]
    public void SectorsBeyondTheDiskAreIoErrors()
    {
        using var driver = Started(readOnly: false);
        Assert.That(Request(driver, In, Sectors, 512).Status, Is.EqualTo(IoError));
        Assert.That(Request(driver, In, Sectors - 1, 1024).Status, Is.EqualTo(IoError));
        Assert.That(Request(driver, In, ulong.MaxValue, 512).Status, Is.EqualTo(IoError));
        Assert.That(Request(driver, Out, Sectors, 0, new byte[512]).Status, Is.EqualTo(IoError));
        Assert.That(Request(driver, In, 0, 100).Status, Is.EqualTo(IoError), "not a whole sector");
        Assert.That(Request(driver, In, Sectors - 1, 512).Status, Is.EqualTo(Ok));
        Assert.That(new FileInfo(_image).Length, Is.EqualTo(Sectors * 512));
    }

    [Test]
    public void GetIdAnswersTheSerialZeroPadded()
    {
        using var driver = new VirtioTestDriver(new VirtioBlock(_image, readOnly: false, serial: "translator-disk"));
        driver.Start();
        var (status, used, data) = Request(driver, GetId, 0, 20);
        Assert.That(status, Is.EqualTo(Ok));
        Assert.That(used, Is.EqualTo(21));
        var expected = new byte[20];
        Encoding.ASCII.GetBytes("translator-disk").CopyTo(expected, 0);
        Assert.That(data, Is.EqualTo(expected));
    }

    [Test]
    public void AnUnknownRequestIsUnsupported()
    {
        using var driver = Started(readOnly: false);
        Assert.That(Request(driver, Discard, 0, 0, new byte[16]).Status, Is.EqualTo(Unsupported));
        Assert.That(ReadFile(), Is.EqualTo(Pattern(Sectors * 512)));
    }

    [Test]
    public void ARequestInAnIndirectTableWithDataInPieces()
    {
        using var driver = Started(readOnly: false);
        uint header = driver.Place(Header(In, 5));
        uint a = driver.Alloc(512), b = driver.Alloc(256), c = driver.Alloc(256), status = driver.Alloc(1);
        ushort head = driver.SubmitIndirect(new GuestBuffer(header, 16, false), new GuestBuffer(a, 512, true),
            new GuestBuffer(b, 256, true), new GuestBuffer(c, 256, true), new GuestBuffer(status, 1, true));
        driver.Notify();
        Assert.That(driver.Used(0), Is.EqualTo((head, 1025u)));
        Assert.That(driver.Peek(status, 1)[0], Is.EqualTo(Ok));
        byte[] data = [.. driver.Peek(a, 512), .. driver.Peek(b, 256), .. driver.Peek(c, 256)];
        Assert.That(data, Is.EqualTo(Pattern(Sectors * 512).AsSpan(5 * 512, 1024).ToArray()));
    }

    [Test]
    public void TheRequestMayBeCutAnywhere()
    {
        using var driver = Started(readOnly: false);
        // Header split 8 + 8, and the written data sharing a buffer with the header's second half.
        var payload = Enumerable.Range(0, 512).Select(i => (byte)~i).ToArray();
        uint first = driver.Place(Header(Out, 2).AsSpan(0, 8));
        uint rest = driver.Place([.. Header(Out, 2).AsSpan(8), .. payload]);
        uint status = driver.Alloc(1);
        driver.Submit(new GuestBuffer(first, 8, false), new GuestBuffer(rest, 8 + 512, false), new GuestBuffer(status, 1, true));
        driver.Notify();
        Assert.That(driver.Peek(status, 1)[0], Is.EqualTo(Ok));
        Assert.That(ReadFile().AsSpan(2 * 512, 512).ToArray(), Is.EqualTo(payload));
    }

    [Test]
    public void SeveralRequestsOnOneNotifyRaiseOneInterrupt()
    {
        using var driver = Started(readOnly: false);
        var statuses = new List<uint>();
        for (int k = 0; k < 3; k++)
        {
            uint header = driver.Place(Header(In, (ulong)k)), status = driver.Alloc(1);
            driver.Ram.Span(status, 1)[0] = 0xFF;
            statuses.Add(status);
            driver.Submit(new GuestBuffer(header, 16, false), new GuestBuffer(driver.Alloc(512), 512, true), new GuestBuffer(status, 1, true));
        }
        driver.Notify();
        Assert.That(driver.UsedIndex, Is.EqualTo(3));
        Assert.That(statuses.Select(s => driver.Peek(s, 1)[0]), Is.All.EqualTo(Ok));
        Assert.That(driver.Levels, Is.EqualTo(new[] { true }));
    }

    [Test]
    public void ARequestWithoutItsStatusByteNeedsReset()
    {
        using var driver = Started(readOnly: false);
        driver.Submit(new GuestBuffer(driver.Place(Header(In, 0)), 16, false));
        driver.Notify();
        Assert.That(driver.Read(Status) & NeedsReset, Is.EqualTo(NeedsReset));
        Assert.That(driver.Read(InterruptStatus), Is.EqualTo(2));
        Assert.That(driver.UsedIndex, Is.Zero);
    }

    [Test]
    public void ALastPartialSectorIsCountedAndReadsZeroPadded()
    {
        // QEMU's block layer rounds the capacity up (DIV_ROUND_UP in bdrv_refresh_total_sectors).
        File.WriteAllBytes(_image, Pattern(1000));
        using var driver = Started(readOnly: false);
        Assert.That(driver.Transport.Read(Config, 4), Is.EqualTo(2));
        byte[] expected = [.. Pattern(1000).AsSpan(512), .. new byte[24]];
        Assert.That(Request(driver, In, 1, 512).Data, Is.EqualTo(expected));
        Assert.That(Request(driver, In, 2, 512).Status, Is.EqualTo(IoError));
        // Writing that sector extends the file to a whole one, as QEMU's pwrite to the raw file does.
        Assert.That(Request(driver, Out, 1, 0, Pattern(512)).Status, Is.EqualTo(Ok));
        Assert.That(ReadFile(), Is.EqualTo((byte[])[.. Pattern(512), .. Pattern(512)]));
    }

    [Test]
    public void DisposeClosesTheFile()
    {
        var block = new VirtioBlock(_image, readOnly: false);
        block.Dispose();
        using var exclusive = new FileStream(_image, FileMode.Open, FileAccess.ReadWrite, FileShare.None);
        Assert.That(exclusive.Length, Is.EqualTo(Sectors * 512));
    }

    private VirtioTestDriver Started(bool readOnly)
    {
        var driver = new VirtioTestDriver(new VirtioBlock(_image, readOnly));
        driver.Start(Version1 | IndirectDesc | SegMax | BlockSize | FlushFeature);
        return driver;
    }

    /// <summary>One request as virtio_blk queues it: header, data (out or in), status; returns the status, used length and data read.</summary>
    private static (byte Status, uint Used, byte[] Data) Request(VirtioTestDriver driver, uint type, ulong sector, int readLength, byte[]? writeData = null)
    {
        uint header = driver.Place(Header(type, sector)), status = driver.Alloc(1);
        driver.Ram.Span(status, 1)[0] = 0xFF;
        var buffers = new List<GuestBuffer> { new(header, 16, false) };
        if (writeData is { Length: > 0 }) buffers.Add(new GuestBuffer(driver.Place(writeData), (uint)writeData.Length, false));
        uint data = readLength > 0 ? driver.Alloc(readLength) : 0;
        if (readLength > 0) buffers.Add(new GuestBuffer(data, (uint)readLength, true));
        buffers.Add(new GuestBuffer(status, 1, true));
        int slot = driver.UsedIndex;
        ushort head = driver.Submit([.. buffers]);
        driver.Notify();
        Assert.That(driver.UsedIndex, Is.EqualTo(slot + 1), "the request was served");
        var (id, used) = driver.Used(slot);
        Assert.That(id, Is.EqualTo(head));
        driver.HandleInterrupt();
        return (driver.Peek(status, 1)[0], used, readLength > 0 ? driver.Peek(data, readLength) : []);
    }

    private static byte[] Header(uint type, ulong sector)
    {
        var header = new byte[16];
        BinaryPrimitives.WriteUInt32LittleEndian(header, type);
        BinaryPrimitives.WriteUInt64LittleEndian(header.AsSpan(8), sector);
        return header;
    }

    /// <summary>Bytes that differ from sector to sector and within one.</summary>
    private static byte[] Pattern(int length) => [.. Enumerable.Range(0, length).Select(i => (byte)(i / 512 * 31 + i % 251))];

    private byte[] ReadFile()
    {
        using var f = new FileStream(_image, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
        var bytes = new byte[f.Length];
        f.ReadExactly(bytes);
        return bytes;
    }
}
