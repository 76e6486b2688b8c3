using Translator.Frontend.Decoding;
using static Translator.Frontend.A32.Disasm.LoadStoreMultipleText;

namespace Translator.Frontend.A32.Decode;

/// <summary>LDM/STM in the four addressing modes, PUSH/POP, and the user-register and exception-return forms (^).</summary>
public static class LoadStoreMultiple
{
    /// <summary>The base (bits 16-19, also of PUSH and POP) is PC; the list is empty; writeback with the base loaded, or stored but not first.</summary>
    private static readonly Rule Common = Rules.FirstOf(
        Rules.If(Reason.PcOperand, WordTest.Bits(0xFu << 16, 0xFu << 16)),
        Rules.If(Reason.RegisterList, WordTest.Field('l', 0)),
        Rules.If(Reason.WritebackBase, WordTest.Bits(1u << 21, 1u << 21) & WordTest.RegisterInList(16)
            & (WordTest.Bits(1u << 20, 1u << 20) | WordTest.Where((in Instruction i) => (i.RegList & ((1 << Base(i)) - 1)) != 0))));

    private static int Base(in Instruction i) => (int)((i.Word >> 16) & 0xF);

    public static readonly Encoding[] Lines =
    [
        // GNU tools name a single-register push or pop of SP-based stacks "stmfd sp!"/"ldmfd sp!".
        .. Enumerable.Range(0, 16).Select(r => new Encoding("STMDB SP! (one register)", Op.Push,
            "cccc100100101101" + new string('0', 15 - r) + "1" + new string('0', r) + "", StackSingle, Feature.Base, Common)
            .WithList(1 << r)),
        .. Enumerable.Range(0, 16).Select(r => new Encoding("LDMIA SP! (one register)", Op.Pop,
            "cccc100010111101" + new string('0', 15 - r) + "1" + new string('0', r) + "", StackSingle, Feature.Base, Common)
            .WithList(1 << r)),
        new("PUSH", Op.Push, "cccc100100101101llllllllllllllll", PushPop, Feature.Base, Common),
        new("POP", Op.Pop, "cccc100010111101llllllllllllllll", PushPop, Feature.Base, Common),

        new("STMDA", Op.Stmda, "cccc100000W0nnnnllllllllllllllll", Multiple, Feature.Base, Common),
        new("STM (STMIA)", Op.Stm, "cccc100010W0nnnnllllllllllllllll", Multiple, Feature.Base, Common),
        new("STMDB", Op.Stmdb, "cccc100100W0nnnnllllllllllllllll", Multiple, Feature.Base, Common),
        new("STMIB", Op.Stmib, "cccc100110W0nnnnllllllllllllllll", Multiple, Feature.Base, Common),
        new("LDMDA", Op.Ldmda, "cccc100000W1nnnnllllllllllllllll", Multiple, Feature.Base, Common),
        new("LDM (LDMIA)", Op.Ldm, "cccc100010W1nnnnllllllllllllllll", Multiple, Feature.Base, Common),
        new("LDMDB", Op.Ldmdb, "cccc100100W1nnnnllllllllllllllll", Multiple, Feature.Base, Common),
        new("LDMIB", Op.Ldmib, "cccc100110W1nnnnllllllllllllllll", Multiple, Feature.Base, Common),

        // With ^: STM stores the User-mode registers; LDM loads them, or returns from an exception when PC is in the list.
        new("STM (user registers)", Op.StmUser, "cccc100PU1W0nnnnllllllllllllllll", Multiple, Feature.Base, Common),
        new("LDM (user registers, exception return)", Op.LdmUser, "cccc100PU1W1nnnnllllllllllllllll", Multiple, Feature.Base, Common),
    ];
}
