namespace Translator.Backend.Execution;

/// <summary>A guest page a block's instructions were fetched from: its virtual and physical page addresses.</summary>
public readonly record struct CodePage(uint Virtual, uint Physical)
{
    /// <summary>The physical page of a virtual page that could not be fetched from.</summary>
    public const uint NoPage = 1;
}

/// <summary>
/// Where a translated block's code came from: the pages (virtual and physical) its instructions
/// were fetched from, and whether all of them are global (nG = 0, or the MMU off), so that the block
/// serves every address space. Stores are matched against the physical pages (a write through any
/// alias of a code page invalidates the block); the virtual-to-physical pairs are what is checked
/// again after the guest's translations change. A block whose first fetch faulted (it raises the
/// prefetch abort) is <see cref="Faulted"/>: TLBs hold no faulting translations, so a guest may map
/// the page without TLB maintenance, and such a block is translated anew whenever it is reached.
/// </summary>
public sealed record CodeOrigin(bool Global, CodePage[] Pages, bool Faulted = false)
{
    /// <summary>The origin of a block fetched with virtual = physical addresses (no MMU) from <paramref name="start"/> up to <paramref name="end"/>.</summary>
    public static CodeOrigin Flat(uint start, uint end)
    {
        var pages = new List<CodePage>();
        for (uint page = start >> 12; page <= (Math.Max(end, start + 1) - 1) >> 12; page++) pages.Add(new(page << 12, page << 12));
        return new(true, [.. pages]);
    }
}
