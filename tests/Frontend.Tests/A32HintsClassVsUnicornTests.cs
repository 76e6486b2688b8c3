using Translator.Frontend.A32;

namespace Translator.Frontend.Tests;

/// <summary>
/// Every hint number (NOP, YIELD, WFE, WFI, SEV, the ARMv8 hints SEVL, ESB and CSDB, DBG and the
/// reserved ones): the Cortex-A15 executes the ones it has not allocated as NOPs, so none is UNDEFINED.
/// </summary>
public sealed class A32HintsClassVsUnicornTests : UnicornClassTests
{
    [Test]
    public void NoHintIsUndefinedWhereTheCortexA15RunsIt()
    {
        var wrong = new List<string>();
        for (uint hint = 0; hint < 256; hint++)
        {
            uint word = 0xE320_F000 | hint;
            // YIELD, WFE and WFI make QEMU leave its execution loop, which Unicorn reports as an invalid
            // instruction; they are allocated hints in any case.
            if (hint is 1 or 2 or 3) continue;
            var insn = A32Table.CortexA15.Decode(word);
            bool unicornUndefined = UnicornSaysUndefined(word);
            if (insn.IsUndefined != unicornUndefined)
                wrong.Add($"{word:x8} ours={insn.Class} ({insn.Encoding?.Name}) unicorn={(unicornUndefined ? "undefined" : "runs")}");
        }
        Assert.That(wrong, Is.Empty, string.Join("\n", wrong));
    }
}
