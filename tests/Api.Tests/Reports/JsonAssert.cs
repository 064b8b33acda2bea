using System.Text.Json;

namespace GraphReports.Api.Tests.Reports;

/// <summary>Short assertions on response JSON.</summary>
public static class JsonAssert
{
    /// <summary>Compact JSON of an element, to compare a whole list at once.</summary>
    public static string Compact(JsonElement element) => JsonSerializer.Serialize(element);

    /// <summary>
    /// Checks that a trend has 12 consecutive months ending with <paramref name="lastMonth"/>, oldest first,
    /// and returns its points as "month=value" with zeros left out, for an exact comparison.
    /// </summary>
    public static string NonZeroTrend(JsonElement trend, string lastMonth, string valueField = "value")
    {
        Assert.Equal(12, trend.GetArrayLength());
        var last = DateOnly.ParseExact(lastMonth + "-01", "yyyy-MM-dd");
        var months = trend.EnumerateArray().Select(p => p.GetProperty("month").GetString()).ToArray();
        Assert.Equal(Enumerable.Range(0, 12).Select(i => last.AddMonths(i - 11).ToString("yyyy-MM")).ToArray(), months);
        return string.Join(" ", trend.EnumerateArray()
            .Where(p => p.GetProperty(valueField).GetInt32() != 0)
            .Select(p => $"{p.GetProperty("month").GetString()}={p.GetProperty(valueField).GetInt32()}"));
    }

    public static JsonElement At(this JsonElement element, string path)
    {
        foreach (var name in path.Split('.')) element = element.GetProperty(name);
        return element;
    }
}
