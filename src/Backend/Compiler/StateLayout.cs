using System.Runtime.InteropServices;
using Translator.IR;
using Translator.IR.State;

namespace Translator.Backend.Compiler;

/// <summary>Byte offsets of the <see cref="CpuState"/> fields compiled code reads and writes.</summary>
internal static class StateLayout
{
    public static readonly int R = Offset(nameof(CpuState.R));
    public static readonly int N = Offset(nameof(CpuState.N));
    public static readonly int Z = Offset(nameof(CpuState.Z));
    public static readonly int C = Offset(nameof(CpuState.C));
    public static readonly int V = Offset(nameof(CpuState.V));
    public static readonly int Q = Offset(nameof(CpuState.Q));
    public static readonly int GE = Offset(nameof(CpuState.GE));
    public static readonly int T = Offset(nameof(CpuState.T));
    public static readonly int IT = Offset(nameof(CpuState.IT));
    public static readonly int ExclusiveOpen = Offset(nameof(CpuState.ExclusiveOpen));
    public static readonly int Retired = Offset(nameof(CpuState.Retired));
    public static readonly int RetireLimit = Offset(nameof(CpuState.RetireLimit));
    public static readonly int Tlb = Offset(nameof(CpuState.Tlb));

    public static int Register(int r) => R + 4 * r;

    public static int Flag(Flag f) => f switch
    {
        IR.Flag.N => N,
        IR.Flag.Z => Z,
        IR.Flag.C => C,
        IR.Flag.V => V,
        _ => Q,
    };

    private static int Offset(string field) => (int)Marshal.OffsetOf<CpuState>(field);
}
