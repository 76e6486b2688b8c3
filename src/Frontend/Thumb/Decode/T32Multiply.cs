using Translator.Frontend.Decoding;
using static Translator.Frontend.A32.Disasm.RegisterListForm;
using static Translator.Frontend.Thumb.Decode.T32DataProcessingRules;

namespace Translator.Frontend.Thumb.Decode;

/// <summary>
/// Multiply, multiply accumulate and absolute difference (ARM ARM A6.3.16), and long multiply, long
/// multiply accumulate and divide (A6.3.17), with A32's operations and field roles: Rd d, Rn n, Rm m,
/// Ra a; RdLo a and RdHi d for the long forms; the halfword selectors fixed per line, M as flag X,
/// R as flag R. Ra = PC is the non-accumulating form. Bits 7:6 of the first group and the
/// should-be-one Ra of SDIV and UDIV are fixed, as GNU shows other values as UNDEFINED.
/// <para>
/// GNU's table also holds Armv8.1-M's PACBTI instructions, which are these encodings with PC as a
/// register (SMMLA/SMMLAR with Rd = PC, SMMLS with Ra = PC): they are the A-profile operation and
/// UNPREDICTABLE, shown with GNU's text.
/// </para>
/// </summary>
public static class T32Multiply
{
    /// <summary>An accumulating form: its Ra may be PC (that is the plain multiply's line) but not SP.</summary>
    private static readonly Rule[] Accumulating = [.. NoSpOrPc("dnm"), NoSp("a")];

    private static readonly Rule LongOverlap = Rules.If(Reason.RegisterOverlap, WordTest.Same('d', 'a'));

    /// <summary>The long forms: RdLo, RdHi, Rn and Rm neither SP nor PC, and RdLo and RdHi different.</summary>
    private static readonly Rule[] Long = [.. NoSpOrPc("adnm"), LongOverlap];

