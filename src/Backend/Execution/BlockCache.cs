namespace Translator.Backend.Execution;

/// <summary>
/// Translated blocks by key, with a direct-mapped jump cache in front and an index of the physical
/// guest pages each block was translated from, so a write to a code page, through whatever virtual
/// address, invalidates exactly its blocks.
/// </summary>
public sealed class BlockCache
{
    private const int JumpCacheBits = 12;
    private readonly Dictionary<ulong, TranslatedBlock> _blocks = [];
    private readonly TranslatedBlock?[] _jumpCache = new TranslatedBlock?[1 << JumpCacheBits];
    private readonly Dictionary<uint, List<TranslatedBlock>> _byPage = [];

    public int Count => _blocks.Count;
    public long JumpCacheHits { get; private set; }
    public long Lookups { get; private set; }
    public long Invalidated { get; private set; }

    private static int Slot(BlockKey key) => (int)((key.Pc >> 1) ^ (key.Pc >> (JumpCacheBits + 1))) & ((1 << JumpCacheBits) - 1);

    public TranslatedBlock? Find(BlockKey key)
    {
        Lookups++;
        int slot = Slot(key);
        var hit = _jumpCache[slot];
        if (hit is not null && hit.Key == key)
        {
            JumpCacheHits++;
            return hit;
        }
        if (_blocks.TryGetValue(key.Value, out var block))
        {
            _jumpCache[slot] = block;
            return block;
        }
        return null;
    }

    /// <summary>The block at <paramref name="key"/>, or else the global one at its PC (see <see cref="BlockKey"/>).</summary>
    public TranslatedBlock? FindInAddressSpace(BlockKey key)
    {
        if (key.Global) return Find(key);
        Lookups++;
        var global = key.AsGlobal();
        int slot = Slot(key);
        var hit = _jumpCache[slot];
        if (hit is not null && (hit.Key == key || hit.Key == global))
        {
            JumpCacheHits++;
            return hit;
        }
        if (_blocks.TryGetValue(key.Value, out var block) || _blocks.TryGetValue(global.Value, out block))
        {
            _jumpCache[slot] = block;
            return block;
        }
        return null;
    }

    public void Add(TranslatedBlock block)
    {
        _blocks[block.Key.Value] = block;
        _jumpCache[Slot(block.Key)] = block;
        Cover(block, block);
    }

    /// <summary>
    /// Makes a write to <paramref name="member"/>'s code drop <paramref name="owner"/>: the block
    /// itself, or a region holding a copy of it.
    /// </summary>
    public void Cover(TranslatedBlock owner, TranslatedBlock member)
    {
        foreach (var page in member.Origin.Pages)
        {
            if (page.Physical == CodePage.NoPage) continue;
            if (!_byPage.TryGetValue(page.Physical >> 12, out var list)) _byPage[page.Physical >> 12] = list = [];
            if (!list.Contains(owner)) list.Add(owner);
            if (owner != member && !owner.Dependencies.Contains(page)) owner.Dependencies.Add(page);
        }
    }

    /// <summary>Whether any block was translated from this physical page (its stores then need the slow path).</summary>
    public bool HoldsCode(uint physicalAddress) => _byPage.ContainsKey(physicalAddress >> 12);

    /// <summary>Drops every block translated from the physical page holding <paramref name="physicalAddress"/>; returns how many.</summary>
    public int InvalidatePage(uint physicalAddress)
    {
        if (!_byPage.Remove(physicalAddress >> 12, out var list)) return 0;
        foreach (var block in list) Drop(block);
        Invalidated += list.Count;
        return list.Count;
    }

    /// <summary>
    /// Drops every block translated from the physical pages of [<paramref name="physicalStart"/>,
    /// +<paramref name="length"/>) (a ROM device's window that changed); returns how many. Visits whichever
    /// is fewer: the range's pages or the pages holding code.
    /// </summary>
    public int InvalidateRange(uint physicalStart, uint length)
    {
        if (length == 0) return 0;
        uint first = physicalStart >> 12, last = (uint)(((ulong)physicalStart + length - 1) >> 12);
        IEnumerable<uint> pages = (ulong)_byPage.Count < (ulong)last - first + 1
            ? [.. _byPage.Keys.Where(p => p >= first && p <= last)]
            : Enumerable.Range(0, (int)(last - first + 1)).Select(k => first + (uint)k);
        int dropped = 0;
        foreach (uint page in pages) dropped += InvalidatePage(page << 12);
        return dropped;
    }

    /// <summary>Drops one block whose code no longer translates as it did.</summary>
    public void Invalidate(TranslatedBlock block)
    {
        Drop(block);
        Invalidated++;
    }

    /// <summary>Drops everything (instruction cache invalidation of everything, a reset).</summary>
    public void Clear()
    {
        foreach (var b in _blocks.Values) b.Valid = false;
        Invalidated += _blocks.Count;
        _blocks.Clear();
        _byPage.Clear();
        Array.Clear(_jumpCache);
    }

    private void Drop(TranslatedBlock block)
    {
        block.Valid = false;
        // A block dropped earlier through another page may have been translated again since.
        if (_blocks.TryGetValue(block.Key.Value, out var current) && ReferenceEquals(current, block)) _blocks.Remove(block.Key.Value);
        int slot = Slot(block.Key);
        if (ReferenceEquals(_jumpCache[slot], block)) _jumpCache[slot] = null;
    }
}
