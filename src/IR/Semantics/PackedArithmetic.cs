namespace Translator.IR.Semantics;

/// <summary>
/// The one definition of <see cref="Opcode.Packed"/> and <see cref="Opcode.PackedGe"/>: both engines
/// call these, so the parallel add/subtract family has a single implementation.
/// </summary>
public static class PackedArithmetic
{
    /// <summary>The result of the packed operation; <paramref name="width"/> is the saturation width for SSAT16/USAT16.</summary>
    public static uint Result(PackedOp op, uint a, uint b, int width = 0) => Compute(op, a, b, width).Result;

    /// <summary>The GE bits the operation sets (only the signed and unsigned plain add/subtract forms set them).</summary>
    public static uint Ge(PackedOp op, uint a, uint b) => Compute(op, a, b, 0).Ge;

    /// <summary>Whether SSAT16/USAT16 saturated (sets Q).</summary>
    public static bool Saturated(PackedOp op, uint a, int width) => Compute(op, a, 0, width).Saturated;

    private static (uint Result, uint Ge, bool Saturated) Compute(PackedOp op, uint a, uint b, int width)
    {
        switch (op)
        {
            case PackedOp.Usad8:
            {
                uint sum = 0;
                for (int k = 0; k < 32; k += 8)
                    sum += (uint)Math.Abs((int)((a >> k) & 0xFF) - (int)((b >> k) & 0xFF));
                return (sum, 0, false);
            }
            case PackedOp.GeMask:
            {
                uint mask = 0;
                for (int k = 0; k < 4; k++) if ((a & (1u << k)) != 0) mask |= 0xFFu << (8 * k);
                return (mask, 0, false);
            }
            case PackedOp.Ssat16:
            {
                bool sat = false;
                uint r = 0;
                for (int k = 0; k < 32; k += 16)
                {
                    int v = (short)(a >> k);
                    int max = (1 << (width - 1)) - 1, min = -(1 << (width - 1));
                    if (v > max) { v = max; sat = true; } else if (v < min) { v = min; sat = true; }
                    r |= ((uint)v & 0xFFFF) << k;
                }
                return (r, 0, sat);
            }
            case PackedOp.Usat16:
            {
                bool sat = false;
                uint r = 0;
                for (int k = 0; k < 32; k += 16)
                {
                    int v = (short)(a >> k);
                    int max = (1 << width) - 1;
                    if (v > max) { v = max; sat = true; } else if (v < 0) { v = 0; sat = true; }
                    r |= ((uint)v & 0xFFFF) << k;
                }
                return (r, 0, sat);
            }
        }

        int index = (int)op;
        int family = index / 6;          // 0 S, 1 Q, 2 SH, 3 U, 4 UQ, 5 UH
        int shape = index % 6;           // 0 add16, 1 asx, 2 sax, 3 sub16, 4 add8, 5 sub8
        bool signed = family < 3;
        bool lanes8 = shape >= 4;
        int lane = lanes8 ? 8 : 16;
        int lanes = 32 / lane;
        uint result = 0, ge = 0;
        for (int k = 0; k < lanes; k++)
        {
            int x = Lane(a, k, lane, signed);
            // ASX: the low lane subtracts the high lane of b, the high lane adds the low lane of b; SAX the reverse.
            int y = shape switch
            {
                1 or 2 => Lane(b, 1 - k, lane, signed),
                _ => Lane(b, k, lane, signed),
            };
            bool add = shape switch
            {
                0 or 4 => true,
                1 => k == 1,
                2 => k == 0,
                _ => false,
            };
            long v = add ? (long)x + y : (long)x - y;
            long outv = family switch
            {
                1 => Clamp(v, -(1L << (lane - 1)), (1L << (lane - 1)) - 1),
                4 => Clamp(v, 0, (1L << lane) - 1),
                2 or 5 => v >> 1,
                _ => v,
            };
            if (family is 0 or 3)
            {
                bool set = signed ? v >= 0 : add ? v >= (1L << lane) : v >= 0;
                if (set) ge |= (lanes8 ? 1u : 3u) << (lanes8 ? k : 2 * k);
            }
            result |= ((uint)outv & (lane == 8 ? 0xFFu : 0xFFFFu)) << (k * lane);
        }
        return (result, ge, false);
    }

    private static int Lane(uint v, int k, int lane, bool signed)
    {
        uint bits = (v >> (k * lane)) & (lane == 8 ? 0xFFu : 0xFFFFu);
        return signed ? (lane == 8 ? (sbyte)bits : (short)bits) : (int)bits;
    }

    private static long Clamp(long v, long min, long max) => v < min ? min : v > max ? max : v;
}
