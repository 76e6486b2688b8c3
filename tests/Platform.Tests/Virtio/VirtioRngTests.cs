using Translator.Platform.Devices.Virtio;
using static Translator.Platform.Tests.Virtio.VirtioTestDriver;

namespace Translator.Platform.Tests.Virtio;

/// <summary>virtio-rng, as Linux's virtio-rng driver asks it for entropy.</summary>
public sealed class VirtioRngTests
{
    [Test]
    public void FillsAWritableBufferAndReportsTheWrite()
    {
        using var driver = new VirtioTestDriver(new VirtioRng());
        driver.Start();
        uint buffer = driver.Alloc(64);
        ushort head = driver.Submit(new GuestBuffer(buffer, 64, true));
        driver.Notify();
        Assert.That(driver.UsedIndex, Is.EqualTo(1));
        Assert.That(driver.Used(0), Is.EqualTo((head, 64u)));
        Assert.That(driver.Peek(buffer, 64), Has.Some.Not.Zero, "64 random bytes are not all zero but once in 2^512");
        Assert.That(driver.Writes, Does.Contain((buffer, 64)));
    }

    [Test]
    public void FillsEveryBufferOfAChainAndOfAnIndirectTable()
    {
        using var driver = new VirtioTestDriver(new VirtioRng());
        driver.Start();
        uint a = driver.Alloc(32), b = driver.Alloc(32), c = driver.Alloc(32);
        driver.Submit(new GuestBuffer(a, 32, true), new GuestBuffer(b, 32, true));
        driver.SubmitIndirect(new GuestBuffer(c, 32, true));
        driver.Notify();
        Assert.That(driver.UsedIndex, Is.EqualTo(2));
        Assert.That(driver.Used(0).Length, Is.EqualTo(64));
        Assert.That(driver.Used(1).Length, Is.EqualTo(32));
        Assert.That(driver.Peek(b, 32), Has.Some.Not.Zero);
        Assert.That(driver.Peek(c, 32), Has.Some.Not.Zero);
        Assert.That(driver.HandleInterrupt(), Is.EqualTo(1), "one interrupt for the batch");
    }

    [Test]
    public void IsDeviceFourWithNoFeaturesOfItsOwn()
    {
        using var rng = new VirtioRng();
        Assert.That(rng.DeviceId, Is.EqualTo(4));
        Assert.That(rng.Features, Is.Zero);
        Assert.That(rng.QueueCount, Is.EqualTo(1));
    }
}
