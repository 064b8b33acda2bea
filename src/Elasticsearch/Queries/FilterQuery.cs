using System.Globalization;
using Elastic.Clients.Elasticsearch;
using Elastic.Clients.Elasticsearch.QueryDsl;
using GraphReports.Analytics.Events;
using GraphReports.Analytics.Queries;

namespace GraphReports.Elasticsearch.Queries;

/// <summary>
/// The query of a filter: a <c>bool</c> of non-scoring clauses only. It always starts with the
/// environment's <c>term</c> and a <c>range</c> with the period's fixed bounds (never <c>now</c>, so that
/// the shard request cache can keep a closed month's answer); list criteria are <c>terms</c>.
/// </summary>
internal static class FilterQuery
{
    /// <summary>Instants as the index compares them: UTC, milliseconds (the <c>date</c> field's precision).</summary>
    public static string Instant(DateTimeOffset t) => t.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);

    public static Query Build(EventFilter f)
    {
        var filter = new List<Query>
        {
            new TermQuery { Field = Fields.Environment, Value = f.EnvironmentId },
            new DateRangeQuery { Field = Fields.Timestamp, Gte = Instant(CeilingToMillisecond(f.Period.From)), Lt = Instant(CeilingToMillisecond(f.Period.To)), Format = "strict_date_optional_time" },
        };
        var mustNot = new List<Query>();
        if (f.Types is { } types) filter.Add(Terms(Fields.Type, types.Select(t => t.ToWire())));
        if (f.Users is { } users) filter.Add(Terms(Fields.User, users));
        if (f.Assets is { } assets) filter.Add(Terms(Fields.AssetId, assets));
        if (f.FolderPrefix is { } folder) filter.Add(new TermQuery { Field = Fields.AssetFolders, Value = folder.Trim('/') });
        if (f.Collections is { } collections) filter.Add(Terms(Fields.CollectionId, collections));
        if (f.SearchKinds is { } kinds) filter.Add(Terms(Fields.SearchKind, kinds.Select(k => k.ToWire())));
        if (f.Channels is { } channels) filter.Add(Terms(Fields.Channel, channels.Select(c => c.ToWire())));
        switch (f.BulkDownloads)
        {
            case BulkDownloads.Exclude:
                // not (a download with download.bulk = true)
                mustNot.Add(new BoolQuery { Filter = [IsDownload, new TermQuery { Field = Fields.DownloadBulk, Value = true }] });
                break;
            case BulkDownloads.Only:
                // not (a download that is not bulk): other types stay, as in every store
                mustNot.Add(new BoolQuery { Filter = [IsDownload], MustNot = [new TermQuery { Field = Fields.DownloadBulk, Value = true }] });
                break;
        }
        if (f.ZeroResultsOnly) filter.Add(new TermQuery { Field = Fields.SearchResults, Value = 0 });
        if (f.Preset is true) filter.Add(new ExistsQuery { Field = Fields.DownloadPreset });
        if (f.Preset is false)
        {
            filter.Add(new ExistsQuery { Field = Fields.DownloadBulk });
            mustNot.Add(new ExistsQuery { Field = Fields.DownloadPreset });
        }
        return new BoolQuery { Filter = filter, MustNot = mustNot.Count == 0 ? null : mustNot };
    }

    private static Query IsDownload => new TermQuery { Field = Fields.Type, Value = EventType.Download.ToWire() };

    /// <summary>A <c>terms</c> query; its values sorted and distinct, so equal filters compile to equal requests.</summary>
    public static Query Terms(string field, IEnumerable<string> values) =>
        new TermsQuery { Field = field, Terms = new TermsQueryField(values.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).Select(FieldValue.String).ToArray()) };

    /// <summary>
    /// The index truncates timestamps to milliseconds, so an instant with sub-millisecond ticks compares as
    /// its millisecond: a bound is rounded up to the next whole millisecond so that <c>[From, To)</c> keeps
    /// exactly the events whose stored millisecond is in it (month bounds are whole seconds and unchanged).
    /// </summary>
    private static DateTimeOffset CeilingToMillisecond(DateTimeOffset t)
    {
        var rest = t.UtcTicks % TimeSpan.TicksPerMillisecond;
        return rest == 0 ? t : t.AddTicks(TimeSpan.TicksPerMillisecond - rest);
    }
}
