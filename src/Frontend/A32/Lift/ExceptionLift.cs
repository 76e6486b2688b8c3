using Translator.Frontend.Decoding;
using Translator.Frontend.Lifting;
using Translator.IR;

namespace Translator.Frontend.A32.Lift;

/// <summary>Semantics of the exception-generating instructions: SVC, BKPT, UDF, HVC, SMC.</summary>
internal static class ExceptionLift
{
    public static readonly (Op, LiftHandler)[] Handlers =
    [
        (Op.Svc, (in Instruction i, LiftContext ctx) => ctx.Raise(ExceptionKind.SupervisorCall, i.Imm)),
        (Op.Bkpt, (in Instruction i, LiftContext ctx) => ctx.Raise(ExceptionKind.Breakpoint, i.Imm)),
        (Op.Udf, (in Instruction i, LiftContext ctx) => ctx.Raise(ExceptionKind.Undefined, i.Imm)),
        (Op.Hvc, (in Instruction i, LiftContext ctx) => ctx.Raise(ExceptionKind.HypervisorCall, i.Imm)),
        (Op.Smc, (in Instruction i, LiftContext ctx) => ctx.Raise(ExceptionKind.SecureMonitorCall, i.Imm)),
    ];
}
