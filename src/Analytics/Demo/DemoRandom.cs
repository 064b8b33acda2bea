namespace GraphReports.Analytics.Demo;

/// <summary>
/// SplitMix64: a tiny generator whose sequence is fixed by this code alone, so the same seed gives
/// the same demo bytes on every runtime version (System.Random promises no such thing).
/// </summary>
internal sealed class DemoRandom(ulong seed)
{
    private ulong _state = seed;

    public ulong NextUInt64()
    {
        var z = _state += 0x9E3779B97F4A7C15UL;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }

    /// <summary>Uniform in [0, 1).</summary>
    public double NextDouble() => (NextUInt64() >> 11) * (1.0 / (1UL << 53));

    /// <summary>Uniform in [0, n).</summary>
    public int Next(int n) => (int)(NextDouble() * n);

    /// <summary>Uniform in [min, max] inclusive.</summary>
    public int Between(int min, int max) => min + Next(max - min + 1);

    public bool Chance(double p) => NextDouble() < p;

    public T Pick<T>(IReadOnlyList<T> items) => items[Next(items.Count)];

    /// <summary>Derives an independent seed from a text (environment id) and a number.</summary>
    public static ulong Mix(ulong seed, string text)
    {
        var h = seed ^ 0xCBF29CE484222325UL;
        foreach (var c in text) h = (h ^ c) * 0x100000001B3UL;
        return h;
    }
}

/// <summary>
/// Draws ranks 0..n-1 with probability proportional to 1/(rank+1)^s: a few items get most of the
/// draws and a long tail gets a few each, as search texts, assets and users do in real libraries.
/// </summary>
internal sealed class ZipfSampler
{
    private readonly double[] _cumulative;

    public ZipfSampler(int n, double s)
    {
        _cumulative = new double[n];
        var total = 0.0;
        for (var i = 0; i < n; i++) _cumulative[i] = total += 1.0 / Math.Pow(i + 1, s);
        for (var i = 0; i < n; i++) _cumulative[i] /= total;
    }

    public int Count => _cumulative.Length;

    public int Next(DemoRandom random)
    {
        var i = Array.BinarySearch(_cumulative, random.NextDouble());
        return Math.Min(i < 0 ? ~i : i, _cumulative.Length - 1);
    }
}