    public static readonly Encoding[] Lines =
    [
        new("MUL", Op.Mul, "111110110000nnnn1111dddd0000mmmm", Of("mul", "d n m", qualifier: ".w"), Feature.Base, NoSpOrPc("dnm")),
        new("MLA", Op.Mla, "111110110000nnnnaaaadddd0000mmmm", Of("mla", "d n m a"), Feature.Base, Accumulating),
        new("MLS", Op.Mls, "111110110000nnnnaaaadddd0001mmmm", Of("mls", "d n m a"), Feature.Base, NoSpOrPc("dnma")),

        new("SMLABB", Op.Smlabb, "111110110001nnnnaaaadddd0000mmmm", Of("smlabb", "d n m a"), Feature.Base, Accumulating),
        new("SMLABT", Op.Smlabt, "111110110001nnnnaaaadddd0001mmmm", Of("smlabt", "d n m a"), Feature.Base, Accumulating),
        new("SMLATB", Op.Smlatb, "111110110001nnnnaaaadddd0010mmmm", Of("smlatb", "d n m a"), Feature.Base, Accumulating),
        new("SMLATT", Op.Smlatt, "111110110001nnnnaaaadddd0011mmmm", Of("smlatt", "d n m a"), Feature.Base, Accumulating),
        new("SMULBB", Op.Smulbb, "111110110001nnnn1111dddd0000mmmm", Of("smulbb", "d n m"), Feature.Base, NoSpOrPc("dnm")),
        new("SMULBT", Op.Smulbt, "111110110001nnnn1111dddd0001mmmm", Of("smulbt", "d n m"), Feature.Base, NoSpOrPc("dnm")),
        new("SMULTB", Op.Smultb, "111110110001nnnn1111dddd0010mmmm", Of("smultb", "d n m"), Feature.Base, NoSpOrPc("dnm")),
        new("SMULTT", Op.Smultt, "111110110001nnnn1111dddd0011mmmm", Of("smultt", "d n m"), Feature.Base, NoSpOrPc("dnm")),

        new("SMLAD", Op.Smlad, "111110110010nnnnaaaadddd000Xmmmm", Of("smlad", "D N M A", "X"), Feature.Base, Accumulating),
        new("SMUAD", Op.Smuad, "111110110010nnnn1111dddd000Xmmmm", Of("smuad", "d n m", "X"), Feature.Base, NoSpOrPc("dnm")),
        new("SMLAWB", Op.Smlawb, "111110110011nnnnaaaadddd0000mmmm", Of("smlawb", "D N M A"), Feature.Base, Accumulating),
        new("SMLAWT", Op.Smlawt, "111110110011nnnnaaaadddd0001mmmm", Of("smlawt", "D N M A"), Feature.Base, Accumulating),
        new("SMULWB", Op.Smulwb, "111110110011nnnn1111dddd0000mmmm", Of("smulwb", "d n m"), Feature.Base, NoSpOrPc("dnm")),
        new("SMULWT", Op.Smulwt, "111110110011nnnn1111dddd0001mmmm", Of("smulwt", "d n m"), Feature.Base, NoSpOrPc("dnm")),
        new("SMLSD", Op.Smlsd, "111110110100nnnnaaaadddd000Xmmmm", Of("smlsd", "D N M A", "X"), Feature.Base, Accumulating),
        new("SMUSD", Op.Smusd, "111110110100nnnn1111dddd000Xmmmm", Of("smusd", "d n m", "X"), Feature.Base, NoSpOrPc("dnm")),
        new("SMMLA (Rd = PC, GNU's AUTG and BXAUT)", Op.Smmla, "111110110101nnnnaaaadddd000Rmmmm where d=1111 R=0", Of("autg", "a n m"), Feature.Base, Rules.PcIs('d')),
        new("SMMLAR (Rd = PC, GNU's AUTG and BXAUT)", Op.Smmla, "111110110101nnnnaaaadddd000Rmmmm where d=1111 R=1", Of("bxaut", "a n m"), Feature.Base, Rules.PcIs('d')),
        new("SMMLA", Op.Smmla, "111110110101nnnnaaaadddd000Rmmmm", Of("smmla", "D N M A", "R"), Feature.Base, Accumulating),
        new("SMMUL", Op.Smmul, "111110110101nnnn1111dddd000Rmmmm", Of("smmul", "d n m", "R"), Feature.Base, NoSpOrPc("dnm")),
        new("SMMLS (Ra = PC, GNU's PACG)", Op.Smmls, "111110110110nnnnaaaadddd000Rmmmm where a=1111 R=0", Of("pacg", "d n m"), Feature.Base, NoSpOrPc("dnma")),
        new("SMMLS", Op.Smmls, "111110110110nnnnaaaadddd000Rmmmm", Of("smmls", "D N M A", "R"), Feature.Base, NoSpOrPc("dnma")),
        new("USAD8", Op.Usad8, "111110110111nnnn1111dddd0000mmmm", Of("usad8", "d n m"), Feature.Base, NoSpOrPc("dnm")),
        new("USADA8", Op.Usada8, "111110110111nnnnaaaadddd0000mmmm", Of("usada8", "D N M A"), Feature.Base, Accumulating),

        new("SMULL", Op.Smull, "111110111000nnnnaaaadddd0000mmmm", Of("smull", "A D N M"), Feature.Base, Long),
        new("SDIV", Op.Sdiv, "111110111001nnnn1111dddd1111mmmm", Of("sdiv", "d n m"), Feature.Idiv, NoSpOrPc("dnm")),
        new("UMULL", Op.Umull, "111110111010nnnnaaaadddd0000mmmm", Of("umull", "A D N M"), Feature.Base, Long),
        new("UDIV", Op.Udiv, "111110111011nnnn1111dddd1111mmmm", Of("udiv", "d n m"), Feature.Idiv, NoSpOrPc("dnm")),
        new("SMLAL", Op.Smlal, "111110111100nnnnaaaadddd0000mmmm", Of("smlal", "A D N M"), Feature.Base, Long),
        new("SMLALBB", Op.Smlalbb, "111110111100nnnnaaaadddd1000mmmm", Of("smlalbb", "a d n m"), Feature.Base, Long),
        new("SMLALBT", Op.Smlalbt, "111110111100nnnnaaaadddd1001mmmm", Of("smlalbt", "a d n m"), Feature.Base, Long),
        new("SMLALTB", Op.Smlaltb, "111110111100nnnnaaaadddd1010mmmm", Of("smlaltb", "a d n m"), Feature.Base, Long),
        new("SMLALTT", Op.Smlaltt, "111110111100nnnnaaaadddd1011mmmm", Of("smlaltt", "a d n m"), Feature.Base, Long),
        new("SMLALD", Op.Smlald, "111110111100nnnnaaaadddd110Xmmmm", Of("smlald", "A D N M", "X"), Feature.Base, Long),
        new("SMLSLD", Op.Smlsld, "111110111101nnnnaaaadddd110Xmmmm", Of("smlsld", "A D N M", "X"), Feature.Base, Long),
        new("UMLAL", Op.Umlal, "111110111110nnnnaaaadddd0000mmmm", Of("umlal", "A D N M"), Feature.Base, Long),
        new("UMAAL", Op.Umaal, "111110111110nnnnaaaadddd0110mmmm", Of("umaal", "A D N M"), Feature.Base, Long),
    ];
}
