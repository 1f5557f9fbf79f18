namespace Cedule.Samples;

/// <summary>
/// A tiny deterministic random generator (SplitMix64). Not <see cref="Random"/>: a seeded
/// <see cref="Random"/>'s sequence is not a documented contract across .NET versions, and the
/// sample's numbers, which tests check exactly, must never change.
/// </summary>
internal sealed class SplitMix64(ulong seed)
{
    private ulong _state = seed;

    public ulong Next()
    {
        var z = _state += 0x9E3779B97F4A7C15UL;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }

    /// <summary>A double in [0, 1).</summary>
    public double NextDouble() => (Next() >> 11) * (1.0 / (1UL << 53));

    /// <summary>An integer in [0, <paramref name="max"/>).</summary>
    public int Below(int max) => (int)(NextDouble() * max);

    /// <summary>A normally distributed value (Box–Muller).</summary>
    public double Normal(double mean, double deviation)
    {
        var u1 = 1.0 - NextDouble();
        var u2 = NextDouble();
        return mean + (deviation * Math.Sqrt(-2.0 * Math.Log(u1)) * Math.Cos(2.0 * Math.PI * u2));
    }

    /// <summary>A generator for one entity, independent of how many numbers others drew.</summary>
    public static SplitMix64 For(ulong seed, string stream, long id) =>
        new(seed ^ Hash(stream) ^ ((ulong)id * 0xD1B54A32D192ED03UL));

    private static ulong Hash(string text)
    {
        // FNV-1a: string.GetHashCode is randomized per process, this is not.
        var hash = 14695981039346656037UL;
        foreach (var c in text)
        {
            hash = (hash ^ c) * 1099511628211UL;
        }

        return hash;
    }
}
