using System.Runtime.CompilerServices;

namespace GraphReports.Elasticsearch.Tests.Support;

/// <summary>
/// Checked-in expected documents under <c>Golden/</c> (read from the source folder, so that a change
/// shows in <c>git diff</c>). Set <c>GRAPHREPORTS_UPDATE_GOLDEN=1</c> to rewrite them after a deliberate
/// change of the requests; review the diff before committing. A missing file fails the test.
/// </summary>
public static class Golden
{
    public static string Folder { get; } = Path.Combine(SourceFolder(), "Golden");

    public static string PathOf(string name) => Path.Combine(Folder, name);

    public static void AssertMatches(string name, string actual)
    {
        var path = PathOf(name);
        if (Environment.GetEnvironmentVariable("GRAPHREPORTS_UPDATE_GOLDEN") == "1")
        {
            Directory.CreateDirectory(Folder);
            File.WriteAllText(path, actual);
            return;
        }
        Assert.True(File.Exists(path), $"No golden file {path}: run the tests with GRAPHREPORTS_UPDATE_GOLDEN=1 to write it, review it, commit it.");
        var expected = File.ReadAllText(path).Replace("\r\n", "\n");
        if (expected != actual)
            Assert.Fail($"The request differs from {path} (set GRAPHREPORTS_UPDATE_GOLDEN=1 to accept a deliberate change).\n{FirstDifference(expected, actual)}");
    }

    private static string FirstDifference(string expected, string actual)
    {
        var e = expected.Split('\n');
        var a = actual.Split('\n');
        for (var i = 0; i < Math.Max(e.Length, a.Length); i++)
        {
            var left = i < e.Length ? e[i] : "<end>";
            var right = i < a.Length ? a[i] : "<end>";
            if (left != right) return $"line {i + 1}:\n  expected: {left}\n  actual:   {right}";
        }
        return "";
    }

    private static string SourceFolder([CallerFilePath] string path = "") => Path.GetDirectoryName(Path.GetDirectoryName(path)!)!;
}
