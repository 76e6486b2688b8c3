namespace Translator.Frontend.Decoding;

/// <summary>
/// Floating-point register numbers from the fields of a VFP encoding. Each register is a 4-bit
/// field plus one extra bit elsewhere in the word; a pattern letter collects the bits in the order
/// they appear, so the fields hold D:Vd (letter d), Vn:N (letter n) and M:Vm (letter m). A single
/// register takes the extra bit as its lowest bit (Vd:D), a double register as its highest (D:Vd).
/// </summary>
public static class VfpRegisters
{
    public static int Sd(in Instruction i) => MoveTopBitDown(i[Field.Rd]);
    public static int Dd(in Instruction i) => (int)i[Field.Rd];
    public static int Sn(in Instruction i) => (int)i[Field.Rn];
    public static int Dn(in Instruction i) => MoveBottomBitUp(i[Field.Rn]);
    public static int Sm(in Instruction i) => MoveTopBitDown(i[Field.Rm]);
    public static int Dm(in Instruction i) => (int)i[Field.Rm];

    /// <summary>A 5-bit field X:VVVV read as VVVV:X.</summary>
    public static int MoveTopBitDown(uint field) => (int)(((field & 0xF) << 1) | (field >> 4));

    /// <summary>A 5-bit field VVVV:X read as X:VVVV.</summary>
    public static int MoveBottomBitUp(uint field) => (int)(((field & 1) << 4) | (field >> 1));
}
