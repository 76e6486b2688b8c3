using Translator.IR.State;

namespace Translator.Platform.Firmware;

/// <summary>What a PSCI call asks of the platform besides its result.</summary>
public enum PsciOutcome { Continue, PowerOff, Reset }

/// <summary>
/// The Power State Coordination Interface as QEMU's virt board serves it through HVC (version 1.1,
/// SMC32 and SMC64 function IDs) for a machine with one processor: the version and features,
/// migration (no Trusted OS), affinity, CPU_ON (the only processor is already on), SYSTEM_OFF and
/// SYSTEM_RESET. Any other function ID is NOT_SUPPORTED.
/// </summary>
public static unsafe class Psci
{
    private const uint Version = 0x0001_0001;
    private const int Success = 0, NotSupported = -1, InvalidParameters = -2, AlreadyOn = -4;
    private const uint MigrateNotRequired = 2;

    private enum Function : uint
    {
        Version = 0, CpuSuspend = 1, CpuOff = 2, CpuOn = 3, AffinityInfo = 4, Migrate = 5, MigrateInfoType = 6,
        MigrateInfoUpCpu = 7, SystemOff = 8, SystemReset = 9, Features = 10,
    }

    /// <summary>Whether a function ID (R0 at an HVC #0) is in PSCI's ranges, SMC32 or SMC64.</summary>
    private static bool IsPsciCall(uint functionId) => (functionId & ~0x4000_001Fu) == 0x8400_0000;

    private static Function? Decode(uint functionId) =>
        IsPsciCall(functionId) && (functionId & 0x1F) is var n and <= (uint)Function.Features ? (Function)n : null;

    /// <summary>Serves the call in R0 with its arguments in R1–R3; the result goes to R0.</summary>
    public static PsciOutcome Call(CpuState* state, uint mpidr)
    {
        uint id = state->R[0];
        bool smc64 = (id & 0x4000_0000) != 0;
        int result = Decode(id) switch
        {
            Function.Version when !smc64 => (int)Version,
            Function.Features when !smc64 => Decode(state->R[1]) is { } f && IsImplemented(f, (state->R[1] & 0x4000_0000) != 0) ? Success : NotSupported,
            Function.MigrateInfoType when !smc64 => (int)MigrateNotRequired,
            Function.AffinityInfo => (state->R[1] & 0xFF_FFFF) == (mpidr & 0xFF_FFFF) && state->R[2] == 0 ? 0 : InvalidParameters,
            Function.CpuOn => (state->R[1] & 0xFF_FFFF) == (mpidr & 0xFF_FFFF) ? AlreadyOn : InvalidParameters,
            Function.SystemOff when !smc64 => Success,
            Function.SystemReset when !smc64 => Success,
            _ => NotSupported,
        };
        state->R[0] = (uint)result;
        return Decode(id) switch
        {
            Function.SystemOff when !smc64 => PsciOutcome.PowerOff,
            Function.SystemReset when !smc64 => PsciOutcome.Reset,
            _ => PsciOutcome.Continue,
        };
    }

    private static bool IsImplemented(Function f, bool smc64) =>
        f is Function.AffinityInfo or Function.CpuOn
        || (!smc64 && f is Function.Version or Function.Features or Function.MigrateInfoType or Function.SystemOff or Function.SystemReset);
}
