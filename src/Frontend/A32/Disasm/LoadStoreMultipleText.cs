using Translator.Frontend.Decoding;

namespace Translator.Frontend.A32.Disasm;

/// <summary>GNU-syntax text forms of the LoadStoreMultiple family.</summary>
internal static class LoadStoreMultipleText
{
    private static void Mark(in Instruction i, AsmWriter w)
    {
        if (i.Rn == 15 || i.RegList == 0) w.Unpredictable();
    }

    public static void StackSingle(in Instruction i, AsmWriter w)
    {
        w.Mnemonic(i.Op == Op.Push ? "stmfd" : "ldmfd", i).Tab().Text("sp!, ").RegList(i.RegList);
    }

    public static void PushPop(in Instruction i, AsmWriter w)
    {
        w.Mnemonic(i.Op == Op.Push ? "push" : "pop", i).Tab().RegList(i.RegList);
        Mark(i, w);
    }

    public static void Multiple(in Instruction i, AsmWriter w)
    {
        bool load = (i.Word & (1 << 20)) != 0;
        bool p = (i.Word & (1 << 24)) != 0, u = (i.Word & (1 << 23)) != 0, s = (i.Word & (1 << 22)) != 0, wb = i.Flag('W');
        string mode = (u ? "i" : "d") + (p ? "b" : "a");
        // GNU prints plain "ldm" for every LDMIA, and plain "stm" only for STMIA without writeback or ^.
        string name = load ? (mode == "ia" ? "ldm" : "ldm" + mode) : (mode == "ia" && !wb && !s ? "stm" : "stm" + mode);
        w.Mnemonic(name, i).Tab().Reg(i.Rn);
        if (wb) w.Char('!');
        w.Comma().RegList(i.RegList);
        if (s) w.Char('^');
        Mark(i, w);
    }
}
