using Translator.Hypervisor.Memory;
using Translator.Platform.Devices.Virtio;
using static Translator.Platform.Tests.Virtio.VirtioTestDriver;

namespace Translator.Platform.Tests.Virtio;

/// <summary>The virtio-mmio version 2 transport, driven as Linux's virtio_mmio and virtio_ring drive it.</summary>
public sealed class VirtioMmioTransportTests
{
    [Test]
    public void AnEmptyTransportShowsDeviceIdZeroAndIgnoresWrites()
    {
        using var driver = new VirtioTestDriver(null);
        Assert.That(driver.Read(MagicValue), Is.EqualTo(0x74726976));
        Assert.That(driver.Read(VersionRegister), Is.EqualTo(2));
        Assert.That(driver.Read(DeviceId), Is.Zero);
        Assert.That(driver.Read(VendorId), Is.EqualTo(0x554D4551));
        driver.Write(Status, Acknowledge);
        driver.Write(QueueReady, 1);
        Assert.That(driver.Read(Status), Is.Zero);
        Assert.That(driver.Read(QueueNumMax), Is.Zero);
        Assert.That(driver.Read(DeviceFeatures), Is.Zero);
        Assert.That(driver.Transport.Read(Config, 4), Is.Zero);
        Assert.That(driver.Levels, Is.Empty);
    }

    [Test]
    public void LegacyAndUnknownOffsetsAndNarrowAccessesAreBusErrors()
    {
        using var driver = new VirtioTestDriver(new VirtioRng());
        Assert.Throws<MmioException>(() => driver.Read(0x028), "GuestPageSize is legacy only");
        Assert.Throws<MmioException>(() => driver.Read(0x040), "QueuePFN is legacy only");
        Assert.Throws<MmioException>(() => driver.Write(0x0F0, 0));
        Assert.Throws<MmioException>(() => driver.Transport.Read(Status, 2));
        Assert.Throws<MmioException>(() => driver.Transport.Read(Config + 1, 2));
        Assert.That(driver.Read(QueueNotify), Is.Zero, "a write-only register reads as zero, as in QEMU");
    }

    [Test]
    public void OffersVersion1AndIndirectDescriptorsButNotEventIdx()
    {
        using var driver = new VirtioTestDriver(new VirtioRng());
        Assert.That(driver.Read(DeviceId), Is.EqualTo(4));
        driver.Write(DeviceFeaturesSel, 0);
        Assert.That(driver.Read(DeviceFeatures), Is.EqualTo(1u << 28));
        driver.Write(DeviceFeaturesSel, 1);
        Assert.That(driver.Read(DeviceFeatures), Is.EqualTo(1u));
        driver.Write(DeviceFeaturesSel, 2);
        Assert.That(driver.Read(DeviceFeatures), Is.Zero);
    }

    [Test]
    public void FeaturesOkIsRefusedWithoutVersion1()
    {
        using var driver = new VirtioTestDriver(new VirtioRng());
        Assert.That(driver.Negotiate(IndirectDesc), Is.False);
        Assert.That(driver.Read(Status), Is.EqualTo(Acknowledge | DriverBit));
    }

    [Test]
    public void FeaturesOkIsRefusedForAFeatureNotOffered()
    {
        using var driver = new VirtioTestDriver(new VirtioRng());
        driver.Write(Status, Acknowledge | DriverBit);
        driver.Write(DriverFeaturesSel, 1);
        driver.Write(DriverFeatures, 1);
        driver.Write(DriverFeaturesSel, 0);
        driver.Write(DriverFeatures, 1u << 29);
        driver.AddStatus(FeaturesOk);
        Assert.That(driver.Read(Status) & FeaturesOk, Is.Zero);
    }

    [Test]
    public void ANotifyServesTheQueueAndRaisesTheLevelUntilAcknowledged()
    {
        using var driver = new VirtioTestDriver(new VirtioRng());
        driver.Start();
        Assert.That(driver.Read(Status), Is.EqualTo(Acknowledge | DriverBit | FeaturesOk | DriverOk));
        uint buffer = driver.Alloc(32);
        driver.Submit(new GuestBuffer(buffer, 32, true));
        Assert.That(driver.UsedIndex, Is.Zero, "nothing is served before the notify");
        driver.Notify();
        Assert.That(driver.UsedIndex, Is.EqualTo(1));
        Assert.That(driver.Line, Is.True);
        Assert.That(driver.Read(InterruptStatus), Is.EqualTo(1));
        Assert.That(driver.HandleInterrupt(), Is.EqualTo(1));
        Assert.That(driver.Levels, Is.EqualTo(new[] { true, false }));
        Assert.That(driver.Read(InterruptStatus), Is.Zero);
    }

