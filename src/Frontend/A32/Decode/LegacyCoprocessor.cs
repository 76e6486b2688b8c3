using Translator.Frontend.Decoding;
using static Translator.Frontend.A32.Disasm.LegacyCoprocessorText;

namespace Translator.Frontend.A32.Decode;

/// <summary>
/// Coprocessor words GNU names after coprocessors an ARMv7-A processor never has: the FPA floating
/// point unit (coprocessors 1 and 2), Cirrus Logic's Maverick (4 to 6) and the XScale DSP
/// accumulator (0). Each is the generic coprocessor instruction its shape says (LDC, MCR, CDP, ...)
/// with the generic fields, constrained to the values GNU recognises; on the Cortex-A15 they are
/// UNDEFINED like any access to an absent coprocessor. Only their text is GNU's.
/// </summary>
public static class LegacyCoprocessor
{
    private const string Cdp = "cccc1110oooonnnnddddppppqqq0mmmm";
    private const string Mcr = "cccc1110ooo0nnnnttttppppqqq1mmmm";
    private const string Mrc = "cccc1110ooo1nnnnttttppppqqq1mmmm";
    private const string Stc = "cccc110PUNW0nnnnddddppppiiiiiiii";
    private const string Ldc = "cccc110PUNW1nnnnddddppppiiiiiiii";
    private const string Mcrr = "cccc11000100uuuuttttppppoooommmm";
    private const string Mrrc = "cccc11000101uuuuttttppppoooommmm";

    private static string ShapeOf(Op op) => op switch
    {
        Op.Cdp => Cdp,
        Op.Mcr => Mcr,
        Op.Mrc => Mrc,
        Op.Stc => Stc,
        Op.Ldc => Ldc,
        Op.Mcrr => Mcrr,
        Op.Mrrc => Mrrc,
        _ => throw new ArgumentException($"{op} is not a coprocessor shape"),
    };

    private static Encoding Line(string mnemonic, Op op, string constraints, TextForm text) =>
        new(mnemonic.ToUpperInvariant(), op, $"{ShapeOf(op)} where {constraints}", text, Feature.Legacy);

    private static Encoding Dyadic(string mnemonic, string opcode) => Line(mnemonic, Op.Cdp, $"o={opcode} d=0xxx p=0001", DyadicForm(mnemonic));
    private static Encoding Monadic(string mnemonic, string opcode) => Line(mnemonic, Op.Cdp, $"o={opcode} d=1xxx p=0001", MonadicForm(mnemonic));
    private static Encoding Compare(string mnemonic, string opcode) => Line(mnemonic, Op.Mrc, $"o={opcode} n=0xxx t=1111 p=0001 q=000", CompareForm(mnemonic));

    private static Encoding Maverick(string mnemonic, Op op, string constraints, string operands) =>
        Line(mnemonic, op, constraints, MaverickForm(mnemonic, operands));

    /// <summary>CFLDR*/CFSTR*: P either way, N picks the wider register, in both the LDC/STC and the MCRR/MRRC space.</summary>
    private static IEnumerable<Encoding> MaverickMemory(string mnemonic, bool load, string coproc, bool wide, string bank)
    {
        yield return Line(mnemonic, load ? Op.Ldc : Op.Stc, $"p={coproc} N={(wide ? 1 : 0)}", MaverickLoadStore(mnemonic, bank));
        if (wide) yield return Line(mnemonic, load ? Op.Mrrc : Op.Mcrr, $"p={coproc}", MaverickLoadStoreAsTransfer64(mnemonic, bank));
    }

