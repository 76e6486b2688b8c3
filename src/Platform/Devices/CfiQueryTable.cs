namespace Translator.Platform.Devices;

/// <summary>
/// The CFI query structure one chip of a <see cref="CfiFlash"/> bank answers with, as QEMU's pflash_cfi01
/// fills it (pflash_cfi01_fill_cfi_table) for a bank of identical chips that share the bank's sectors:
/// the Intel/Sharp command set, a uniform erase region, 2 KiB write buffers and a version 1.0 primary
/// extended table (JEDEC JESD68.01 "Common Flash Interface", tables 1-4).
/// </summary>
internal static class CfiQueryTable
{
    /// <summary>Query offsets 0x00-0x51 exist; QEMU answers 0 beyond them.</summary>
    public const int Length = 0x52;
    /// <summary>Offset 0x2A: log2 of the bytes one chip's write buffer holds.</summary>
    public const int WriteBufferLog2 = 11;

    public static byte[] Build(uint bankSize, uint sectorSize, int chips)
    {
        uint chipSector = sectorSize / (uint)chips, blocks = bankSize / sectorSize;
        uint chipSize = chipSector * blocks;
        var t = new byte[Length];
        "QRY"u8.CopyTo(t.AsSpan(0x10));
        t[0x13] = 0x01; // primary command set: Intel/Sharp extended
        t[0x15] = 0x31; // primary extended table at 0x31
        t[0x1B] = 0x45; // Vcc min 4.5 V
        t[0x1C] = 0x55; // Vcc max 5.5 V
        t[0x1F] = 0x07; // typical word program time 2^7 us
        t[0x20] = 0x07; // typical buffer write time 2^7 us
        t[0x21] = 0x0A; // typical block erase time 2^10 ms
        t[0x23] = 0x04; // maximum times: 2^4 x typical
        t[0x24] = 0x04;
        t[0x25] = 0x04;
        t[0x27] = (byte)System.Numerics.BitOperations.Log2(chipSize);
        t[0x28] = 0x02; // x8/x16 interface
        t[0x2A] = WriteBufferLog2;
        t[0x2C] = 0x01; // one erase block region
        t[0x2D] = (byte)(blocks - 1);
        t[0x2E] = (byte)((blocks - 1) >> 8);
        t[0x2F] = (byte)(chipSector >> 8);
        t[0x30] = (byte)(chipSector >> 16);
        "PRI10"u8.CopyTo(t.AsSpan(0x31));
        t[0x3F] = 0x01; // one protection register field
        return t;
    }
}
