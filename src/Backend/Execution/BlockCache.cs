namespace Translator.Backend.Execution;

/// <summary>
/// Translated blocks by key, with a direct-mapped jump cache in front and an index of the guest
/// pages each block was translated from, so a write to a code page invalidates exactly its blocks.
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
        for (uint page = member.StartPc >> 12; page <= (Math.Max(member.EndPc, member.StartPc + 1) - 1) >> 12; page++)
        {
            if (!_byPage.TryGetValue(page, out var list)) _byPage[page] = list = [];
            if (!list.Contains(owner)) list.Add(owner);
        }
    }

    /// <summary>Whether any block was translated from this guest page (its stores then need the slow path).</summary>
    public bool HoldsCode(uint address) => _byPage.ContainsKey(address >> 12);

    /// <summary>Drops every block translated from the page holding <paramref name="address"/>; returns how many.</summary>
    public int InvalidatePage(uint address)
    {
        if (!_byPage.Remove(address >> 12, out var list)) return 0;
        foreach (var block in list) Drop(block);
        Invalidated += list.Count;
        return list.Count;
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
