using System.Buffers.Binary;
using System.Text;

namespace Translator.Platform.Devices.Virtio;

/// <summary>
/// virtio-blk (virtio 1.2, 5.2) over a raw image file, for <c>--drive file=IMG[,readonly]</c>. Writes
/// go to the file as they arrive (no cache of our own), so they survive a guest reboot and the process
/// ending; FLUSH reaches the disk with fsync. A file whose length is not a multiple of 512 bytes has
/// its capacity rounded up, as QEMU's block layer does (DIV_ROUND_UP in bdrv_refresh_total_sectors):
/// the last partial sector reads zero-padded, and a write to it extends the file, as a pwrite does in QEMU.
/// </summary>
public sealed class VirtioBlock : VirtioDevice
{
    public const int SectorSize = 512;
    /// <summary>The length of a GET_ID answer (VIRTIO_BLK_ID_BYTES).</summary>
    public const int IdBytes = 20;
    private const ulong FeatureSegMax = 1UL << 2, FeatureReadOnly = 1UL << 5, FeatureBlockSize = 1UL << 6, FeatureFlush = 1UL << 9;
    private const uint TypeIn = 0, TypeOut = 1, TypeFlush = 4, TypeGetId = 8;
    private const byte StatusOk = 0, StatusIoError = 1, StatusUnsupported = 2;
    private const int HeaderSize = 16;
    private const int QueueSize = 256;
    // Up to the blk_size field; QEMU's smallest virtio-blk configuration (without discard) is 36 bytes.
    private const int ConfigBytes = 36;

    private readonly FileStream _file;
    private readonly byte[] _config = new byte[ConfigBytes];
    private readonly byte[] _id = new byte[IdBytes];

    /// <param name="path">The raw image.</param>
    /// <param name="readOnly">Offer VIRTIO_BLK_F_RO, open the file for reading only, and refuse writes.</param>
    /// <param name="serial">The GET_ID answer (truncated to 20 bytes); empty by default, as QEMU's.</param>
    public VirtioBlock(string path, bool readOnly, string serial = "")
    {
        ReadOnly = readOnly;
        // No buffer of our own: each write is a write(2) at once, so the file holds it even if we crash.
        _file = new FileStream(path, FileMode.Open, readOnly ? FileAccess.Read : FileAccess.ReadWrite,
            readOnly ? FileShare.ReadWrite : FileShare.Read, bufferSize: 0, FileOptions.RandomAccess);
        CapacitySectors = (ulong)((_file.Length + SectorSize - 1) / SectorSize);
        Encoding.ASCII.GetBytes(serial.AsSpan(0, Math.Min(serial.Length, IdBytes)), _id);
        BinaryPrimitives.WriteUInt64LittleEndian(_config, CapacitySectors);
        // seg_max: two descriptors of a chain are the header and the status, as QEMU reckons (queue size - 2).
        BinaryPrimitives.WriteUInt32LittleEndian(_config.AsSpan(12), QueueSize - 2);
        BinaryPrimitives.WriteUInt32LittleEndian(_config.AsSpan(20), SectorSize);
    }

    public bool ReadOnly { get; }
    public ulong CapacitySectors { get; }
    public override uint DeviceId => 2;
    // No SIZE_MAX, as QEMU: a segment may be as long as the driver likes, since it is copied straight from RAM.
    public override ulong Features => FeatureSegMax | FeatureBlockSize | FeatureFlush | (ReadOnly ? FeatureReadOnly : 0);
    public override int QueueCount => 1;
    public override int QueueMaxSize => QueueSize;
    public override int ConfigSize => ConfigBytes;

    public override byte ReadConfig(int offset) => _config[offset];

    public override void Process(VirtQueue queue)
    {
        Span<byte> header = stackalloc byte[HeaderSize];
        while (queue.TryPop(out var chain))
        {
            if (chain.ReadableLength < HeaderSize || chain.WritableLength < 1)
                throw new VirtioProtocolException($"virtio-blk: request {chain.Head} lacks its header or status byte");
            chain.CopyFrom(0, header);
            uint type = BinaryPrimitives.ReadUInt32LittleEndian(header);
            ulong sector = BinaryPrimitives.ReadUInt64LittleEndian(header[8..]);
            long dataIn = chain.WritableLength - 1;
            (byte status, long written) = type switch
            {
                TypeIn => Read(chain, sector, dataIn),
                TypeOut => (Write(chain, sector, chain.ReadableLength - HeaderSize), 0),
                TypeFlush => (Flush(), 0),
                TypeGetId => (StatusOk, chain.CopyTo(0, _id.AsSpan(0, (int)Math.Min(dataIn, IdBytes)))),
                _ => (StatusUnsupported, 0),
            };
            chain.CopyTo(dataIn, [status]);
            queue.Push(chain, (uint)(written + 1));
        }
    }

    private (byte Status, long Written) Read(DescriptorChain chain, ulong sector, long length)
    {
        if (!InRange(sector, length)) return (StatusIoError, 0);
        long position = (long)sector * SectorSize;
        try
        {
            foreach (var piece in chain.WritableRange(0, length))
            {
                var bytes = chain.Bytes(piece);
                _file.Position = position;
                int got = _file.ReadAtLeast(bytes, bytes.Length, throwOnEndOfStream: false);
                // Past the end of a file whose length is not a multiple of 512: the rest of the sector is zeros.
                bytes[got..].Clear();
                chain.Written(piece);
                position += piece.Length;
            }
        }
        catch (IOException)
        {
            return (StatusIoError, 0);
        }
        return (StatusOk, length);
    }

    private byte Write(DescriptorChain chain, ulong sector, long length)
    {
        if (ReadOnly || !InRange(sector, length)) return StatusIoError;
        long position = (long)sector * SectorSize;
        try
        {
            foreach (var piece in chain.ReadableRange(HeaderSize, length))
            {
                _file.Position = position;
                _file.Write(chain.Bytes(piece));
                position += piece.Length;
            }
        }
        catch (IOException)
        {
            return StatusIoError;
        }
        return StatusOk;
    }

    private byte Flush()
    {
        if (ReadOnly) return StatusOk;
        try
        {
            _file.Flush(flushToDisk: true);
        }
        catch (IOException)
        {
            return StatusIoError;
        }
        return StatusOk;
    }

    /// <summary>Whole sectors inside the disk, as QEMU's virtio_blk_sect_range_ok demands.</summary>
    private bool InRange(ulong sector, long length) =>
        length % SectorSize == 0 && sector <= CapacitySectors && (ulong)(length / SectorSize) <= CapacitySectors - sector;

    protected override void Dispose(bool disposing)
    {
        if (disposing) _file.Dispose();
    }
}
