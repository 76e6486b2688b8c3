using Translator.Frontend.Lifting;

namespace Translator.Hypervisor.SystemRegisters;

/// <summary>
/// Every system register the vCPU models, by encoding; each family of registers adds its own list.
/// The lifter asks it how to lower an access in translate mode.
/// </summary>
public sealed class SystemRegisterTable : ISystemRegisterMap
{
    private readonly Dictionary<RegisterEncoding, SystemRegister> _registers = [];
    private readonly List<SystemRegister> _byHandle = [];

    public SystemRegisterTable(params IEnumerable<SystemRegister>[] families)
    {
        foreach (var family in families)
            foreach (var r in family)
            {
                if (!_registers.TryAdd(r.Encoding, r)) throw new InvalidOperationException($"{r.Name} and {_registers[r.Encoding].Name} share the encoding {r.Encoding}");
                _byHandle.Add(r);
            }
    }

    public static SystemRegisterTable CortexA15() => new(
        Identification.Registers, SystemControl.Registers, CacheMaintenance.Registers, CoprocessorAccess.Registers,
        PerformanceMonitors.Registers, DebugRegisters.Registers, MemorySystem.Registers, ImplementationDefined.Registers,
        GenericTimerRegisters.Registers, ThumbEe.Registers);

    public SystemRegister? Find(RegisterEncoding encoding) =>
        _registers.GetValueOrDefault(encoding) ?? (ImplementationDefined.IsReadAsZeroC15(encoding) ? ImplementationDefined.ReadAsZeroC15 : null);

    /// <summary>A small number standing for a register, which translated code passes to its call-out.</summary>
    public int HandleOf(SystemRegister register) => _byHandle.IndexOf(register);

    public SystemRegister this[int handle] => _byHandle[handle];

    public SystemRegisterPlan? Plan(int coproc, int opc1, int crn, int crm, int opc2, bool wide, bool read, bool privileged)
    {
        var encoding = wide ? RegisterEncoding.Wide(coproc, opc1, crm) : new RegisterEncoding(coproc, opc1, crn, crm, opc2);
        // Every register the processor has is in the table: any other encoding is UNDEFINED.
        if (Find(encoding) is not { } register) return new SystemRegisterPlan(0, Permitted: false, EndsBlock: false);
        // Whether User mode may access it can change at run time: such accesses trap and are checked then.
        if (!privileged && !register.PermitsUser(read) && register.UserAccessWhen is not null) return null;
        bool permitted = register.Exists(read) && (privileged || register.PermitsUser(read));
        return new SystemRegisterPlan((uint)HandleOf(register), permitted, register.EndsBlock)
        {
            Constant = register.ConstantValue,
            StateOffset = register.StateOffset,
            PlainWriteOffset = register.PlainWrite && !register.EndsBlock ? register.StateOffset : null,
            WriteMask = register.WriteMask,
            WriteOnes = register.WriteOnes,
        };
    }

    /// <summary>
    /// Performs a permitted access on the guest's registers: a read into Rt (Rt and Rt2 for a 64-bit
    /// register; to R15, the top four bits become the flags), a write from them.
    /// </summary>
    public static unsafe void Perform(VCpu cpu, SystemRegister register, int rt, int rt2, bool read, bool wide)
    {
        var s = cpu.State;
        if (!read)
        {
            register.Write!(cpu, wide ? s->R[rt] | ((ulong)s->R[rt2] << 32) : s->R[rt]);
            return;
        }
        ulong value = register.Read!(cpu);
        if (wide)
        {
            s->R[rt] = (uint)value;
            s->R[rt2] = (uint)(value >> 32);
        }
        else if (rt == 15)
        {
            uint v = (uint)value;
            s->N = v >> 31; s->Z = (v >> 30) & 1; s->C = (v >> 29) & 1; s->V = (v >> 28) & 1;
        }
        else s->R[rt] = (uint)value;
    }
}
