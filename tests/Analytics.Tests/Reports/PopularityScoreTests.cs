using GraphReports.Analytics.Reports;

namespace GraphReports.Analytics.Tests.Reports;

public sealed class PopularityScoreTests
{
    [Theory]
    [InlineData(0, 20, 0)]
    [InlineData(10, 20, 50)]
    [InlineData(1, 200, 1)] // 0.5 rounds away from zero
    [InlineData(1, 201, 0)] // 0.4975...
    [InlineData(5, 8, 63)]  // 62.5
    [InlineData(20, 20, 100)]
    public void The_score_is_100_times_points_over_best_rounded_half_away_from_zero(long points, long best, int score) =>
        Assert.Equal(score, AssetInsightFigures.PopularityScore(points, best));

    [Fact]
    public void No_best_points_is_no_score() => Assert.Null(AssetInsightFigures.PopularityScore(0, 0));

    [Fact]
    public void The_integer_arithmetic_agrees_with_decimal_rounding_on_random_points()
    {
        var random = new Random(7);
        for (var i = 0; i < 200_000; i++)
        {
            var best = i % 2 == 0 ? random.Next(1, 2_000) : random.NextInt64(1, 10_000_000_000);
            var points = random.NextInt64(0, best + 1);
            var expected = (int)Math.Round(100m * points / best, MidpointRounding.AwayFromZero);
            Assert.Equal(expected, AssetInsightFigures.PopularityScore(points, best));
        }
    }
}
