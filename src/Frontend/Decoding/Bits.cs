namespace Translator.Frontend.Decoding;

/// <summary>Bit manipulation shared by decoding, disassembly and lifting.</summary>
public static class Bits
{
    /// <summary>Sign-extends the low <paramref name="width"/> bits of <paramref name="value"/>.</summary>
    public static int SignExtend(uint value, int width) => (int)(value << (32 - width)) >> (32 - width);

    public static uint RotateRight(uint value, int amount) => (value >> (amount & 31)) | (value << ((32 - amount) & 31));

    /// <summary>ARMExpandImm: an 8-bit value rotated right by twice the 4-bit rotation.</summary>
    public static uint ExpandArmImmediate(uint imm8, int rotate) => RotateRight(imm8, rotate * 2);
}
