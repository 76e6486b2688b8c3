using Translator.Hypervisor.Memory;

namespace Translator.Platform.Devices;

/// <summary>
/// The GIC distributor's registers (GICv2 specification, 4.3), decoded byte by byte as the
/// specification allows for most of them; GICD_SGIR is a word register. Offsets the distributor does
/// not implement read as zero and ignore writes, and the uniprocessor GIC's ITARGETSRs are RAZ/WI.
/// </summary>
public sealed class GicDistributor(Gic gic) : IMmioDevice
{
    public const uint WindowSize = 0x1000;
    private const uint Control = 0x000, Type = 0x004, Implementer = 0x008, Group = 0x080, SetEnable = 0x100, ClearEnable = 0x180,
        SetPending = 0x200, ClearPending = 0x280, SetActive = 0x300, ClearActive = 0x380, Priority = 0x400, Targets = 0x800,
        Configuration = 0xC00, SoftwareInterrupt = 0xF00, ClearSgiPending = 0xF10, SetSgiPending = 0xF20, Identification = 0xFD0;
    /// <summary>GICD_TYPER: ITLinesNumber (32 × (N + 1) interrupt IDs), one CPU, no Security Extensions.</summary>
    private const uint TypeValue = Gic.InterruptCount / 32 - 1;
    /// <summary>The peripheral and component ID registers from 0xFD0 (ARM's GIC-400-style values QEMU gives a GICv2).</summary>
    private static readonly byte[] Ids = [0x04, 0x00, 0x00, 0x00, 0x90, 0xB4, 0x2B, 0x00, 0x0D, 0xF0, 0x05, 0xB1];

    public string Name => "gic-distributor";

    public uint Read(uint offset, int size)
    {
        uint value = 0;
        for (int k = 0; k < size; k++) value |= (uint)ReadByte(offset + (uint)k) << (8 * k);
        return value;
    }

    public void Write(uint offset, int size, uint value)
    {
        if (offset == SoftwareInterrupt && size == 4) SendSgi(value);
        else
            for (int k = 0; k < size; k++) WriteByte(offset + (uint)k, (byte)(value >> (8 * k)));
        gic.Update();
    }

    private byte ReadByte(uint offset)
    {
        switch (offset)
        {
            case < Control + 4: return (byte)(gic.DistributorControl >> Shift(offset));
            case < Type + 4: return (byte)(TypeValue >> Shift(offset));
            case < Implementer + 4: return (byte)(Gic.DistributorImplementer >> Shift(offset));
            case < Group: return 0;
            case < SetEnable: return Bits(offset - Group, gic.IsGroup1);
            case < SetPending: return Bits((offset - SetEnable) % 0x80, gic.IsEnabled);
            case < SetActive: return Bits((offset - SetPending) % 0x80, gic.IsPending);
            case < Priority: return Bits((offset - SetActive) % 0x80, gic.IsActive);
            case < Targets: return Exists(offset - Priority) ? gic.Priority((int)(offset - Priority)) : (byte)0;
            case < Configuration: return 0;
            case < SoftwareInterrupt:
            {
                int first = (int)(offset - Configuration) * 4;
                byte value = 0;
                for (int k = 0; k < 4; k++)
                    if (Exists((uint)(first + k)) && gic.IsEdgeTriggered(first + k)) value |= (byte)(2 << (2 * k));
                return value;
            }
            case < ClearSgiPending: return 0;
            case < SetSgiPending + Gic.SgiCount: return gic.SgiSources((int)((offset - ClearSgiPending) % Gic.SgiCount));
            case >= Identification when offset % 4 == 0: return Ids[(offset - Identification) / 4];
            default: return 0;
        }
    }

    private void WriteByte(uint offset, byte value)
    {
        switch (offset)
        {
            case Control: gic.DistributorControl = value & (Gic.CtlrEnableGroup0 | Gic.CtlrEnableGroup1); return;
            case < Group: return;
            case < SetEnable: SetBits(offset - Group, value, id => gic.SetGroup1(id, true), id => gic.SetGroup1(id, false)); return;
            case < ClearEnable: SetBits(offset - SetEnable, value, id => gic.SetEnabled(id, true), null); return;
            case < SetPending: SetBits(offset - ClearEnable, value, id => gic.SetEnabled(id, false), null); return;
            case < ClearPending: SetBits(offset - SetPending, value, id => gic.SetPendingLatch(id, true), null); return;
            case < SetActive: SetBits(offset - ClearPending, value, id => gic.SetPendingLatch(id, false), null); return;
            case < ClearActive: SetBits(offset - SetActive, value, id => gic.SetActive(id, true), null); return;
            case < Priority: SetBits(offset - ClearActive, value, id => gic.SetActive(id, false), null); return;
            case < Targets:
                if (Exists(offset - Priority)) gic.SetPriority((int)(offset - Priority), value);
                return;
            case < Configuration: return;
            case < SoftwareInterrupt:
            {
                // Int_config[1] of each field: 1 edge-triggered, 0 level-sensitive (bit 0 is reserved in GICv2).
                int first = (int)(offset - Configuration) * 4;
                for (int k = 0; k < 4; k++)
                    if (Exists((uint)(first + k))) gic.SetEdgeTriggered(first + k, (value & (2 << (2 * k))) != 0);
                return;
            }
            case < ClearSgiPending: return;
            case < SetSgiPending: gic.SetSgiSources((int)(offset - ClearSgiPending), value, add: false); return;
            case < SetSgiPending + Gic.SgiCount: gic.SetSgiSources((int)(offset - SetSgiPending), value, add: true); return;
            default: return;
        }
    }

    /// <summary>
    /// GICD_SGIR: SGIINTID in bits 3:0 and the target filter in 25:24: the list in 23:16, every other
    /// CPU (there is none), or this CPU; the reserved filter value sends to this CPU too, as QEMU does.
    /// </summary>
    private void SendSgi(uint value)
    {
        uint filter = (value >> 24) & 3;
        bool self = filter switch { 0 => ((value >> 16) & 1) != 0, 1 => false, _ => true };
        if (self) gic.SetSgiSources((int)(value & 0xF), 1, add: true);
    }

    private static int Shift(uint offset) => 8 * (int)(offset & 3);

    private static bool Exists(uint id) => id < Gic.InterruptCount;

    /// <summary>The byte of a one-bit-per-interrupt register at <paramref name="index"/> bytes into it.</summary>
    private static byte Bits(uint index, Func<int, bool> test)
    {
        byte value = 0;
        for (int k = 0; k < 8; k++)
            if (Exists(index * 8 + (uint)k) && test((int)(index * 8) + k)) value |= (byte)(1 << k);
        return value;
    }

    private static void SetBits(uint index, byte value, Action<int> set, Action<int>? clear)
    {
        for (int k = 0; k < 8; k++)
        {
            int id = (int)(index * 8) + k;
            if (!Exists((uint)id)) continue;
            if ((value & (1 << k)) != 0) set(id);
            else clear?.Invoke(id);
        }
    }
}
