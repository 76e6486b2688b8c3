using Translator.Frontend.Decoding;

namespace Translator.Frontend.A32.Disasm;

/// <summary>
/// Text forms that are a mnemonic and a list of registers, built from a short operand spec:
/// each token names a register field (d, n, m, s, a, t, u); an upper-case token is marked
/// <c>&lt;UNPREDICTABLE&gt;</c> when it is PC, as GNU does; <c>L</c>/<c>H</c> are the low and high
/// halves of a 64-bit result (fields a and d), marked also when they are the same register.
/// Flag letters S, X and R after the name append "s", "x" and "r" when the flag is set; a qualifier
/// (the ".w" of some T32 forms) follows the condition.
/// </summary>
internal static class RegisterListForm
{
    public static TextForm Of(string name, string operands, string flagSuffixes = "", string qualifier = "")
    {
        var tokens = operands.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        return (in Instruction i, AsmWriter w) =>
        {
            w.Text(name);
            foreach (char f in flagSuffixes)
                if (i.Flag(f)) w.Char(char.ToLowerInvariant(f));
            w.Cond(i).Text(qualifier).Tab();
            bool mark = false;
            for (int k = 0; k < tokens.Length; k++)
            {
                if (k > 0) w.Comma();
                char t = tokens[k][0];
                int r = Register(i, t);
                w.Reg(r);
                if (char.IsUpper(t) && r == 15) mark = true;
                if (t is 'L' or 'H' && i.Ra == i.Rd) mark = true;
            }
            if (mark) w.Unpredictable();
        };
    }

    private static int Register(in Instruction i, char token) => char.ToLowerInvariant(token) switch
    {
        'd' or 'h' => i.Rd,
        'n' => i.Rn,
        'm' => i.Rm,
        's' => i.Rs,
        'a' or 'l' => i.Ra,
        't' => i.Rt,
        'u' => i.Rt2,
        _ => throw new ArgumentException($"unknown register token '{token}'"),
    };
}
