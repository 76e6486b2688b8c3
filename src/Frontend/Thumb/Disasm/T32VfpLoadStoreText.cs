using Translator.Frontend.Decoding;

namespace Translator.Frontend.Thumb.Disasm;

/// <summary>GNU-syntax text of the Thumb-only words of the VFP load/store space.</summary>
internal static class T32VfpLoadStoreText
{
    /// <summary>
    /// VSCCLRM: the first register and the count as a VLDM's (GNU counts doublewords from bits 7:1),
    /// then VPR; a range past the last register is shown as GNU's overflow marker.
    /// </summary>
    public static void SecureClear(in Instruction i, AsmWriter w)
    {
        uint word = i.Word;
        bool single = (word & 0x100) == 0;
        int vd = (int)((word >> 12) & 0xF), d = (int)((word >> 22) & 1);
        int first = single ? vd << 1 | d : d << 4 | vd;
        int count = (int)((single ? word : word >> 1) & 0x7F);
        int last = first + count - 1;
        char prefix = single ? 's' : 'd';
        w.Mnemonic("vscclrm", i).Tab().Char('{');
        if (count == 1) w.Char(prefix).Decimal(first).Comma();
        else if (count > 1)
        {
            w.Char(prefix).Decimal(first).Char('-');
            if (last > (single ? 31 : 15)) w.Text("<overflow reg d").Decimal(single ? last >> 1 : last).Comma();
            else w.Char(prefix).Decimal(last).Comma();
        }
        w.Text("VPR}");
    }
}
