using System.Numerics;
using Translator.Hypervisor.Interrupts;

namespace Translator.Platform.Devices;

/// <summary>
/// A GICv2 without the Security Extensions, for one processor, as QEMU's virt board has it: 288
/// interrupt IDs (GICD_TYPER.ITLinesNumber 8), 8 priority bits, interrupt groups 0 and 1 (group 0
/// may be signalled as FIQ), split priority drop and deactivation (EOImode). This class holds the
/// state and the rules of the GIC architecture specification; <see cref="GicDistributor"/> and
/// <see cref="GicCpuInterface"/> are its two register windows.
///
/// An interrupt is pending when its pending latch is set, or, for a level-sensitive one, while its
/// input is asserted. SGIs are always enabled and edge-triggered, and remember which processor
/// sent them. The highest-priority pending enabled interrupt (lowest value, then lowest ID) is
/// signalled to the processor when its priority is below both the priority mask and the running
/// priority (the group priority of the last interrupt acknowledged and not yet dropped).
/// </summary>
public sealed class Gic
{
    public const int InterruptCount = 288;
    public const int SgiCount = 16, PrivateCount = 32;
    public const uint Spurious = 1023, Group1WithoutAckCtl = 1022;
    public const uint DistributorImplementer = 0x0000_043B, CpuInterfaceImplementer = 0x0002_043B;
    public const uint CtlrEnableGroup0 = 1, CtlrEnableGroup1 = 2, CtlrAckCtl = 4, CtlrFiqEnable = 8, CtlrCbpr = 16, CtlrEoiMode = 1 << 9;
    /// <summary>GICC_CTLR's bits in a GICv2 without the Security Extensions (the bypass controls are not modelled).</summary>
    public const uint CpuControlWritable = CtlrEnableGroup0 | CtlrEnableGroup1 | CtlrAckCtl | CtlrFiqEnable | CtlrCbpr | CtlrEoiMode;
    /// <summary>The running priority when nothing is active (GICC_RPR reads 0xFF then).</summary>
    private const int Idle = 0x100;
    /// <summary>Active priority registers: one bit per preemption level (priority >> 1), 128 levels.</summary>
    private const int ActivePriorityWords = 4;

    private readonly bool[] _enabled = new bool[InterruptCount];
    private readonly bool[] _latched = new bool[InterruptCount];
    private readonly bool[] _active = new bool[InterruptCount];
    private readonly bool[] _level = new bool[InterruptCount];
    private readonly bool[] _edge = new bool[InterruptCount];
    private readonly bool[] _group1 = new bool[InterruptCount];
    private readonly byte[] _priority = new byte[InterruptCount];
    /// <summary>For each SGI, the processors that sent it and are waiting to be acknowledged (bit per CPU; only CPU 0 exists).</summary>
    private readonly byte[] _sgiSources = new byte[SgiCount];
    private readonly uint[] _activePriorities = new uint[ActivePriorityWords];
    private readonly uint[] _activePrioritiesGroup1 = new uint[ActivePriorityWords];
    private int _runningPriority = Idle;
    private uint _highestPending = Spurious;
    private bool _irq, _fiq;

    public Gic()
    {
        for (int i = 0; i < SgiCount; i++) _enabled[i] = _edge[i] = true;
    }

    /// <summary>Where the GIC's IRQ and FIQ outputs go (the vCPU).</summary>
    public Action<InterruptLine, bool>? Output { get; set; }

    public uint DistributorControl { get; set; }
    public uint CpuControl { get; set; }
    public uint PriorityMask { get; set; }
    public uint BinaryPoint { get; set; }
    /// <summary>GICC_ABPR, the binary point of group 1 interrupts (its minimum is one more than GICC_BPR's).</summary>
    public uint AliasedBinaryPoint { get; set; } = 1;

    /// <summary>Drives the input of a PPI (16–31) or SPI (32 and up); an SGI has no input line.</summary>
    public void SetInput(int id, bool level)
    {
        if (id < SgiCount || id >= InterruptCount) throw new ArgumentOutOfRangeException(nameof(id), id, "not a PPI or SPI");
        if (_level[id] == level) return;
        _level[id] = level;
        if (level && _edge[id]) _latched[id] = true;
        Update();
    }

    public bool IsPending(int id) => _latched[id] || (!_edge[id] && _level[id]);
    public bool IsEnabled(int id) => _enabled[id];
    public bool IsActive(int id) => _active[id];
    public bool IsGroup1(int id) => _group1[id];
    public bool IsEdgeTriggered(int id) => _edge[id];
    public byte Priority(int id) => _priority[id];
    public byte SgiSources(int id) => _sgiSources[id];

    // SGIs stay enabled and edge-triggered; their pending state is set through GICD_SGIR and SPENDSGIR.
    public void SetEnabled(int id, bool enabled) { if (id >= SgiCount) _enabled[id] = enabled; }
    public void SetPendingLatch(int id, bool pending) { if (id >= SgiCount) _latched[id] = pending; }
    public void SetActive(int id, bool active) => _active[id] = active;
    public void SetGroup1(int id, bool group1) => _group1[id] = group1;
    public void SetEdgeTriggered(int id, bool edge) { if (id >= SgiCount) _edge[id] = edge; }
    public void SetPriority(int id, byte priority) => _priority[id] = priority;

