using Translator.Frontend.Decoding;
using static Translator.Frontend.Decoding.VfpRegisters;
using static Translator.Oracles.A32OperandExtractors;

namespace Translator.Oracles;

/// <summary>
/// Operand functions of the floating-point families (data processing, loads and stores, transfers),
/// driven by the record's fields: S and D registers numbered as <see cref="VfpRegisters"/> reads
/// them, in the operand order of the assembly syntax.
/// </summary>
public static class A32VfpOperandExtractors
{
    /// <summary>Bits 9:8 of the coprocessor number: 3 for double precision, 2 single, 1 half (coprocessor 9).</summary>
    private static bool IsDouble(in Instruction i) => ((i.Word >> 8) & 3) == 3;

    private static int Vd(in Instruction i, bool dbl) => dbl ? A32Operands.D(Dd(i)) : A32Operands.S(Sd(i));
    private static int Vn(in Instruction i, bool dbl) => dbl ? A32Operands.D(Dn(i)) : A32Operands.S(Sn(i));
    private static int Vm(in Instruction i, bool dbl) => dbl ? A32Operands.D(Dm(i)) : A32Operands.S(Sm(i));

    /// <summary>The ARM ARM's VFPExpandImm of an 8-bit constant, as single-precision bits (the value is the same in double precision).</summary>
    private static uint ExpandImmediate(uint imm8)
    {
        bool b6 = (imm8 & 0x40) != 0;
        return (imm8 & 0x80) << 24 | (b6 ? 0u : 1u) << 30 | (b6 ? 0x1Fu : 0) << 25 | (imm8 & 0x3F) << 19;
    }

    public static A32Operands DataProcessing(Instruction i)
    {
        bool dbl = IsDouble(i);
        int sd = A32Operands.S(Sd(i)), sm = A32Operands.S(Sm(i));
        switch (i.Op)
        {
            case Op.VmovImm:
                return Make(i, [Vd(i, dbl)], [ExpandImmediate(i.Imm)]);
            case Op.Vcmp or Op.Vcmpe when !Has(i, Field.Rm):
                return Make(i, [Vd(i, dbl)], [0]);
            case Op.Vcvtb or Op.Vcvtt:
                return !dbl ? Make(i, [sd, sm]) : i.Flag('O') ? Make(i, [sd, Vm(i, true)]) : Make(i, [Vd(i, true), sm]);
            case Op.VcvtDoubleSingle:
                return dbl ? Make(i, [sd, Vm(i, true)]) : Make(i, [Vd(i, true), sm]);
            // From an integer (opc2 000): the destination has the operation's size; to one (opc2 10x): the source.
            case Op.Vcvt when (i.Word & (1u << 18)) == 0:
                return Make(i, [Vd(i, dbl), sm]);
            case Op.Vcvt or Op.Vcvtr or Op.Vcvta or Op.Vcvtn or Op.Vcvtp or Op.Vcvtm:
                return Make(i, [sd, Vm(i, dbl)]);
            case Op.VcvtFixed:
            {
                int size = (i.Word & (1u << 7)) != 0 ? 32 : 16;
                return Make(i, [Vd(i, dbl), Vd(i, dbl)], [size - MoveTopBitDown(i.Imm)]);
            }
            case Op.Vjcvt:
                return Make(i, [sd, Vm(i, true)]);
            case Op.VcvtbBf16 or Op.VcvttBf16 or Op.Vins or Op.Vmovx:
                return Make(i, [sd, sm]);
            default:
                return Has(i, Field.Rn) ? Make(i, [Vd(i, dbl), Vn(i, dbl), Vm(i, dbl)]) : Make(i, [Vd(i, dbl), Vm(i, dbl)]);
        }
    }

    /// <summary>A VLDM/VSTM/VPUSH/VPOP list: the i field counts double registers (imm8 / 2) or single registers.</summary>
    private static int[] List(in Instruction i)
    {
        bool doubles = (i.Word & 0x100) != 0;
        int first = doubles ? Dd(i) : Sd(i);
        int count = Math.Min((int)i.Imm, 32 - first);
        return [.. Enumerable.Range(first, count).Select(r => doubles ? A32Operands.D(r) : A32Operands.S(r))];
    }

    public static A32Operands LoadStore(Instruction i)
    {
        switch (i.Op)
        {
            case Op.Vldr or Op.Vstr:
            {
                bool half = ((i.Word >> 8) & 3) == 1;
                long offset = i.Imm * (half ? 2 : 4);
                return Make(i, [Vd(i, IsDouble(i)), i.Rn], offset == 0 ? [] : [i.Flag('U') ? offset : -offset]);
            }
            case Op.Vpush or Op.Vpop:
                return Make(i, [13, .. List(i)], writeback: true);
            case Op.Vlstm or Op.Vlldm:
                return Make(i, [i.Rn]);
            case Op.Vstmdb or Op.Vldmdb or Op.Fstmdbx or Op.Fldmdbx:
                return Make(i, [i.Rn, .. List(i)], writeback: true);
            default:
                return Make(i, [i.Rn, .. List(i)], writeback: i.Flag('W'));
        }
    }

    public static A32Operands Transfer(Instruction i)
    {
        bool toCore = i.Flag('L');
        int sn = A32Operands.S(Sn(i)), sm = A32Operands.S(Sm(i)), dn = A32Operands.D(Dn(i)), dm = A32Operands.D(Dm(i));
        int system = A32Operands.FpSystem((int)((i.Word >> 16) & 0xF));
        return i.Op switch
        {
            Op.VmovCoreSingle or Op.VmovCoreHalf => toCore ? Make(i, [i.Rt, sn]) : Make(i, [sn, i.Rt]),
            Op.VmovCoreTwoSingles => toCore ? Make(i, [i.Rt, i.Rt2, sm, sm + 1]) : Make(i, [sm, sm + 1, i.Rt, i.Rt2]),
            Op.VmovCoreDouble => toCore ? Make(i, [i.Rt, i.Rt2, dm]) : Make(i, [dm, i.Rt, i.Rt2]),
            Op.VmovCoreScalar => Make(i, [dn, i.Rt], [i.Imm2]),
            Op.VmovScalarCore => Make(i, [i.Rt, dn], [i.Imm2]),
            Op.Vdup => Make(i, [i.Flag('Q') ? A32Operands.Q(Dn(i) >> 1) : dn, i.Rt]),
            Op.Vmsr => Make(i, [system, i.Rt]),
            // VMRS APSR_nzcv, FPSCR has no Rt field: Rt is 15.
            _ => Make(i, [Has(i, Field.Rt) ? i.Rt : 15, system]),
        };
    }
}
