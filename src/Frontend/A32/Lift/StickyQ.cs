using Translator.Frontend.Lifting;
using Translator.IR;

namespace Translator.Frontend.A32.Lift;

/// <summary>APSR.Q is sticky: an instruction that overflows or saturates sets it, none clears it (only MSR does).</summary>
internal static class StickyQ
{
    public static void SetWhen(LiftContext ctx, Value happened) =>
        ctx.Ir.SetFlag(Flag.Q, ctx.Ir.Emit(Opcode.BoolOr, ctx.Ir.GetFlag(Flag.Q), happened));
}