    /// <summary>Makes SGI <paramref name="id"/> pending from the processors in <paramref name="sources"/>, or takes them back.</summary>
    public void SetSgiSources(int id, byte sources, bool add)
    {
        _sgiSources[id] = (byte)(add ? _sgiSources[id] | sources : _sgiSources[id] & ~sources);
        _latched[id] = _sgiSources[id] != 0;
    }

    public uint ActivePriorities(int word, bool group1) => (group1 ? _activePrioritiesGroup1 : _activePriorities)[word];
    public void SetActivePriorities(int word, bool group1, uint value) => (group1 ? _activePrioritiesGroup1 : _activePriorities)[word] = value;

    /// <summary>GICC_RPR.</summary>
    public uint RunningPriority => (uint)Math.Min(_runningPriority, 0xFF);

    /// <summary>GICC_HPPIR: the interrupt an acknowledge would return, 1022 for a group 1 one while AckCtl is clear.</summary>
    public uint HighestPending =>
        _highestPending != Spurious && _group1[_highestPending] && (CpuControl & CtlrAckCtl) == 0 ? Group1WithoutAckCtl : _highestPending;

    /// <summary>GICC_IAR: acknowledges the highest-priority pending interrupt (with the sending CPU for an SGI) and makes it active.</summary>
    public uint Acknowledge()
    {
        uint id = HighestPending;
        if (id >= Group1WithoutAckCtl) return id;
        if (_priority[id] >= _runningPriority) return Spurious;
        uint value = id;
        if (id < SgiCount)
        {
            int source = BitOperations.TrailingZeroCount(_sgiSources[id]);
            SetSgiSources((int)id, (byte)(1 << source), add: false);
            value |= (uint)source << 10;
        }
        else _latched[id] = false;
        int priority = GroupPriority((int)id), level = priority >> 1;
        (_group1[id] ? _activePrioritiesGroup1 : _activePriorities)[level / 32] |= 1u << (level % 32);
        _runningPriority = priority;
        _active[id] = true;
        Update();
        return value;
    }

    /// <summary>GICC_EOIR: drops the running priority and, unless EOImode splits them, deactivates the interrupt.</summary>
    public void EndOfInterrupt(uint value)
    {
        uint id = value & 0x3FF;
        // A spurious ID, or any write while nothing is active, is ignored.
        if (id >= InterruptCount || _runningPriority == Idle) return;
        var words = _group1[id] ? _activePrioritiesGroup1 : _activePriorities;
        for (int k = 0; k < ActivePriorityWords; k++)
        {
            if (words[k] == 0) continue;
            words[k] &= words[k] - 1;
            break;
        }
        _runningPriority = Idle;
        for (int k = 0; k < ActivePriorityWords; k++)
        {
            uint bits = _activePriorities[k] | _activePrioritiesGroup1[k];
            if (bits == 0) continue;
            _runningPriority = (k * 32 + BitOperations.TrailingZeroCount(bits)) << 1;
            break;
        }
        if ((CpuControl & CtlrEoiMode) == 0) _active[id] = false;
        Update();
    }

    /// <summary>GICC_DIR: deactivates an interrupt, when EOImode has split that from the priority drop.</summary>
    public void Deactivate(uint value)
    {
        uint id = value & 0x3FF;
        if (id >= InterruptCount || (CpuControl & CtlrEoiMode) == 0) return;
        _active[id] = false;
        Update();
    }

    /// <summary>The priority bits that decide preemption: above the binary point (ABPR's, one lower, for group 1 unless CBPR).</summary>
    private int GroupPriority(int id)
    {
        int point = _group1[id] && (CpuControl & CtlrCbpr) == 0 ? (int)AliasedBinaryPoint - 1 : (int)BinaryPoint;
        return _priority[id] & (int)(~0u << (point + 1));
    }

    /// <summary>Finds the highest-priority pending interrupt and drives the IRQ and FIQ outputs; call after every change.</summary>
    public void Update()
    {
        bool irq = false, fiq = false;
        _highestPending = Spurious;
        if ((DistributorControl & (CtlrEnableGroup0 | CtlrEnableGroup1)) != 0 && (CpuControl & (CtlrEnableGroup0 | CtlrEnableGroup1)) != 0)
        {
            int best = -1, bestPriority = 0x100;
            for (int id = 0; id < InterruptCount; id++)
                if (_enabled[id] && _priority[id] < bestPriority && IsPending(id))
                {
                    best = id;
                    bestPriority = _priority[id];
                }
            if (best >= 0 && bestPriority < PriorityMask)
            {
                _highestPending = (uint)best;
                int group = _group1[best] ? 1 : 0;
                if (bestPriority < _runningPriority && ((DistributorControl >> group) & 1) != 0 && ((CpuControl >> group) & 1) != 0)
                {
                    if (group == 0 && (CpuControl & CtlrFiqEnable) != 0) fiq = true;
                    else irq = true;
                }
            }
        }
        if (irq != _irq) Output?.Invoke(InterruptLine.Irq, _irq = irq);
        if (fiq != _fiq) Output?.Invoke(InterruptLine.Fiq, _fiq = fiq);
    }
}
