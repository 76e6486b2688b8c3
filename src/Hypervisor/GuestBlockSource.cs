using Translator.Backend.Execution;
using Translator.Frontend.A32;
using Translator.Frontend.Lifting;
using Translator.Frontend.Thumb;
using Translator.Hypervisor.Memory;
using Translator.IR;

namespace Translator.Hypervisor;

/// <summary>
/// Lifts guest blocks for the dispatcher, ARM or Thumb as the key says, fetching instructions
/// through the guest's MMU with the key's privilege (execute permission; a fetch that faults becomes
/// the prefetch abort, with its IFSR), and marks the physical pages they came from as holding code,
/// so stores to them, through any alias, invalidate the translations.
/// </summary>
public sealed class GuestBlockSource(GuestMemory memory, SensitiveMode sensitive, ISystemRegisterMap registers) : IBlockSource
{
    private readonly A32Lifter _arm = new();
    // Built at the first Thumb block: an ARM-only guest does not pay for the Thumb decode tables.
    private ThumbLifter? _thumb;
    private readonly List<CodePage> _pages = [];
    private bool _privileged, _global, _faulted;

    public Block Translate(BlockKey key, out CodeOrigin origin)
    {
        _pages.Clear();
        _privileged = key.Privileged;
        _global = true;
        _faulted = false;
        var settings = new LiftSettings(sensitive, key.BigEndian, key.Privileged, registers);
        var block = key.Thumb
            ? (_thumb ??= new ThumbLifter()).Lift(key.Pc, new ItState(key.ItState), FetchHalfword, settings)
            : _arm.Lift(key.Pc, FetchWord, settings);
        // A fetch that faulted after the first instruction only ended the block there.
        bool faulted = _faulted && block.GuestInstructions == 0;
        if (!faulted) _pages.RemoveAll(p => p.Physical == CodePage.NoPage);
        foreach (var page in _pages) if (page.Physical != CodePage.NoPage) memory.ProtectCode(page.Physical);
        origin = new CodeOrigin(_global && !faulted, [.. _pages], faulted);
        return block;
    }

    /// <summary>One instruction lifted as translate mode lowers it, for the hypervisor to interpret in place of a trapped one.</summary>
    public Block LiftSingle(uint pc, bool thumb, byte it, bool privileged, bool bigEndian)
    {
        _pages.Clear();
        _privileged = privileged;
        var settings = new LiftSettings(SensitiveMode.Translate, bigEndian, privileged, registers) { MaxInstructions = 1 };
        return thumb
            ? (_thumb ??= new ThumbLifter()).Lift(pc, new ItState(it), FetchHalfword, settings)
            : _arm.Lift(pc, FetchWord, settings);
    }

    public bool StillMapped(BlockKey key, IReadOnlyList<CodePage> pages)
    {
        foreach (var page in pages)
        {
            if (page.Physical == CodePage.NoPage) return false;
            if (memory.ExecutablePhysicalPage(page.Virtual, key.Privileged) is { } hit)
            {
                if (hit != page.Physical) return false;
                continue;
            }
            if (memory.TryFetch(page.Virtual, 2, key.Privileged, out _, out uint pa, out _) != 0 || (pa & ~0xFFFu) != page.Physical) return false;
        }
        return true;
    }

    private uint FetchWord(uint address, out uint word) => Fetch(address, 4, out word);

    private uint FetchHalfword(uint address, out uint half) => Fetch(address, 2, out half);

    private uint Fetch(uint address, int size, out uint bits)
    {
        // Within a block, a page already translated is read directly (a block spans at most two pages).
        if (_pages.Count > 0 && _pages[^1] is var last && last.Virtual == (address & ~0xFFFu) && last.Physical != CodePage.NoPage
            && memory.TryReadCode(last.Physical | (address & 0xFFF), size, out bits))
            return 0;
        uint status = memory.TryFetch(address, size, _privileged, out bits, out uint pa, out bool global);
        uint virtualPage = address & ~0xFFFu;
        if (!_pages.Exists(p => p.Virtual == virtualPage))
            _pages.Add(new CodePage(virtualPage, status == 0 ? pa & ~0xFFFu : CodePage.NoPage));
        if (status != 0) _faulted = true;
        else _global &= global;
        return status;
    }
}
