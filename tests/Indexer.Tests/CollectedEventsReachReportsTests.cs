using System.Net;
using System.Net.Http.Headers;
using System.Text;
using GraphReports.Analytics.Events;
using GraphReports.Analytics.Queries;
using GraphReports.Analytics.Time;
using GraphReports.Sqlite;
using GraphReports.Sqlite.Queries;

namespace GraphReports.Indexer.Tests;

/// <summary>
/// The Indexer and the Api are separate processes over one store file: what the collector stores must
/// be counted by the report store the Api reads, so the collector's writer keeps the report rollups too.
/// </summary>
public class CollectedEventsReachReportsTests
{
    [Fact]
    public async Task Events_posted_to_the_collector_are_counted_by_the_report_store()
    {
        await using var server = await InProcessIndexer.StartAsync();
        var request = new HttpRequestMessage(HttpMethod.Post, "/v1/events")
        {
            Content = new StringContent(TestEvents.Ndjson([TestEvents.Search("r1"), TestEvents.Search("r2", user: "carl"), TestEvents.Download("r3")]), Encoding.UTF8),
        };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/x-ndjson");
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", TestEnvironments.AlphaIngestKey);
        Assert.Equal(HttpStatusCode.OK, (await server.Client.SendAsync(request)).StatusCode);

        var berlin = TimeZones.Find("Europe/Berlin");
        var month = ZonedCalendar.MonthOf(TestEvents.Yesterday, berlin);
        var searches = new ReportQuery(
            new EventFilter(TestEnvironments.Alpha, Period.ForMonth(month, berlin)) { Types = [EventType.Search] },
            Measure.Events, TotalShape.Instance);
        var searchers = new ReportQuery(searches.Filter, Measure.DistinctUsers, TotalShape.Instance);

        var reports = new SqliteReportStore(new SqliteStoreOptions { Path = server.StorePath });
        var results = await reports.ExecuteAsync([searches, searchers]);

        Assert.Equal(2, ((TotalResult)results[0]).Value);
        Assert.Equal(2, ((TotalResult)results[1]).Value);
    }
}
