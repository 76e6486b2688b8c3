using Translator.Frontend.Decoding;
using static Translator.Frontend.A32.Decode.VfpRules;
using static Translator.Frontend.A32.Disasm.VfpLoadStoreText;

namespace Translator.Frontend.A32.Decode;

/// <summary>
/// Floating-point loads and stores in the LDC/STC space of coprocessors 10 and 11: VLDR/VSTR
/// (and the ARMv8.2 .16 forms in coprocessor 9), VLDM/VSTM/VPUSH/VPOP of singles and doubles, the
/// deprecated FLDMX/FSTMX (an odd imm8 on a double-register list) and the ARMv8-M VLLDM/VLSTM.
/// The i field of a double-register list is imm8 / 2, the number of registers.
/// </summary>
public static class VfpLoadStore
{
    /// <summary>PC as the base with writeback (bit 21, always set in the decrement-before forms).</summary>
    private static readonly Rule PcWriteback = (in Instruction i) =>
        i.Rn == 15 && (i.Word & (1u << 21)) != 0 ? Reason.WritebackBase : Reason.None;

    private static readonly Rule Doubles = (in Instruction i) =>
        i.Imm == 0 || i.Imm > 16 || VfpRegisters.Dd(i) + i.Imm > 32 ? Reason.RegisterList : Reason.None;

    private static readonly Rule Singles = (in Instruction i) =>
        i.Imm == 0 || VfpRegisters.Sd(i) + i.Imm > 32 ? Reason.RegisterList : Reason.None;

    /// <summary>FLDMX/FSTMX reach only D0-D15.</summary>
    private static readonly Rule LowDoubles = (in Instruction i) =>
        i.Imm == 0 || VfpRegisters.Dd(i) + i.Imm > 16 ? Reason.RegisterList : Reason.None;

    public static readonly Encoding[] Lines =
    [
        new("VSTR", Op.Vstr, "cccc1101Ud00nnnndddd101Ziiiiiiii", Single("vstr"), Feature.Vfp),
        new("VLDR", Op.Vldr, "cccc1101Ud01nnnndddd101Ziiiiiiii", Single("vldr"), Feature.Vfp),
        new("VSTR (half precision)", Op.Vstr, "cccc1101Ud00nnnndddd1001iiiiiiii", Single("vstr"), Feature.Fp16, ConditionalHalf),
        new("VLDR (half precision)", Op.Vldr, "cccc1101Ud01nnnndddd1001iiiiiiii", Single("vldr"), Feature.Fp16, ConditionalHalf),

        new("VSTMIA (doubles)", Op.Vstm, "cccc11001dW0nnnndddd1011iiiiiii0", Multiple("vstmia"), Feature.Vfp, PcWriteback, Doubles),
        new("VLDMIA (doubles)", Op.Vldm, "cccc11001dW1nnnndddd1011iiiiiii0", Multiple("vldmia"), Feature.Vfp, PcWriteback, Doubles),
        new("VSTMDB (doubles)", Op.Vstmdb, "cccc11010d10nnnndddd1011iiiiiii0", Multiple("vstmdb"), Feature.Vfp, PcWriteback, Doubles),
        new("VLDMDB (doubles)", Op.Vldmdb, "cccc11010d11nnnndddd1011iiiiiii0", Multiple("vldmdb"), Feature.Vfp, PcWriteback, Doubles),
        new("VPUSH (doubles)", Op.Vpush, "cccc11010d101101dddd1011iiiiiii0", Stack("vpush"), Feature.Vfp, Doubles),
        new("VPOP (doubles)", Op.Vpop, "cccc11001d111101dddd1011iiiiiii0", Stack("vpop"), Feature.Vfp, Doubles),

        new("VSTMIA (singles)", Op.Vstm, "cccc11001dW0nnnndddd1010iiiiiiii", Multiple("vstmia"), Feature.Vfp, PcWriteback, Singles),
        new("VLDMIA (singles)", Op.Vldm, "cccc11001dW1nnnndddd1010iiiiiiii", Multiple("vldmia"), Feature.Vfp, PcWriteback, Singles),
        new("VSTMDB (singles)", Op.Vstmdb, "cccc11010d10nnnndddd1010iiiiiiii", Multiple("vstmdb"), Feature.Vfp, PcWriteback, Singles),
        new("VLDMDB (singles)", Op.Vldmdb, "cccc11010d11nnnndddd1010iiiiiiii", Multiple("vldmdb"), Feature.Vfp, PcWriteback, Singles),
        new("VPUSH (singles)", Op.Vpush, "cccc11010d101101dddd1010iiiiiiii", Stack("vpush"), Feature.Vfp, Singles),
        new("VPOP (singles)", Op.Vpop, "cccc11001d111101dddd1010iiiiiiii", Stack("vpop"), Feature.Vfp, Singles),

        new("FSTMIAX", Op.Fstmiax, "cccc11001dW0nnnndddd1011iiiiiii1", Multiple("fstmiax"), Feature.Vfp, PcWriteback, LowDoubles),
        new("FLDMIAX", Op.Fldmiax, "cccc11001dW1nnnndddd1011iiiiiii1", Multiple("fldmiax"), Feature.Vfp, PcWriteback, LowDoubles),
        new("FSTMDBX", Op.Fstmdbx, "cccc11010d10nnnndddd1011iiiiiii1", Multiple("fstmdbx"), Feature.Vfp, PcWriteback, LowDoubles),
        new("FLDMDBX", Op.Fldmdbx, "cccc11010d11nnnndddd1011iiiiiii1", Multiple("fldmdbx"), Feature.Vfp, PcWriteback, LowDoubles),

        new("VLSTM", Op.Vlstm, "111011000010nnnn0000101000000000", LazyState("vlstm"), Feature.MProfile),
        new("VLLDM", Op.Vlldm, "111011000011nnnn0000101000000000", LazyState("vlldm"), Feature.MProfile),
    ];
}