    [Test]
    public void NoInterruptIsRaisedWhileTheDriverSuppressesIt()
    {
        using var driver = new VirtioTestDriver(new VirtioRng());
        driver.Start();
        driver.SetAvailFlags(1);
        driver.Submit(new GuestBuffer(driver.Alloc(8), 8, true));
        driver.Notify();
        Assert.That(driver.UsedIndex, Is.EqualTo(1));
        Assert.That(driver.Levels, Is.Empty);
    }

    [Test]
    public void ResetClearsQueuesStatusAndTheInterrupt()
    {
        using var driver = new VirtioTestDriver(new VirtioRng());
        driver.Start();
        driver.Submit(new GuestBuffer(driver.Alloc(8), 8, true));
        driver.Notify();
        Assert.That(driver.Line, Is.True);
        driver.Write(Status, 0);
        Assert.That(driver.Read(Status), Is.Zero);
        Assert.That(driver.Read(InterruptStatus), Is.Zero);
        Assert.That(driver.Line, Is.False);
        driver.Write(QueueSel, 0);
        Assert.That(driver.Read(QueueReady), Is.Zero);
        // The driver may set the device up again from scratch, rings and indices starting at zero.
        driver.Ram.Span(UsedRing, 4).Clear();
        driver.Start();
        driver.Submit(new GuestBuffer(driver.Alloc(8), 8, true));
        driver.Notify();
        Assert.That(driver.UsedIndex, Is.EqualTo(1));
    }

    [Test]
    public void AQueueThatDoesNotExistHasNoEntries()
    {
        using var driver = new VirtioTestDriver(new VirtioRng());
        driver.Write(QueueSel, 0);
        Assert.That(driver.Read(QueueNumMax), Is.EqualTo(256));
        driver.Write(QueueSel, 1);
        Assert.That(driver.Read(QueueNumMax), Is.Zero);
        driver.Write(QueueReady, 1);
        Assert.That(driver.Read(QueueReady), Is.Zero);
    }

    [Test]
    public void AReadyQueueKeepsItsSizeAndRings()
    {
        using var driver = new VirtioTestDriver(new VirtioRng());
        driver.Start();
        driver.Write(QueueNum, 0);
        driver.Write(QueueDeviceLow, 0);
        driver.Submit(new GuestBuffer(driver.Alloc(8), 8, true));
        driver.Notify();
        Assert.That(driver.UsedIndex, Is.EqualTo(1));
        Assert.That(driver.Read(Status) & NeedsReset, Is.Zero);
    }

    [Test]
    public void ConfigGenerationIsStable()
    {
        using var driver = new VirtioTestDriver(new VirtioRng());
        Assert.That(driver.Read(ConfigGeneration), Is.Zero);
        Assert.That(driver.Transport.Read(Config, 4), Is.EqualTo(uint.MaxValue), "beyond the configuration space reads all ones, as QEMU's");
        Assert.That(driver.Transport.Read(Config, 1), Is.EqualTo(0xFFu));
    }

    [Test]
    public void AQueueMadeReadyWithTooManyEntriesNeedsReset()
    {
        using var driver = new VirtioTestDriver(new VirtioRng());
        Assert.That(driver.Negotiate(Version1), Is.True);
        driver.Write(QueueSel, 0);
        driver.Write(QueueNum, 257);
        driver.Write(QueueReady, 1);
        Assert.That(driver.Read(QueueReady), Is.Zero);
        Assert.That(driver.Read(Status) & NeedsReset, Is.EqualTo(NeedsReset));
        Assert.That(driver.Read(InterruptStatus), Is.EqualTo(2));
    }

    [Test]
    public void VirtioBusPutsTheFirstDeviceInTheLastTransport()
    {
        using var ram = new Ram(RamBase, RamSize);
        using var rng = new VirtioRng();
        using var second = new VirtioRng();
        var lines = new List<int>();
        var transports = VirtioBus.Create(32, [rng, second], new RamDma(ram), n =>
        {
            lines.Add(n);
            return _ => { };
        });
        Assert.That(lines, Is.EqualTo(Enumerable.Range(0, 32)), "transport n gets line n");
        Assert.That(transports, Has.Length.EqualTo(32));
        Assert.That(transports[31].Device, Is.SameAs(rng));
        Assert.That(transports[30].Device, Is.SameAs(second));
        Assert.That(transports.Take(30).Select(t => t.Read(DeviceId, 4)), Is.All.Zero);
        Assert.That(transports[31].Read(DeviceId, 4), Is.EqualTo(4));
        Assert.Throws<ArgumentException>(() => VirtioBus.Create(1, [rng, second], new RamDma(ram), _ => _ => { }));
    }
}
