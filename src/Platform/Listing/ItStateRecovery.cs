using Translator.Frontend.Thumb;

namespace Translator.Platform.Listing;

/// <summary>
/// How objdump finds the IT state of a Thumb instruction it did not reach by disassembling the one
/// before (the first of a listing or window, the first after data or ARM code): it scans back for
/// a halfword that could be an IT instruction still covering this one, counting halfwords as
/// instructions, and gives up at a symbol, the section start, or after four instructions with no
/// candidate. A listing that matches objdump's must guess the same way.
/// </summary>
internal static class ItStateRecovery
{
    /// <param name="pc">The instruction's address.</param>
    /// <param name="read">The halfword at an address, or null outside the section.</param>
    /// <param name="boundary">Whether an address starts a symbol (or the section): no IT block spans it.</param>
    /// <param name="mayBeThumb">Whether a halfword at an address may be Thumb code (not ARM code or data by the mapping symbols).</param>
    public static ItState Before(uint pc, Func<uint, ushort?> read, Func<uint, bool> boundary, Func<uint, bool> mayBeThumb)
    {
        // count is twice the number of instructions passed, odd when the scan is on an instruction boundary.
        int count = 1, itCount = 0;
        uint seenIt = 0, addr = pc;
        while (true)
        {
            if (addr == 0 || boundary(addr))
            {
                if (seenIt != 0 && (count & 1) != 0) break;
                return ItState.None;
            }
            addr -= 2;
            if (read(addr) is not { } hw) return ItState.None;
            if (seenIt != 0 && !ThumbDecoder.IsWide(hw))
            {
                // addr + 2 is an instruction boundary: the candidate is an IT instruction if it is on one.
                if ((count & 1) != 0) break;
                seenIt = 0;
            }
            if ((hw & 0xFF00) == 0xBF00 && (hw & 0xF) != 0 && mayBeThumb(addr))
            {
                seenIt = hw;
                itCount = count >> 1;
            }
            count = ThumbDecoder.IsWide(hw) ? count + 1 : (count + 2) | 1;
            if (count >= 8 && seenIt == 0) return ItState.None;
        }
        var state = new ItState((byte)((seenIt & 0xE0) | ((seenIt << itCount) & 0x1F)));
        return state.InBlock ? state : ItState.None;
    }
}
