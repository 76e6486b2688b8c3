using System.Runtime.InteropServices;

namespace Translator.Oracles;

/// <summary>One operand of Capstone's ARM detail (cs_arm_op), with registers as Capstone's arm_reg numbers.</summary>
public readonly record struct CapstoneOperand(
    CapstoneOperandType Type, int Reg, int Imm, int MemBase, int MemIndex, int MemScale, int MemDisp,
    CapstoneShift ShiftType, uint ShiftValue, bool Subtracted, double Fp, int VectorIndex);

/// <summary>arm_op_type of capstone/arm.h.</summary>
public enum CapstoneOperandType { Invalid = 0, Reg = 1, Imm = 2, Mem = 3, Fp = 4, CImm = 64, PImm = 65, SetEnd = 66, SysReg = 67 }

/// <summary>arm_shifter of capstone/arm.h: the *Reg forms carry a register in the shift value.</summary>
public enum CapstoneShift { None = 0, Asr, Lsl, Lsr, Ror, Rrx, AsrReg, LslReg, LsrReg, RorReg, RrxReg }

/// <summary>
/// One decoded word: text, and the detail Capstone computed (condition as arm_cc: 0 none, 1 EQ … 15 AL;
/// CPS's effect as arm_cpsmode_type, 2 IE or 3 ID, and its arm_cpsflag_type mask, A 4, I 2, F 1, none 16).
/// </summary>
public sealed record CapstoneInstruction(
    string Mnemonic, string Operands, int Cc, bool UpdateFlags, bool Writeback, bool UserMode, int MemoryBarrier,
    int CpsMode, int CpsFlags, IReadOnlyList<CapstoneOperand> Details);

/// <summary>
/// Capstone 4 (Debian's libcapstone4, libcapstone.so.4) as a second disassembler, in process through
/// P/Invoke, for its decoded operands. Layouts are those of Capstone 4.0.2's capstone.h and arm.h on
/// x86-64: cs_insn is 240 bytes with <c>detail</c> at 232; cs_detail's architecture union is at 80;
/// cs_arm has <c>cps_mode</c> at 12, <c>cps_flag</c> 16, <c>cc</c> 20, <c>update_flags</c> 24,
/// <c>writeback</c> 25, <c>mem_barrier</c> 28, <c>op_count</c> 32 and 48-byte operands from 40 (the
/// operand's union at 16 holds <c>fp</c> as a double, <c>vector_index</c>, a scalar's lane or -1, is at 0, <c>subtracted</c> at 40).
/// </summary>
public sealed unsafe partial class Capstone : IDisposable
{
    private const string Library = "libcapstone.so.4";
    private const int ArchArm = 0, ModeArm = 0, OptDetail = 2, OptOn = 3;

    /// <summary>arm_reg numbers of R0 (R1 … R12 follow), SP, LR and PC, and of D0, Q0 and S0 (the others follow).</summary>
    private const int RegR0 = 66, RegSp = 12, RegLr = 10, RegPc = 11, RegD0 = 14, RegQ0 = 50, RegS0 = 79;
    public const int RegApsrNzcv = 2;

    /// <summary>The floating-point system registers by arm_reg number, as the VMRS/VMSR reg field numbers them.</summary>
    private static readonly Dictionary<int, int> FpSystemRegisters = new()
    {
        [8] = 0,    // FPSID
        [6] = 1,    // FPSCR
        [49] = 5,   // MVFR2
        [48] = 6,   // MVFR1
        [47] = 7,   // MVFR0
        [4] = 8,    // FPEXC
        [5] = 9,    // FPINST
        [46] = 10,  // FPINST2
    };

    private nuint _handle;

    public static bool Available
    {
        get
        {
            if (!NativeLibrary.TryLoad(Library, out var h)) return false;
            NativeLibrary.Free(h);
            return true;
        }
    }

    public Capstone()
    {
        Check(cs_open(ArchArm, ModeArm, out _handle), "cs_open");
        Check(cs_option(_handle, OptDetail, OptOn), "cs_option(CS_OPT_DETAIL)");
    }

    /// <summary>The general-purpose register number (0-15) of a Capstone register, or -1 for any other register.</summary>
    public static int GeneralRegister(int reg) => reg switch
    {
        >= RegR0 and <= RegR0 + 12 => reg - RegR0,
        RegSp => 13,
        RegLr => 14,
        RegPc => 15,
        _ => -1,
    };

    /// <summary>
    /// A register of any kind in <see cref="A32Operands"/>' numbering (general, S, D, Q, or floating-point
    /// system register), or -1 for the others (APSR, CPSR, SPSR, ...).
    /// </summary>
    public static int AnyRegister(int reg) => reg switch
    {
        >= RegD0 and < RegD0 + 32 => A32Operands.D(reg - RegD0),
        >= RegQ0 and < RegQ0 + 16 => A32Operands.Q(reg - RegQ0),
        >= RegS0 and < RegS0 + 32 => A32Operands.S(reg - RegS0),
        _ when FpSystemRegisters.TryGetValue(reg, out int n) => A32Operands.FpSystem(n),
        _ => GeneralRegister(reg),
    };

    /// <summary>Decodes one little-endian A32 word at <paramref name="address"/>; null when Capstone rejects it.</summary>
    public CapstoneInstruction? Disassemble(uint word, uint address)
    {
        byte* code = stackalloc byte[4];
        *(uint*)code = word;
        byte* insn;
        nuint count = cs_disasm(_handle, code, 4, address, 1, &insn);
        if (count == 0) return null;
        try
        {
            string mnemonic = Marshal.PtrToStringAnsi((nint)(insn + 34)) ?? "";
            string operands = Marshal.PtrToStringAnsi((nint)(insn + 66)) ?? "";
            byte* arm = *(byte**)(insn + 232) + 80;
            int opCount = arm[32];
            var details = new CapstoneOperand[opCount];
            for (int k = 0; k < opCount; k++)
            {
                byte* op = arm + 40 + 48 * k;
                details[k] = new CapstoneOperand(
                    (CapstoneOperandType)(*(int*)(op + 12)), *(int*)(op + 16), *(int*)(op + 16),
                    *(int*)(op + 16), *(int*)(op + 20), *(int*)(op + 24), *(int*)(op + 28),
                    (CapstoneShift)(*(int*)(op + 4)), *(uint*)(op + 8), op[40] != 0, *(double*)(op + 16), *(int*)op);
            }
            return new CapstoneInstruction(mnemonic, operands, *(int*)(arm + 20), arm[24] != 0, arm[25] != 0, arm[0] != 0,
                *(int*)(arm + 28), *(int*)(arm + 12), *(int*)(arm + 16), details);
        }
        finally
        {
            cs_free(insn, count);
        }
    }

    private static void Check(int err, string what)
    {
        if (err != 0) throw new InvalidOperationException($"{what}: Capstone error {err}");
    }

    public void Dispose()
    {
        if (_handle != 0)
        {
            var h = _handle;
            _ = cs_close(&h);
            _handle = 0;
        }
    }

    [LibraryImport(Library)] private static partial int cs_open(int arch, int mode, out nuint handle);
    [LibraryImport(Library)] private static partial int cs_option(nuint handle, int type, nuint value);
    [LibraryImport(Library)] private static partial nuint cs_disasm(nuint handle, byte* code, nuint size, ulong address, nuint count, byte** insn);
    [LibraryImport(Library)] private static partial void cs_free(byte* insn, nuint count);
    [LibraryImport(Library)] private static partial int cs_close(nuint* handle);
}
