using Translator.Frontend.Decoding;
using static Translator.Frontend.A32.Disasm.RegisterListForm;

namespace Translator.Frontend.A32.Decode;

/// <summary>Multiplies (32-bit, long, halfword, dual, most-significant-word), SDIV/UDIV and USAD8/USADA8.</summary>
public static class Multiply
{
    private static readonly Rule AnyPc = Rules.PcIn("dnma");
    private static readonly Rule LongPair = Rules.FirstOf(Rules.PcIn("danm"), Rules.If(Reason.RegisterOverlap, WordTest.Same('d', 'a')));

    public static readonly Encoding[] Lines =
    [
        new("MUL", Op.Mul, "cccc0000000Sdddd(0)(0)(0)(0)mmmm1001nnnn", Of("mul", "D N M", "S"), Feature.Base, AnyPc),
        new("MLA", Op.Mla, "cccc0000001Sddddaaaammmm1001nnnn", Of("mla", "D N M A", "S"), Feature.Base, AnyPc),
        new("MLS", Op.Mls, "cccc00000110ddddaaaammmm1001nnnn", Of("mls", "D N M A"), Feature.Base, AnyPc),
        new("UMAAL", Op.Umaal, "cccc00000100ddddaaaammmm1001nnnn", Of("umaal", "A D N M"), Feature.Base, LongPair),
        new("UMULL", Op.Umull, "cccc0000100Sddddaaaammmm1001nnnn", Of("umull", "L H N M", "S"), Feature.Base, LongPair),
        new("UMLAL", Op.Umlal, "cccc0000101Sddddaaaammmm1001nnnn", Of("umlal", "L H N M", "S"), Feature.Base, LongPair),
        new("SMULL", Op.Smull, "cccc0000110Sddddaaaammmm1001nnnn", Of("smull", "L H N M", "S"), Feature.Base, LongPair),
        new("SMLAL", Op.Smlal, "cccc0000111Sddddaaaammmm1001nnnn", Of("smlal", "L H N M", "S"), Feature.Base, LongPair),

        new("SMLABB", Op.Smlabb, "cccc00010000ddddaaaammmm1000nnnn", Of("smlabb", "D N M A"), Feature.Base, AnyPc),
        new("SMLATB", Op.Smlatb, "cccc00010000ddddaaaammmm1010nnnn", Of("smlatb", "D N M A"), Feature.Base, AnyPc),
        new("SMLABT", Op.Smlabt, "cccc00010000ddddaaaammmm1100nnnn", Of("smlabt", "D N M A"), Feature.Base, AnyPc),
        new("SMLATT", Op.Smlatt, "cccc00010000ddddaaaammmm1110nnnn", Of("smlatt", "d n M A"), Feature.Base, AnyPc),
        new("SMLAWB", Op.Smlawb, "cccc00010010ddddaaaammmm1000nnnn", Of("smlawb", "D N M A"), Feature.Base, AnyPc),
        new("SMLAWT", Op.Smlawt, "cccc00010010ddddaaaammmm1100nnnn", Of("smlawt", "D n M A"), Feature.Base, AnyPc),
        new("SMULWB", Op.Smulwb, "cccc00010010dddd0000mmmm1010nnnn", Of("smulwb", "D N M"), Feature.Base, AnyPc),
        new("SMULWT", Op.Smulwt, "cccc00010010dddd0000mmmm1110nnnn", Of("smulwt", "D N M"), Feature.Base, AnyPc),
        new("SMLALBB", Op.Smlalbb, "cccc00010100ddddaaaammmm1000nnnn", Of("smlalbb", "L H N M"), Feature.Base, LongPair),
        new("SMLALTB", Op.Smlaltb, "cccc00010100ddddaaaammmm1010nnnn", Of("smlaltb", "L H N M"), Feature.Base, LongPair),
        new("SMLALBT", Op.Smlalbt, "cccc00010100ddddaaaammmm1100nnnn", Of("smlalbt", "L H N M"), Feature.Base, LongPair),
        new("SMLALTT", Op.Smlaltt, "cccc00010100ddddaaaammmm1110nnnn", Of("smlaltt", "L H N M"), Feature.Base, LongPair),
        new("SMULBB", Op.Smulbb, "cccc00010110dddd0000mmmm1000nnnn", Of("smulbb", "D N M"), Feature.Base, AnyPc),
        new("SMULTB", Op.Smultb, "cccc00010110dddd0000mmmm1010nnnn", Of("smultb", "D N M"), Feature.Base, AnyPc),
        new("SMULBT", Op.Smulbt, "cccc00010110dddd0000mmmm1100nnnn", Of("smulbt", "D N M"), Feature.Base, AnyPc),
        new("SMULTT", Op.Smultt, "cccc00010110dddd0000mmmm1110nnnn", Of("smultt", "D N M"), Feature.Base, AnyPc),

        new("SMUAD", Op.Smuad, "cccc01110000dddd1111mmmm00X1nnnn", Of("smuad", "D N M", "X"), Feature.Base, AnyPc),
        new("SMUSD", Op.Smusd, "cccc01110000dddd1111mmmm01X1nnnn", Of("smusd", "D N M", "X"), Feature.Base, AnyPc),
        new("SMLAD", Op.Smlad, "cccc01110000ddddaaaammmm00X1nnnn", Of("smlad", "D N M A", "X"), Feature.Base, AnyPc),
        new("SMLSD", Op.Smlsd, "cccc01110000ddddaaaammmm01X1nnnn", Of("smlsd", "D N M A", "X"), Feature.Base, AnyPc),
        new("SMLALD", Op.Smlald, "cccc01110100ddddaaaammmm00X1nnnn", Of("smlald", "L H N M", "X"), Feature.Base, LongPair),
        new("SMLSLD", Op.Smlsld, "cccc01110100ddddaaaammmm01X1nnnn", Of("smlsld", "L H N M", "X"), Feature.Base, LongPair),
        new("SMMUL", Op.Smmul, "cccc01110101dddd1111mmmm00R1nnnn", Of("smmul", "D N M", "R"), Feature.Base, AnyPc),
        new("SMMLA", Op.Smmla, "cccc01110101ddddaaaammmm00R1nnnn", Of("smmla", "D N M A", "R"), Feature.Base, AnyPc),
        new("SMMLS", Op.Smmls, "cccc01110101ddddaaaammmm11R1nnnn", Of("smmls", "D N M A", "R"), Feature.Base, AnyPc),
        new("SDIV", Op.Sdiv, "cccc01110001dddd1111mmmm0001nnnn", Of("sdiv", "d n m"), Feature.Idiv, AnyPc),
        new("UDIV", Op.Udiv, "cccc01110011dddd1111mmmm0001nnnn", Of("udiv", "d n m"), Feature.Idiv, AnyPc),
        new("USAD8", Op.Usad8, "cccc01111000dddd1111mmmm0001nnnn", Of("usad8", "D N M"), Feature.Base, AnyPc),
        new("USADA8", Op.Usada8, "cccc01111000ddddaaaammmm0001nnnn", Of("usada8", "D N M A"), Feature.Base, AnyPc),
    ];
}
