using System.Globalization;
using Translator.Frontend.Decoding;

namespace Translator.Frontend.Thumb.Disasm;

/// <summary>
/// GNU's text for the words of BLX (immediate) with H set, which the ARM ARM leaves UNDEFINED and
/// Armv8.1-M fills with its branch-future and low-overhead-loop instructions (BF, BFX, BFL, BFLX,
/// BFCSEL, WLS, DLS, LE and their tail-predicated forms), which GNU names wherever they occur.
/// </summary>
internal static class T32BranchFutureText
{
    private static uint Slice(uint word, int high, int low) => (word >> low) & ((1u << (high - low + 1)) - 1);

    /// <summary>GNU's %G: the branch-future offset bits 26:23, doubled, in bare hex.</summary>
    private static AsmWriter FutureOffset(this AsmWriter w, uint word) =>
        w.Text((Slice(word, 26, 23) << 1).ToString("x", CultureInfo.InvariantCulture));

    /// <summary>The branch target: immA (bits <paramref name="high"/>:16), imm10 (bits 10:1) and bit 11, as a signed offset from PC.</summary>
    private static uint Target(in Instruction i, AsmWriter w, int high)
    {
        uint word = i.Word;
        int width = high - 16 + 1 + 12;
        uint offset = Slice(word, high, 16) << 12 | Slice(word, 10, 1) << 2 | Slice(word, 11, 11) << 1;
        return w.Pc + (uint)Bits.SignExtend(offset, width);
    }

    /// <summary>The loop offset of WLS and LE: imm10 (bits 10:1) and bit 11, unsigned.</summary>
    private static uint LoopOffset(uint word) => Slice(word, 10, 1) << 2 | Slice(word, 11, 11) << 1;

    private static readonly string[] Sizes = ["8", "16", "32", "64"];

    /// <summary>GNU's %16-19S: a register that is UNPREDICTABLE when SP or PC.</summary>
    private static bool Register(AsmWriter w, uint word)
    {
        int r = (int)Slice(word, 19, 16);
        w.Reg(r);
        return r is 13 or 15;
    }

    public static void BranchFuture(in Instruction i, AsmWriter w) =>
        w.Mnemonic("bf", i).Tab().FutureOffset(i.Word).Comma().Target(Target(i, w, 20));

    public static void BranchFutureLink(in Instruction i, AsmWriter w) =>
        w.Mnemonic("bfl", i).Tab().FutureOffset(i.Word).Comma().Target(Target(i, w, 22));

    /// <summary>BFX and BFLX: the target in a register.</summary>
    public static void BranchFutureExchange(in Instruction i, AsmWriter w)
    {
        w.Mnemonic(Slice(i.Word, 20, 20) != 0 ? "bflx" : "bfx", i).Tab().FutureOffset(i.Word).Comma();
        if (Register(w, i.Word)) w.Unpredictable();
    }

    /// <summary>BFCSEL: offset, target, the size of the else-branch's instruction added to its offset, condition.</summary>
    public static void BranchFutureSelect(in Instruction i, AsmWriter w)
    {
        uint word = i.Word;
        w.Text("bfcsel").Tab().FutureOffset(word).Comma().Target(Target(i, w, 16)).Comma()
            .Text(((Slice(word, 26, 23) << 1) + (Slice(word, 17, 17) != 0 ? 4u : 2u)).ToString("x", CultureInfo.InvariantCulture))
            .Comma().Text(((Condition)Slice(word, 21, 18)).ItBlockSuffix());
    }

    /// <summary>WLS, WLSTP, DLS, DLSTP: LR, the iteration count register, and for WLS the loop's end.</summary>
    public static void LoopStart(in Instruction i, AsmWriter w)
    {
        uint word = i.Word;
        bool whileLoop = Slice(word, 14, 13) == 0b10, tailPredicated = Slice(word, 22, 22) == 0;
        w.Text(whileLoop ? "wls" : "dls");
        if (tailPredicated) w.Text("tp.").Text(Sizes[Slice(word, 21, 20)]);
        w.Tab().Text("lr, ");
        bool mark = Register(w, word);
        if (whileLoop) w.Comma().Target(w.Pc + LoopOffset(word));
        if (mark) w.Unpredictable();
    }

    /// <summary>LE, LE LR, LETP: a branch back to the loop's start.</summary>
    public static void LoopEnd(in Instruction i, AsmWriter w)
    {
        uint hw1 = i.Word >> 16;
        w.Text(hw1 == 0xF01F ? "letp" : "le").Tab();
        if (hw1 != 0xF02F) w.Text("lr, ");
        w.Target(w.Pc - LoopOffset(i.Word));
    }
}
