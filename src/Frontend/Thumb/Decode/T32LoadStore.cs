using Translator.Frontend.Decoding;
using static Translator.Frontend.Thumb.Disasm.T32LoadStoreText;

namespace Translator.Frontend.Thumb.Decode;

/// <summary>
/// T32 single loads and stores (word, halfword, byte, signed; 12-bit and 8-bit immediate offsets with
/// P/U/W, LSL-shifted register offsets, literals, the unprivileged T forms) and the memory hints that
/// share their space (PLD, PLDW, PLI, and the unallocated hints that execute as NOP). hw1 is
/// 1111100 S U size L Rn. The 12-bit and register forms imply P=1, U=1, W=0 and the literals P=1,
/// W=0, so that every record reads as the A32 line of the same operation.
/// </summary>
public static class T32LoadStore
{
    private static bool BaseIsPc(uint word) => (word & 0x000F_0000) == 0x000F_0000;

    private static readonly Rule StoreBaseIsPc = Rules.If(Reason.PcOperand, WordTest.Field('n', 15));

    /// <summary>The 8-bit forms with P and W both clear are unallocated.</summary>
    private static readonly Rule NotIndexed = Rules.If(Reason.NoEncoding, WordTest.Flag('P', false) & WordTest.Flag('W', false));

    private static readonly Rule WritebackOverlap = Rules.If(Reason.WritebackBase, WordTest.Flag('W') & WordTest.Same('n', 't'));

    private static readonly Rule TransferIsSp = Rules.SpIn("t");

    /// <summary>A load to PC is a branch: inside an IT block it must be the block's last instruction.</summary>
    private static readonly Rule LoadToPcInItBlock =
        Rules.If(Reason.ItBlock, WordTest.Field('t', 15) & WordTest.InItBlock() & WordTest.LastInItBlock(false));

    private static readonly Rule BadRt = T32Rules.BadReg("t");
    private static readonly Rule BadRm = T32Rules.BadReg("m");

    private static string Hw1(string sizeBits, char up, char load, string rn = "nnnn") =>
        "1111100" + sizeBits[0] + up + sizeBits[1..] + load + rn;

    private static IEnumerable<Encoding> Stores(string name, Op op, Op unprivileged, string sizeBits, Rule transferred) =>
    [
        new Encoding($"{name} (immediate, 12-bit)", op, Hw1(sizeBits, '1', '0') + "ttttiiiiiiiiiiii", Single, Feature.Base, transferred)
            .UndefinedWhen(StoreBaseIsPc).WithFlags("PU"),
        new Encoding($"{name} (immediate, 8-bit)", op, Hw1(sizeBits, '0', '0') + "tttt1PUWiiiiiiii", Single, Feature.Base, transferred, WritebackOverlap)
            .UndefinedWhen(StoreBaseIsPc, NotIndexed),
        new Encoding($"{name}T", unprivileged, Hw1(sizeBits, '0', '0') + "tttt1110iiiiiiii", Single, Feature.Base, BadRt)
            .UndefinedWhen(StoreBaseIsPc).WithFlags("PU"),
        new Encoding($"{name} (register)", op, Hw1(sizeBits, '0', '0') + "tttt000000yymmmm", Single, Feature.Base, transferred, BadRm)
            .UndefinedWhen(StoreBaseIsPc).WithFlags("PU"),
        new Encoding($"{name} (unallocated offset form)", Op.Undefined, Hw1(sizeBits, '0', '0') + "xxxxxxxxxxxxxxxx", Single)
            .UndefinedWhen(T32Rules.Unallocated),
    ];