    public static readonly Encoding[] Lines =
    [
        // XScale DSP accumulator: MIA, MIAPH, MIAxy are MCRs to coprocessor 0, MAR/MRA its MCRR/MRRC.
        Line("mia", Op.Mcr, "o=001 n=0000 p=0000 q=000", Accumulate("mia")),
        Line("miaph", Op.Mcr, "o=001 n=1000 p=0000 q=000", Accumulate("miaph")),
        Line("miaxy", Op.Mcr, "o=001 n=11xx p=0000 q=000", AccumulateHalves),
        Line("mar", Op.Mcrr, "p=0000 o=0000 m=0000", Mar),
        Line("mra", Op.Mrrc, "p=0000 o=0000 m=0000", Mra),

        // FPA data processing (CDP to coprocessor 1): bit 15 tells dyadic from monadic.
        Dyadic("adf", "0000"), Dyadic("muf", "0001"), Dyadic("suf", "0010"), Dyadic("rsf", "0011"),
        Dyadic("dvf", "0100"), Dyadic("rdf", "0101"), Dyadic("pow", "0110"), Dyadic("rpw", "0111"),
        Dyadic("rmf", "1000"), Dyadic("fml", "1001"), Dyadic("fdv", "1010"), Dyadic("frd", "1011"),
        Dyadic("pol", "1100"),
        Monadic("mvf", "0000"), Monadic("mnf", "0001"), Monadic("abs", "0010"), Monadic("rnd", "0011"),
        Monadic("sqt", "0100"), Monadic("log", "0101"), Monadic("lgn", "0110"), Monadic("exp", "0111"),
        Monadic("sin", "1000"), Monadic("cos", "1001"), Monadic("tan", "1010"), Monadic("asn", "1011"),
        Monadic("acs", "1100"), Monadic("atn", "1101"), Monadic("urd", "1110"), Monadic("nrm", "1111"),

        // FPA register transfers (MCR/MRC to coprocessor 1).
        Line("flt", Op.Mcr, "o=000 p=0001 m=0000", Flt),
        Line("fix", Op.Mrc, "o=000 n=0000 p=0001 q=0xx m=0xxx", Fix),
        Line("wfs", Op.Mcr, "o=001 n=0000 p=0001 q=000 m=0000", StatusTransfer("wfs")),
        Line("rfs", Op.Mrc, "o=001 n=0000 p=0001 q=000 m=0000", StatusTransfer("rfs")),
        Line("wfc", Op.Mcr, "o=010 n=0000 p=0001 q=000 m=0000", StatusTransfer("wfc")),
        Line("rfc", Op.Mrc, "o=010 n=0000 p=0001 q=000 m=0000", StatusTransfer("rfc")),
        Compare("cmf", "100"), Compare("cnf", "101"), Compare("cmfe", "110"), Compare("cnfe", "111"),

        // FPA loads and stores: coprocessor 1 single registers, coprocessor 2 multiple.
        Line("stf", Op.Stc, "p=0001", LoadStore("stf")),
        Line("ldf", Op.Ldc, "p=0001", LoadStore("ldf")),
        Line("stf", Op.Mcrr, "p=0001", LoadStoreAsTransfer64("stf")),
        Line("ldf", Op.Mrrc, "p=0001", LoadStoreAsTransfer64("ldf")),
        Line("sfm", Op.Stc, "p=0010", Multiple("sfm")),
        Line("lfm", Op.Ldc, "p=0010", Multiple("lfm")),
        Line("sfm", Op.Mcrr, "p=0010", MultipleAsTransfer64("sfm")),
        Line("lfm", Op.Mrrc, "p=0010", MultipleAsTransfer64("lfm")),

        // Maverick loads and stores: coprocessor 4 single and double, 5 the 32- and 64-bit integers.
        .. MaverickMemory("cfldrs", load: true, "0100", wide: false, "mvf"),
        .. MaverickMemory("cfldrd", load: true, "0100", wide: true, "mvd"),
        .. MaverickMemory("cfldr32", load: true, "0101", wide: false, "mvfx"),
        .. MaverickMemory("cfldr64", load: true, "0101", wide: true, "mvdx"),
        .. MaverickMemory("cfstrs", load: false, "0100", wide: false, "mvf"),
        .. MaverickMemory("cfstrd", load: false, "0100", wide: true, "mvd"),
        .. MaverickMemory("cfstr32", load: false, "0101", wide: false, "mvfx"),
        .. MaverickMemory("cfstr64", load: false, "0101", wide: true, "mvdx"),

        // Maverick moves between core and Maverick registers.
        Maverick("cfmvsr", Op.Mcr, "o=000 p=0100 q=010", "mvfn rt"),
        Maverick("cfmvrs", Op.Mrc, "o=000 p=0100 q=010", "rt mvfn"),
        Maverick("cfmvdlr", Op.Mcr, "o=000 p=0100 q=000", "mvdn rt"),
        Maverick("cfmvrdl", Op.Mrc, "o=000 p=0100 q=000", "rt mvdn"),
        Maverick("cfmvdhr", Op.Mcr, "o=000 p=0100 q=001", "mvdn rt"),
        Maverick("cfmvrdh", Op.Mrc, "o=000 p=0100 q=001 m=0000", "rt mvdn"),
        Maverick("cfmv64lr", Op.Mcr, "o=000 p=0101 q=000 m=0000", "mvdxn rt"),
        Maverick("cfmvr64l", Op.Mrc, "o=000 p=0101 q=000 m=0000", "rt mvdxn"),
        Maverick("cfmv64hr", Op.Mcr, "o=000 p=0101 q=001 m=0000", "mvdxn rt"),
        Maverick("cfmvr64h", Op.Mrc, "o=000 p=0101 q=001 m=0000", "rt mvdxn"),

        // Maverick accumulator and status moves.
        Maverick("cfmval32", Op.Cdp, "o=0010 p=0100 q=010 m=0000", "mvaxd mvfxn"),
        Maverick("cfmv32al", Op.Cdp, "o=0001 p=0100 q=010 m=0000", "mvfxd mvaxn"),
        Maverick("cfmvam32", Op.Cdp, "o=0010 p=0100 q=011 m=0000", "mvaxd mvfxn"),
        Maverick("cfmv32am", Op.Cdp, "o=0001 p=0100 q=011 m=0000", "mvfxd mvaxn"),
        Maverick("cfmvah32", Op.Cdp, "o=0010 p=0100 q=100 m=0000", "mvaxd mvfxn"),
        Maverick("cfmv32ah", Op.Cdp, "o=0001 p=0100 q=100 m=0000", "mvfxd mvaxn"),
        Maverick("cfmva32", Op.Cdp, "o=0010 p=0100 q=101 m=0000", "mvaxd mvfxn"),
        Maverick("cfmv32a", Op.Cdp, "o=0001 p=0100 q=101 m=0000", "mvfxd mvaxn"),
        Maverick("cfmva64", Op.Cdp, "o=0010 p=0100 q=110 m=0000", "mvaxd mvdxn"),
        Maverick("cfmv64a", Op.Cdp, "o=0001 p=0100 q=110 m=0000", "mvdxd mvaxn"),
        Maverick("cfmvsc32", Op.Cdp, "o=0010 n=0000 p=0100 q=111 m=0000", "dspsc mvdxd"),
        Maverick("cfmv32sc", Op.Cdp, "o=0001 n=0000 p=0100 q=111 m=0000", "mvdxd dspsc"),

        // Maverick copies and conversions.
        Maverick("cfcpys", Op.Cdp, "o=0000 p=0100 q=000 m=0000", "mvfd mvfn"),
        Maverick("cfcpyd", Op.Cdp, "o=0000 p=0100 q=001 m=0000", "mvdd mvdn"),
        Maverick("cfcvtsd", Op.Cdp, "o=0000 p=0100 q=011 m=0000", "mvdd mvfn"),
        Maverick("cfcvtds", Op.Cdp, "o=0000 p=0100 q=010 m=0000", "mvfd mvdn"),
        Maverick("cfcvt32s", Op.Cdp, "o=0000 p=0100 q=100 m=0000", "mvfd mvfxn"),
        Maverick("cfcvt32d", Op.Cdp, "o=0000 p=0100 q=101 m=0000", "mvdd mvfxn"),
        Maverick("cfcvt64s", Op.Cdp, "o=0000 p=0100 q=110 m=0000", "mvfd mvdxn"),
        Maverick("cfcvt64d", Op.Cdp, "o=0000 p=0100 q=111 m=0000", "mvdd mvdxn"),
        Maverick("cfcvts32", Op.Cdp, "o=0001 p=0101 q=100 m=0000", "mvfxd mvfn"),
        Maverick("cfcvtd32", Op.Cdp, "o=0001 p=0101 q=101 m=0000", "mvfxd mvdn"),
        Maverick("cftruncs32", Op.Cdp, "o=0001 p=0101 q=110 m=0000", "mvfxd mvfn"),
        Maverick("cftruncd32", Op.Cdp, "o=0001 p=0101 q=111 m=0000", "mvfxd mvdn"),

        // Maverick shifts and comparisons.
        Maverick("cfrshl32", Op.Mcr, "o=000 p=0101 q=010", "mvfxn mvfxm rt"),
        Maverick("cfrshl64", Op.Mcr, "o=000 p=0101 q=011", "mvdxn mvdxm rt"),
        Line("cfsh32", Op.Cdp, "o=0000 p=0101", Shift("cfsh32", "mvfx")),
        Line("cfsh64", Op.Cdp, "o=0010 p=0101", Shift("cfsh64", "mvdx")),
        Maverick("cfcmps", Op.Mrc, "o=000 p=0100 q=100", "rt mvfn mvfm"),
        Maverick("cfcmpd", Op.Mrc, "o=000 p=0100 q=101", "rt mvdn mvdm"),
        Maverick("cfcmp32", Op.Mrc, "o=000 p=0101 q=100", "rt mvfxn mvfxm"),
        Maverick("cfcmp64", Op.Mrc, "o=000 p=0101 q=101", "rt mvdxn mvdxm"),

        // Maverick floating-point arithmetic (coprocessor 4).
        Maverick("cfabss", Op.Cdp, "o=0011 p=0100 q=000 m=0000", "mvfd mvfn"),
        Maverick("cfabsd", Op.Cdp, "o=0011 p=0100 q=001 m=0000", "mvdd mvdn"),
        Maverick("cfnegs", Op.Cdp, "o=0011 p=0100 q=010 m=0000", "mvfd mvfn"),
        Maverick("cfnegd", Op.Cdp, "o=0011 p=0100 q=011 m=0000", "mvdd mvdn"),
        Maverick("cfadds", Op.Cdp, "o=0011 p=0100 q=100", "mvfd mvfn mvfm"),
        Maverick("cfaddd", Op.Cdp, "o=0011 p=0100 q=101", "mvdd mvdn mvdm"),
        Maverick("cfsubs", Op.Cdp, "o=0011 p=0100 q=110", "mvfd mvfn mvfm"),
        Maverick("cfsubd", Op.Cdp, "o=0011 p=0100 q=111", "mvdd mvdn mvdm"),
        Maverick("cfmuls", Op.Cdp, "o=0001 p=0100 q=000", "mvfd mvfn mvfm"),
        Maverick("cfmuld", Op.Cdp, "o=0001 p=0100 q=001", "mvdd mvdn mvdm"),

        // Maverick integer arithmetic (coprocessor 5) and multiply-accumulate (6).
        Maverick("cfabs32", Op.Cdp, "o=0011 p=0101 q=000 m=0000", "mvfxd mvfxn"),
        Maverick("cfabs64", Op.Cdp, "o=0011 p=0101 q=001 m=0000", "mvdxd mvdxn"),
        Maverick("cfneg32", Op.Cdp, "o=0011 p=0101 q=010 m=0000", "mvfxd mvfxn"),
        Maverick("cfneg64", Op.Cdp, "o=0011 p=0101 q=011 m=0000", "mvdxd mvdxn"),
        Maverick("cfadd32", Op.Cdp, "o=0011 p=0101 q=100", "mvfxd mvfxn mvfxm"),
        Maverick("cfadd64", Op.Cdp, "o=0011 p=0101 q=101", "mvdxd mvdxn mvdxm"),
        Maverick("cfsub32", Op.Cdp, "o=0011 p=0101 q=110", "mvfxd mvfxn mvfxm"),
        Maverick("cfsub64", Op.Cdp, "o=0011 p=0101 q=111", "mvdxd mvdxn mvdxm"),
        Maverick("cfmul32", Op.Cdp, "o=0001 p=0101 q=000", "mvfxd mvfxn mvfxm"),
        Maverick("cfmul64", Op.Cdp, "o=0001 p=0101 q=001", "mvdxd mvdxn mvdxm"),
        Maverick("cfmac32", Op.Cdp, "o=0001 p=0101 q=010", "mvfxd mvfxn mvfxm"),
        Maverick("cfmsc32", Op.Cdp, "o=0001 p=0101 q=011", "mvfxd mvfxn mvfxm"),
        Maverick("cfmadd32", Op.Cdp, "o=0000 p=0110", "mvaxq mvfxd mvfxn mvfxm"),
        Maverick("cfmsub32", Op.Cdp, "o=0001 p=0110", "mvaxq mvfxd mvfxn mvfxm"),
        Maverick("cfmadda32", Op.Cdp, "o=0010 p=0110", "mvaxq mvaxd mvfxn mvfxm"),
        Maverick("cfmsuba32", Op.Cdp, "o=0011 p=0110", "mvaxq mvaxd mvfxn mvfxm"),
    ];
}
