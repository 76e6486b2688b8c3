using Translator.Frontend.Decoding;
using static Translator.Frontend.A32.Disasm.CrcText;

namespace Translator.Frontend.A32.Decode;

/// <summary>
/// CRC32 and CRC32C of a byte, halfword or word (ARMv8; UNDEFINED on a Cortex-A15). A condition other
/// than AL is UNPREDICTABLE in the ARM ARM; GNU tools decode only AL, so the other words stay with the
/// data-processing and status-register lines they overlap.
/// </summary>
public static class Crc
{
    private static readonly Rule Registers = Rules.PcIn("dnm");

    public static readonly Encoding[] Lines =
    [
        new("CRC32B", Op.Crc32b, "111000010000nnnndddd00000100mmmm", Checksum, Feature.V8, Registers),
        new("CRC32H", Op.Crc32h, "111000010010nnnndddd00000100mmmm", Checksum, Feature.V8, Registers),
        new("CRC32W", Op.Crc32w, "111000010100nnnndddd00000100mmmm", Checksum, Feature.V8, Registers),
        new("CRC32CB", Op.Crc32cb, "111000010000nnnndddd00100100mmmm", Checksum, Feature.V8, Registers),
        new("CRC32CH", Op.Crc32ch, "111000010010nnnndddd00100100mmmm", Checksum, Feature.V8, Registers),
        new("CRC32CW", Op.Crc32cw, "111000010100nnnndddd00100100mmmm", Checksum, Feature.V8, Registers),
    ];
}
