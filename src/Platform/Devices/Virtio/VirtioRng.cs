using System.Security.Cryptography;

namespace Translator.Platform.Devices.Virtio;

/// <summary>virtio-rng (virtio 1.2, 5.4): every device-writable buffer comes back full of the host's random bytes.</summary>
public sealed class VirtioRng : VirtioDevice
{
    public override uint DeviceId => 4;
    public override ulong Features => 0;
    public override int QueueCount => 1;

    public override void Process(VirtQueue queue)
    {
        while (queue.TryPop(out var chain))
        {
            foreach (var segment in chain.Writable)
            {
                RandomNumberGenerator.Fill(chain.Bytes(segment));
                chain.Written(segment);
            }
            queue.Push(chain, (uint)Math.Min(chain.WritableLength, uint.MaxValue));
        }
    }
}
