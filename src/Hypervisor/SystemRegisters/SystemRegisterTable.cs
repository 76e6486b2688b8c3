namespace Translator.Hypervisor.SystemRegisters;

/// <summary>Every system register the vCPU models, by encoding; each family of registers adds its own list.</summary>
public sealed class SystemRegisterTable
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
        GenericTimerRegisters.Registers);

    public SystemRegister? Find(RegisterEncoding encoding) => _registers.GetValueOrDefault(encoding);

    /// <summary>A small number standing for a register, which translated code passes to its call-out.</summary>
    public int HandleOf(SystemRegister register) => _byHandle.IndexOf(register);

    public SystemRegister this[int handle] => _byHandle[handle];
}