    /// <summary>
    /// The loads of one size. <paramref name="transferred"/> is the rule on Rt of the offset,
    /// register and literal forms, whose words with Rt = PC are (for the byte and halfword sizes)
    /// the memory hints' more specific lines; <paramref name="transferredWithWriteback"/> the rule of
    /// the 8-bit forms, where Rt = PC without a hint means writeback.
    /// </summary>
    private static IEnumerable<Encoding> Loads(string name, Op op, Op unprivileged, string sizeBits, Rule transferred, Rule transferredWithWriteback) =>
    [
        new Encoding($"{name} (immediate, 12-bit)", op, Hw1(sizeBits, '1', '1') + "ttttiiiiiiiiiiii", Single, Feature.Base, transferred)
            .Excluding(BaseIsPc).WithFlags("PU"),
        new Encoding($"{name} (immediate, 8-bit)", op, Hw1(sizeBits, '0', '1') + "tttt1PUWiiiiiiii", Single, Feature.Base, transferredWithWriteback, WritebackOverlap)
            .UndefinedWhen(NotIndexed).Excluding(BaseIsPc),
        new Encoding($"{name}T", unprivileged, Hw1(sizeBits, '0', '1') + "tttt1110iiiiiiii", Single, Feature.Base, BadRt)
            .Excluding(BaseIsPc).WithFlags("PU"),
        new Encoding($"{name} (register)", op, Hw1(sizeBits, '0', '1') + "tttt000000yymmmm", Single, Feature.Base, transferred, BadRm)
            .Excluding(BaseIsPc).WithFlags("PU"),
        new Encoding($"{name} (literal)", op, Hw1(sizeBits, 'U', '1', "1111") + "ttttiiiiiiiiiiii", Single, Feature.Base, transferred)
            .WithFlags("P").WithField('n', 15),
        new Encoding($"{name} (unallocated offset form)", Op.Undefined, Hw1(sizeBits, '0', '1') + "xxxxxxxxxxxxxxxx", Single)
            .UndefinedWhen(T32Rules.Unallocated).Excluding(BaseIsPc),
    ];

    /// <summary>The memory hint a byte or halfword load with Rt = PC is, in its four offset forms.</summary>
    private static IEnumerable<Encoding> Hints(string name, Op op, string sizeBits, Feature feature, params Rule[] offsetRegister) =>
    [
        new Encoding($"{name} (immediate, 12-bit)", op, Hw1(sizeBits, '1', '1') + "1111iiiiiiiiiiii", Single, feature)
            .Excluding(BaseIsPc).WithFlags("U"),
        new Encoding($"{name} (immediate, 8-bit)", op, Hw1(sizeBits, '0', '1') + "11111100iiiiiiii", Single, feature)
            .Excluding(BaseIsPc),
        new Encoding($"{name} (register)", op, Hw1(sizeBits, '0', '1') + "1111000000yymmmm", Single, feature, offsetRegister)
            .Excluding(BaseIsPc).WithFlags("U"),
    ];

    public static readonly Encoding[] Lines =
    [
        .. Stores("STRB", Op.Strb, Op.Strbt, "000", BadRt),
        .. Stores("STRH", Op.Strh, Op.Strht, "001", BadRt),
        .. Stores("STR", Op.Str, Op.Strt, "010", Rules.PcIs('t')),
        new Encoding("STR (unallocated size)", Op.Undefined, "11111000x110nnnnxxxxxxxxxxxxxxxx", Single).UndefinedWhen(T32Rules.Unallocated),

        .. Loads("LDRB", Op.Ldrb, Op.Ldrbt, "000", TransferIsSp, BadRt),
        .. Loads("LDRH", Op.Ldrh, Op.Ldrht, "001", TransferIsSp, BadRt),
        .. Loads("LDR", Op.Ldr, Op.Ldrt, "010", LoadToPcInItBlock, LoadToPcInItBlock),
        .. Loads("LDRSB", Op.Ldrsb, Op.Ldrsbt, "100", TransferIsSp, BadRt),
        .. Loads("LDRSH", Op.Ldrsh, Op.Ldrsht, "101", TransferIsSp, BadRt),
        new Encoding("LDR (unallocated size)", Op.Undefined, "1111100xx111nnnnxxxxxxxxxxxxxxxx", Single).UndefinedWhen(T32Rules.Unallocated),
        new Encoding("LDRS (unallocated word size)", Op.Undefined, "11111001x101nnnnxxxxxxxxxxxxxxxx", Single).UndefinedWhen(T32Rules.Unallocated),

        .. Hints("PLD", Op.Pld, "000", Feature.Base, BadRm),
        .. Hints("PLDW", Op.Pldw, "001", Feature.Mp, BadRm),
        .. Hints("PLI", Op.Pli, "100", Feature.Base, BadRm),
        // The signed halfword loads to PC are unallocated memory hints, which execute as NOP.
        .. Hints("NOP (unallocated memory hint)", Op.Nop, "101", Feature.Base),
        // PLD (literal) has a should-be-zero bit where the halfword loads have a size bit: there is no PLDW (literal).
        new Encoding("PLD (literal)", Op.Pld, "11111000U0(0)111111111iiiiiiiiiiii", Single).WithField('n', 15),
        new Encoding("PLI (literal)", Op.Pli, "11111001U00111111111iiiiiiiiiiii", Single).WithField('n', 15),
        new Encoding("NOP (unallocated memory hint, literal)", Op.Nop, "11111001U01111111111iiiiiiiiiiii", Single).WithField('n', 15),
    ];
}
