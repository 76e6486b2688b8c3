using Translator.Frontend.Decoding;

namespace Translator.Frontend.A32.Decode;

/// <summary>Rules shared by the floating-point families.</summary>
internal static class VfpRules
{
    /// <summary>ARMv8.2 makes a half-precision (coprocessor 9) instruction with a condition other than AL CONSTRAINED UNPREDICTABLE.</summary>
    public static readonly Rule ConditionalHalf = (in Instruction i) =>
        i.Cond < Condition.Always ? Reason.FieldValue : Reason.None;
}
