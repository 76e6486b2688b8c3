using Translator.Frontend.Decoding;

namespace Translator.Frontend.A32.Disasm;

/// <summary>GNU-syntax text form of CRC32 and CRC32C.</summary>
internal static class CrcText
{
    public static void Checksum(in Instruction i, AsmWriter w)
    {
        w.Text(i.Op.ToString().ToLowerInvariant()).Tab().Reg(i.Rd).Comma().Reg(i.Rn).Comma().Reg(i.Rm);
        if (i.Rd == 15 || i.Rn == 15 || i.Rm == 15) w.Unpredictable();
    }
}
