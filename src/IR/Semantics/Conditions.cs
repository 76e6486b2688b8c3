namespace Translator.IR.Semantics;

/// <summary>ARM condition codes evaluated on split flags (each 0 or 1).</summary>
public static class Conditions
{
    public const byte Always = 14;

    public static bool Passed(int cond, uint n, uint z, uint c, uint v) => (cond & 15) switch
    {
        0 => z != 0,
        1 => z == 0,
        2 => c != 0,
        3 => c == 0,
        4 => n != 0,
        5 => n == 0,
        6 => v != 0,
        7 => v == 0,
        8 => c != 0 && z == 0,
        9 => c == 0 || z != 0,
        10 => n == v,
        11 => n != v,
        12 => z == 0 && n == v,
        13 => z != 0 || n != v,
        _ => true,
    };
}
