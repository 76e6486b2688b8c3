using Translator.Platform.Devices.Virtio;
using static Translator.Platform.Tests.Virtio.VirtioTestDriver;

namespace Translator.Platform.Tests.Virtio;

/// <summary>
/// What the guest puts in a split virtqueue is checked: a malformed ring or chain sets
/// DEVICE_NEEDS_RESET and raises a configuration interrupt, serves nothing, and ignores further
/// notifies until the driver resets the device.
/// </summary>
public sealed class VirtQueueTests
{
    private const int Size = 16;

    [Test]
    public void AChainThatLoopsNeedsReset()
    {
        using var driver = Started();
        uint a = driver.Alloc(8), b = driver.Alloc(8);
        driver.WriteDescriptor(DescTable, 0, a, 8, DescWrite | DescNext, 1);
        driver.WriteDescriptor(DescTable, 1, b, 8, DescWrite | DescNext, 0);
        driver.MakeAvailable(0);
        AssertNeedsReset(driver);
    }

    [Test]
    public void AHeadBeyondTheRingNeedsReset()
    {
        using var driver = Started();
        driver.MakeAvailable(Size);
        AssertNeedsReset(driver);
    }

    [Test]
    public void ANextBeyondTheRingNeedsReset()
    {
        using var driver = Started();
        driver.WriteDescriptor(DescTable, 0, driver.Alloc(8), 8, DescWrite | DescNext, Size + 3);
        driver.MakeAvailable(0);
        AssertNeedsReset(driver);
    }

    [Test]
    public void ABufferOutsideRamNeedsReset()
    {
        using var driver = Started();
        driver.Submit(new GuestBuffer(RamBase + RamSize - 4, 8, true));
        AssertNeedsReset(driver);
    }

    [Test]
    public void ABufferAbove4GiBNeedsReset()
    {
        using var driver = Started();
        driver.WriteDescriptor(DescTable, 0, (1UL << 32) | RamBase, 8, DescWrite, 0);
        driver.MakeAvailable(0);
        AssertNeedsReset(driver);
    }

    [Test]
    public void AnAvailableIndexRunningAheadOfTheRingNeedsReset()
    {
        using var driver = Started();
        driver.Ram.Span(AvailRing + 2, 2)[0] = Size + 1;
        AssertNeedsReset(driver);
    }

    [Test]
    public void AReadableBufferAfterAWritableOneNeedsReset()
    {
        using var driver = Started();
        driver.Submit(new GuestBuffer(driver.Alloc(8), 8, true), new GuestBuffer(driver.Alloc(8), 8, false));
        AssertNeedsReset(driver);
    }

    [Test]
    public void AnEmptyBufferNeedsReset()
    {
        using var driver = Started();
        driver.Submit(new GuestBuffer(driver.Alloc(8), 0, true));
        AssertNeedsReset(driver);
    }

    [Test]
    public void IndirectDescriptorsNeedTheirFeature()
    {
        using var driver = new VirtioTestDriver(new VirtioRng());
        driver.Start(Version1, Size);
        driver.SubmitIndirect(new GuestBuffer(driver.Alloc(8), 8, true));
        AssertNeedsReset(driver);
    }

    [Test]
    public void AnIndirectTableInsideAnIndirectTableNeedsReset()
    {
        using var driver = Started();
        uint inner = driver.Alloc(16), outer = driver.Alloc(16);
        driver.WriteDescriptor(inner, 0, driver.Alloc(8), 8, DescWrite, 0);
        driver.WriteDescriptor(outer, 0, inner, 16, DescIndirect, 0);
        driver.WriteDescriptor(DescTable, 0, outer, 16, DescIndirect, 0);
        driver.MakeAvailable(0);
        AssertNeedsReset(driver);
    }

    [Test]
    public void AnIndirectTableThatLoopsNeedsReset()
    {
        using var driver = Started();
        uint table = driver.Alloc(32);
        driver.WriteDescriptor(table, 0, driver.Alloc(8), 8, DescWrite | DescNext, 1);
        driver.WriteDescriptor(table, 1, driver.Alloc(8), 8, DescWrite | DescNext, 0);
        driver.WriteDescriptor(DescTable, 0, table, 32, DescIndirect, 0);
        driver.MakeAvailable(0);
        AssertNeedsReset(driver);
    }

    [Test]
    public void AnIndirectTableOfOddLengthNeedsReset()
    {
        using var driver = Started();
        driver.WriteDescriptor(DescTable, 0, driver.Alloc(24), 24, DescIndirect, 0);
        driver.MakeAvailable(0);
        AssertNeedsReset(driver);
    }

    [Test]
    public void ABrokenDeviceWorksAgainAfterReset()
    {
        using var driver = Started();
        driver.MakeAvailable(Size);
        AssertNeedsReset(driver);
        driver.Write(Status, 0);
        Assert.That(driver.Read(Status), Is.Zero);
        Assert.That(driver.Line, Is.False);
        driver.Ram.Span(AvailRing, 4).Clear();
        driver.Start(Version1 | IndirectDesc, Size);
        driver.Submit(new GuestBuffer(driver.Alloc(8), 8, true));
        driver.Notify();
        Assert.That(driver.UsedIndex, Is.EqualTo(1));
        Assert.That(driver.Read(Status) & NeedsReset, Is.Zero);
    }

    [Test]
    public void RequestsWrapAroundTheRing()
    {
        using var driver = Started();
        for (int k = 0; k < 3 * Size + 5; k++)
        {
            ushort head = driver.Submit(new GuestBuffer(driver.Alloc(4), 4, true));
            driver.Notify();
            Assert.That(driver.UsedIndex, Is.EqualTo(k + 1));
            Assert.That(driver.Used(k), Is.EqualTo((head, 4u)));
            driver.HandleInterrupt();
        }
    }

    private static VirtioTestDriver Started()
    {
        var driver = new VirtioTestDriver(new VirtioRng());
        driver.Start(Version1 | IndirectDesc, Size);
        return driver;
    }

    private static void AssertNeedsReset(VirtioTestDriver driver)
    {
        driver.Notify();
        Assert.That(driver.Read(Status) & NeedsReset, Is.EqualTo(NeedsReset));
        Assert.That(driver.Read(Status) & DriverOk, Is.EqualTo(DriverOk), "the driver's bits stay");
        Assert.That(driver.Read(InterruptStatus), Is.EqualTo(2), "a configuration change, no used buffer");
        Assert.That(driver.Line, Is.True);
        Assert.That(driver.UsedIndex, Is.Zero);
        Assert.That(driver.Transport.LastError, Is.Not.Null);
        driver.HandleInterrupt();
        driver.Submit(new GuestBuffer(driver.Alloc(8), 8, true));
        driver.Notify();
        Assert.That(driver.UsedIndex, Is.Zero, "a device that needs reset serves nothing");
    }
}
