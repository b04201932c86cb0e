namespace FieldSurvey.Core.Reporting;

/// <summary>
/// xoshiro256** (Blackman &amp; Vigna 2018) seeded through SplitMix64, with Lemire's unbiased bounded draw: the
/// resampling draws millions of numbers per report, and System.Random's seeded (legacy) generator was a third of its
/// time. Deterministic for a seed on every platform, which the reproducibility of the report rests on.
/// </summary>
public sealed class SeededRandom
{
    ulong s0, s1, s2, s3;

    public SeededRandom(int seed)
    {
        var x = (ulong)(uint)seed;
        s0 = SplitMix(ref x); s1 = SplitMix(ref x); s2 = SplitMix(ref x); s3 = SplitMix(ref x);
    }

    static ulong SplitMix(ref ulong x)
    {
        var z = x += 0x9E3779B97F4A7C15UL;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }

    public ulong NextUInt64()
    {
        var result = RotateLeft(s1 * 5, 7) * 9;
        var t = s1 << 17;
        s2 ^= s0; s3 ^= s1; s1 ^= s2; s0 ^= s3; s2 ^= t; s3 = RotateLeft(s3, 45);
        return result;
    }

    static ulong RotateLeft(ulong x, int k) => (x << k) | (x >> (64 - k));

    /// <summary>A uniform integer in [0, <paramref name="n"/>), n ≥ 1 (Lemire 2019, "Fast random integer generation in an interval").</summary>
    public int Next(int n)
    {
        var bound = (uint)n;
        var m = (ulong)(uint)NextUInt64() * bound;
        if ((uint)m < bound)
        {
            var threshold = (uint)-bound % bound;
            while ((uint)m < threshold) m = (ulong)(uint)NextUInt64() * bound;
        }
        return (int)(m >> 32);
    }
}
