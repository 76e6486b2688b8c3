using Translator.Oracles;
using Translator.Platform.Cli;

namespace Translator.Platform.Tests;

/// <summary>
/// `translator compare` on a system program: the guest must see the same thing under trap and
/// translate and under both engines, and the table must show where the modes differ in cost.
/// </summary>
[Category("Guest")]
public sealed class CompareCommandTests
{
    [Test]
    public void TrapAndTranslateAgreeAndOnlyTrapModeExitsForSensitiveInstructions()
    {
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        int code = CommandLine.Run(["compare", "--kernel", GuestPrograms.SystemPath("modes"), "--semihosting", "--engines"], stdout, stderr);
        string table = stdout.ToString();

        Assert.That(code, Is.Zero, table + stderr);
        Assert.That(table, Does.Contain("identical in every run: yes"));
        var header = table.Split('\n')[1];
        Assert.That(header, Does.Contain("interp trap").And.Contain("interp translate").And.Contain("jit trap").And.Contain("jit translate"));
        var sensitive = table.Split('\n').Single(l => l.StartsWith("exits: sensitive instruction", StringComparison.Ordinal));
        var cells = sensitive["exits: sensitive instruction".Length..].Split("  ", StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        Assert.That(cells, Has.Length.EqualTo(4), sensitive);
        // modes.c makes every kind of sensitive access; translate mode lowers all of them inline.
        Assert.That(long.Parse(cells[0].Split(' ')[0]), Is.GreaterThan(0), sensitive);
        Assert.That(cells[1], Is.EqualTo("0"), sensitive);
        Assert.That(long.Parse(cells[2].Split(' ')[0]), Is.GreaterThan(0), sensitive);
        Assert.That(cells[3], Is.EqualTo("0"), sensitive);
    }
}
