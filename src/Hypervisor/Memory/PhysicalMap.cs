namespace Translator.Hypervisor.Memory;

/// <summary>The guest's physical address space: RAM regions and device windows.</summary>
public sealed class PhysicalMap
{
    public sealed record Region(uint Base, uint Size, IMmioDevice Device)
    {
        public bool Contains(uint address) => address >= Base && address - Base < Size;
    }

    private readonly List<Region> _devices = [];
    private readonly List<Ram> _ram = [];

    public IReadOnlyList<Region> Devices => _devices;
    public IReadOnlyList<Ram> RamRegions => _ram;

    public void AddRam(Ram ram)
    {
        CheckFree(ram.Base, ram.Size, "RAM");
        _ram.Add(ram);
    }

    public void AddDevice(uint baseAddress, uint size, IMmioDevice device)
    {
        CheckFree(baseAddress, size, device.Name);
        _devices.Add(new Region(baseAddress, size, device));
    }

    public Ram? RamAt(uint address)
    {
        foreach (var r in _ram) if (r.Contains(address)) return r;
        return null;
    }

    public Region? DeviceAt(uint address)
    {
        foreach (var d in _devices) if (d.Contains(address)) return d;
        return null;
    }

    private void CheckFree(uint baseAddress, uint size, string what)
    {
        ulong end = (ulong)baseAddress + size;
        foreach (var r in _ram)
            if (baseAddress < (ulong)r.Base + r.Size && r.Base < end) throw new ArgumentException($"{what} at 0x{baseAddress:x} overlaps RAM");
        foreach (var d in _devices)
            if (baseAddress < (ulong)d.Base + d.Size && d.Base < end) throw new ArgumentException($"{what} at 0x{baseAddress:x} overlaps {d.Device.Name}");
    }
}
