using System.IO.Pipelines;
using System.Runtime.CompilerServices;
using GraphReports.Analytics.Environments;
using GraphReports.Analytics.Events;
using GraphReports.Analytics.Intake;

namespace GraphReports.Analytics.Demo;

/// <summary>
/// A seeded, realistic stream of demo events for one product environment, written as NDJSON in the
/// wire format of REPORTS.md §1 (exactly <see cref="DemoDataOptions.Events"/> lines), in constant
/// memory. The data covers <see cref="DemoDataOptions.Months"/> months ending at
/// <see cref="DemoDataOptions.Now"/>, day by day with a weekly rhythm (quiet weekends), a seasonal
/// one (summer and December dips) and slow growth. Without <see cref="DemoDataOptions.Now"/>, "now" is
/// read from the clock given to the constructor, so a host or a test that injects a
/// <see cref="TimeProvider"/> gets data that ends at its "now". Media-library sessions (sign in, searches of every
/// kind, downloads after searches, bulk downloads and uploads, new collections), public collection
/// visits (views and downloads with or without a preset) and web tracking (impressions, clicks at a
/// few percent, ratings, usage in all four channels) are mixed; users, assets, texts and filters
/// follow Zipf-like popularity. A few units arrive weeks late and a few events are sent twice.
/// </summary>
public sealed class DemoDataGenerator
{
    private static readonly double[] SeasonByMonth = [0, 0.95, 1.0, 1.1, 1.1, 1.05, 1.0, 0.85, 0.7, 1.1, 1.15, 1.15, 0.8];
    private static readonly double[] HourWeights = [0.1, 0.05, 0.05, 0.05, 0.1, 0.3, 0.8, 1.6, 2.6, 3.0, 3.0, 2.7, 2.0, 2.6, 3.0, 2.8, 2.4, 1.8, 1.1, 0.8, 0.7, 0.5, 0.3, 0.2];
    private static readonly double[] HourCumulative = Cumulate(HourWeights);

    private readonly ProductEnvironment _environment;
    private readonly DemoDataOptions _options;
    private readonly TimeProvider _clock;

    /// <param name="environment">The environment whose time zone shapes the days.</param>
    /// <param name="options">Size, seed, months and optionally the end instant.</param>
    /// <param name="clock">Where "now" comes from when <see cref="DemoDataOptions.Now"/> is not set (default: the system clock).</param>
    public DemoDataGenerator(ProductEnvironment environment, DemoDataOptions options, TimeProvider? clock = null)
    {
        ArgumentNullException.ThrowIfNull(environment);
        ArgumentNullException.ThrowIfNull(options);
        if (options.Events < 0) throw new ArgumentOutOfRangeException(nameof(options), "Events must not be negative.");
        if (options.Months < 1) throw new ArgumentOutOfRangeException(nameof(options), "Months must be at least 1.");
        _environment = environment;
        _options = options;
        _clock = clock ?? TimeProvider.System;
    }

    /// <summary>
    /// Splits <paramref name="total"/> events over environments with decreasing shares (the first
    /// environment is the busiest), so that a demo has a large, a medium and a small tenant.
    /// </summary>
    public static IReadOnlyList<(ProductEnvironment Environment, long Events)> Share(IReadOnlyList<ProductEnvironment> environments, long total)
    {
        var weights = environments.Select((_, i) => 1.0 / (1 + i * 1.5)).ToArray();
        var sum = weights.Sum();
        var result = new List<(ProductEnvironment, long)>();
        long given = 0;
        for (var i = 0; i < environments.Count; i++)
        {
            var share = i == environments.Count - 1 ? total - given : (long)(total * weights[i] / sum);
            given += share;
            result.Add((environments[i], share));
        }
        return result;
    }

    /// <summary>
    /// Writes the events to <paramref name="output"/> (not closed). <paramref name="progress"/>
    /// receives the number of lines written now and then. Returns the number of lines written.
    /// </summary>
    public long WriteNdjson(Stream output, IProgress<long>? progress = null, CancellationToken cancellationToken = default)
    {
        using var writer = new WireEventWriter(output);
        var run = new Run(_environment, _options, _options.Now ?? _clock.GetUtcNow(), writer, progress, cancellationToken);
        run.Generate();
        writer.Flush();
        progress?.Report(run.Written);
        return run.Written;
    }

    /// <summary>
    /// The same events as validated <see cref="ActivityEvent"/>s, in stream order (the deliberate
    /// duplicates included), for loading a store or feeding tests without a file: the NDJSON goes
    /// through a pipe into <paramref name="reader"/>, in constant memory. A generated event that
    /// the reader rejects is a bug of the generator and throws.
    /// </summary>
    /// <param name="reader">The validator; its clock must not be earlier than <see cref="DemoDataOptions.Now"/>.</param>
    /// <param name="cancellationToken">Stops generation and reading.</param>
    public async IAsyncEnumerable<ActivityEvent> ReadEventsAsync(EventJsonReader reader, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var pipe = new Pipe(new PipeOptions(pauseWriterThreshold: 4 << 20, resumeWriterThreshold: 2 << 20));
        var writing = Task.Run(() =>
        {
            Exception? failure = null;
            try
            {
                using var output = pipe.Writer.AsStream(leaveOpen: true);
                WriteNdjson(output, cancellationToken: cancellationToken);
            }
            catch (Exception e) { failure = e; }
            pipe.Writer.Complete(failure);
        }, cancellationToken);
        var source = new NdjsonEventSource(pipe.Reader.AsStream());
        while (await source.MoveNextAsync(cancellationToken).ConfigureAwait(false))
        {
            var result = reader.Read(source.Current.Span);
            if (result.Event is null)
                throw new InvalidOperationException($"Demo event on line {source.Line} was rejected: {result.Error}");
            yield return result.Event;
        }
        await writing.ConfigureAwait(false);
    }

    private static double[] Cumulate(double[] weights)
    {
        var result = new double[weights.Length];
        var total = 0.0;
        for (var i = 0; i < weights.Length; i++) result[i] = total += weights[i];
        for (var i = 0; i < weights.Length; i++) result[i] /= total;
        return result;
    }

    /// <summary>The state of one generation: where in time it is, counters, the pending duplicate.</summary>
    private sealed class Run
    {
        private readonly ProductEnvironment _environment;
        private readonly DemoDataOptions _options;
        private readonly WireEventWriter _writer;
        private readonly IProgress<long>? _progress;
        private readonly CancellationToken _cancellation;
        private readonly DemoRandom _random;
        private readonly DemoCatalog _catalog;
        private readonly WireEvent _e = new();
        private readonly List<CollectionRef> _collections = [];
        private readonly DateTimeOffset _now;
        private readonly string _idPrefix;
        private long _eventSeq, _sessionSeq, _batchSeq;
        private byte[]? _duplicate;
        private long _duplicateAt;
        private DateTimeOffset _periodStart;
        private TimeSpan _shift; // how far back the current unit is moved when it is delivered late

        public Run(ProductEnvironment environment, DemoDataOptions options, DateTimeOffset now, WireEventWriter writer, IProgress<long>? progress, CancellationToken cancellation)
        {
            _environment = environment;
            _options = options;
            _writer = writer;
            _progress = progress;
            _cancellation = cancellation;
            _random = new DemoRandom(DemoRandom.Mix(options.Seed, environment.Id));
            _catalog = new DemoCatalog(environment.Id, options.Events, _random);
            _now = new DateTimeOffset(now.UtcTicks - now.UtcTicks % TimeSpan.TicksPerMinute, TimeSpan.Zero);
            _idPrefix = environment.Id + "-";
        }

        public long Written { get; private set; }

        private bool Full => Written >= _options.Events;

        public void Generate()
        {
            var zone = _environment.TimeZone;
            var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(_now, zone).DateTime);
            var first = new DateOnly(today.Year, today.Month, 1).AddMonths(-(_options.Months - 1));
            var days = new List<(DateTimeOffset Start, TimeSpan Length, double Weight)>();
            for (var day = first; day <= today; day = day.AddDays(1))
            {
                var start = LocalMidnight(day, zone);
                var end = day == today ? _now : LocalMidnight(day.AddDays(1), zone);
                var length = end - start;
                var weekday = day.DayOfWeek switch { DayOfWeek.Saturday => 0.3, DayOfWeek.Sunday => 0.2, _ => 1.0 };
                var growth = 1 + 0.03 * ((day.Year - first.Year) * 12 + day.Month - first.Month);
                var noise = 0.85 + 0.3 * _random.NextDouble();
                days.Add((start, length, weekday * SeasonByMonth[day.Month] * growth * noise * length.TotalHours / 24));
            }
            _periodStart = days[0].Start;
            var totalWeight = days.Sum(d => d.Weight);
            var cumulative = 0.0;
            SeedCollections(days[0].Start);
            for (var i = 0; i < days.Count && !Full; i++)
            {
                cumulative += days[i].Weight;
                var target = i == days.Count - 1 ? _options.Events : (long)(_options.Events * cumulative / totalWeight);
                while (Written < target && !Full) GenerateUnit(days[i].Start, days[i].Length);
                _cancellation.ThrowIfCancellationRequested();
            }
            // Rounding can leave the last day short of the exact size when every unit was cut; fill it.
            while (!Full) GenerateUnit(days[^1].Start, days[^1].Length);
        }

        private static DateTimeOffset LocalMidnight(DateOnly day, TimeZoneInfo zone)
        {
            var local = day.ToDateTime(TimeOnly.MinValue);
            // A midnight skipped by a DST change does not exist; one hour later does.
            if (zone.IsInvalidTime(local)) local = local.AddHours(1);
            return new DateTimeOffset(local, zone.GetUtcOffset(local));
        }

        private void GenerateUnit(DateTimeOffset dayStart, TimeSpan dayLength)
        {
            var start = dayStart + TimeSpan.FromTicks((long)(dayLength.Ticks * TimeOfDay(dayLength)));
            _shift = TimeSpan.Zero;
            if (_random.Chance(_options.LateShare))
            {
                var back = TimeSpan.FromDays(_random.Between(7, 42)) + TimeSpan.FromMinutes(_random.Next(600));
                if (start - back > _periodStart) _shift = back;
            }
            var roll = _random.NextDouble();
            if (roll < 0.34) Session(start);
            else if (roll < 0.80) PageView(start);
            else if (roll < 0.90) PublicCollectionVisit(start);
            else if (roll < 0.97) Usage(start);
            else Rating(start);
        }

        // A fraction of the day following office hours; the partial current day is sampled uniformly.
        private double TimeOfDay(TimeSpan dayLength)
        {
            if (dayLength < TimeSpan.FromHours(23)) return _random.NextDouble() * 0.999;
            var i = Array.BinarySearch(HourCumulative, _random.NextDouble());
            var hour = Math.Min(i < 0 ? ~i : i, 23);
            return (hour + _random.NextDouble()) / 24.0 * (24.0 / Math.Max(24.0, dayLength.TotalHours));
        }

        private void SeedCollections(DateTimeOffset at)
        {
            // A library does not start empty: a few collections already exist and are shared.
            for (var i = 0; i < 5; i++) _collections.Add(NewCollection());
        }

        private CollectionRef NewCollection()
        {
            var n = _collections.Count + 1;
            var name = $"{_catalog.SearchTexts[_random.Next(_catalog.SearchTexts.Length)]} selection {n}";
            return new CollectionRef($"col-{n:D5}", char.ToUpperInvariant(name[0]) + name[1..]);
        }

        private void Session(DateTimeOffset start)
        {
            var user = _catalog.User(_random);
            var session = $"ses-{++_sessionSeq:D8}";
            var t = start;
            Begin(EventType.SessionStarted, t, user, session); Emit();

            var searches = _random.Chance(0.85) ? 1 + Geometric(0.45, 8) : 0;
            for (var i = 0; i < searches; i++)
            {
                t = Later(t);
                Search(t, user, session);
            }
            // About half of the sessions that searched end with a download: the search success rate.
            if (searches == 0 ? _random.Chance(0.3) : _random.Chance(0.55))
            {
                var downloads = 1 + Geometric(0.5, 5);
                for (var i = 0; i < downloads; i++)
                {
                    t = Later(t);
                    Begin(EventType.Download, t, user, session);
                    _e.Asset = _catalog.Asset(_random);
                    _e.HasDownload = true;
                    if (_random.Chance(0.2)) _e.Preset = _random.Pick(DemoCatalog.PresetNames);
                    Emit();
                }
            }
            if (_random.Chance(0.05)) BulkDownload(ref t, user, session);
            if (_random.Chance(0.10)) Uploads(ref t, user, session, bulk: false, 1 + Geometric(0.5, 3));
            if (_random.Chance(0.03)) Uploads(ref t, user, session, bulk: true, _random.Between(5, 30));
            if (_random.Chance(0.05))
            {
                t = Later(t);
                var collection = NewCollection();
                _collections.Add(collection);
                Begin(EventType.CollectionCreated, t, user, session);
                _e.Collection = collection;
                Emit();
            }
        }

        private void Search(DateTimeOffset t, string user, string session)
        {
            Begin(EventType.Search, t, user, session);
            var roll = _random.NextDouble();
            var e = _e;
            if (roll < 0.55)
            {
                e.SearchKind = SearchKind.Text;
                if (_random.Chance(0.06))
                {
                    e.SearchText = _random.Pick(DemoCatalog.NothingFoundTexts);
                    e.Results = 0;
                }
                else
                {
                    e.SearchText = Scuff(_catalog.SearchText(_random));
                    e.Results = _random.Chance(0.04) ? 0 : ResultCount();
                }
                if (_random.Chance(0.3)) AddFilters(1 + Geometric(0.6, 2));
            }
            else if (roll < 0.67) { e.SearchKind = SearchKind.Filters; AddFilters(1 + Geometric(0.5, 3)); e.Results = ResultCount(); }
            else if (roll < 0.74) { e.SearchKind = SearchKind.Expression; e.Expression = _catalog.Expression(_random); e.Results = ResultCount(); }
            else if (roll < 0.78) { e.SearchKind = SearchKind.QueryBuilder; e.Expression = _catalog.Expression(_random); AddFilters(1); }
            else if (roll < 0.89) { e.SearchKind = SearchKind.VisualText; e.SearchText = Scuff(_catalog.VisualPhrase(_random)); e.Results = ResultCount(); }
            else
            {
                e.SearchKind = SearchKind.VisualImage;
                var image = _catalog.Image(_random);
                e.Reference = new ReferenceImage(image.Id, image.Name);
                e.Results = ResultCount();
            }
            Emit();
        }

        private void AddFilters(int count)
        {
            for (var i = 0; i < count; i++)
            {
                var pair = _catalog.Filter(_random);
                if (!_e.Filters.Contains(pair)) _e.Filters.Add(pair);
            }
        }

        // Users type the same text in different cases and spacing; grouping must see through it.
        private string Scuff(string text) => _random.NextDouble() switch
        {
            < 0.05 => text.ToUpperInvariant(),
            < 0.10 => "  " + text.Replace(" ", "  ") + " ",
            < 0.15 => char.ToUpperInvariant(text[0]) + text[1..],
            _ => text,
        };

        private int ResultCount() => (int)Math.Min(5000, Math.Floor(Math.Exp(_random.NextDouble() * 7)));

        private void BulkDownload(ref DateTimeOffset t, string user, string session)
        {
            // A folder download: consecutive assets share a folder in the catalog.
            var count = _random.Between(5, 40);
            var first = _random.Next(Math.Max(1, _catalog.Assets.Length - count));
            var batch = $"dlb-{++_batchSeq:D7}";
            var preset = _random.Chance(0.15) ? _random.Pick(DemoCatalog.PresetNames) : null;
            t = Later(t);
            for (var i = 0; i < count && first + i < _catalog.Assets.Length; i++)
            {
                Begin(EventType.Download, t.AddMilliseconds(i * 40), user, session);
                _e.Asset = _catalog.Assets[first + i];
                _e.HasDownload = true; _e.Bulk = true; _e.Batch = batch; _e.Preset = preset;
                Emit();
            }
        }

        private void Uploads(ref DateTimeOffset t, string user, string session, bool bulk, int count)
        {
            var batch = bulk ? $"upb-{++_batchSeq:D7}" : null;
            t = Later(t);
            for (var i = 0; i < count; i++)
            {
                Begin(EventType.Upload, bulk ? t.AddMilliseconds(i * 250) : t = Later(t), user, session);
                _e.Asset = _catalog.Assets[_random.Next(_catalog.Assets.Length)];
                _e.HasUpload = true; _e.Bulk = bulk; _e.Batch = batch;
                Emit();
            }
        }

        private void PageView(DateTimeOffset t)
        {
            var page = _catalog.Page(_random);
            var visitor = _random.Chance(0.7) ? $"v-{_random.NextUInt64() % 50_000:x5}" : null;
            var images = 1 + Geometric(0.5, 5);
            for (var i = 0; i < images; i++)
            {
                var asset = _catalog.Image(_random);
                Begin(EventType.AssetImpression, t.AddMilliseconds(i * 120), null, null);
                _e.Asset = asset; _e.Page = page; _e.Visitor = visitor;
                Emit();
                if (_random.Chance(0.035))
                {
                    Begin(EventType.AssetClick, Later(t), null, null);
                    _e.Asset = asset; _e.Page = page; _e.Visitor = visitor;
                    Emit();
                }
            }
        }

        private void PublicCollectionVisit(DateTimeOffset t)
        {
            // Half the visits go to the classics (oldest shares), half to what was shared lately.
            var rank = Geometric(0.25, _collections.Count - 1);
            var collection = _random.Chance(0.5) ? _collections[rank] : _collections[_collections.Count - 1 - rank];
            var visitor = _random.Chance(0.8) ? $"v-{_random.NextUInt64() % 50_000:x5}" : null;
            Begin(EventType.CollectionViewed, t, null, null);
            _e.Collection = collection; _e.Visitor = visitor;
            Emit();
            if (!_random.Chance(0.35)) return;
            var downloads = 1 + Geometric(0.5, 4);
            for (var i = 0; i < downloads; i++)
            {
                t = Later(t);
                Begin(EventType.CollectionDownloaded, t, null, null);
                _e.Collection = collection; _e.Visitor = visitor;
                _e.Asset = _catalog.Asset(_random);
                _e.HasDownload = true;
                if (_random.Chance(0.4)) _e.Preset = _random.Pick(DemoCatalog.PresetNames);
                Emit();
            }
        }

        private void Usage(DateTimeOffset t)
        {
            Begin(EventType.AssetUsed, t, _random.Chance(0.6) ? _catalog.User(_random) : null, null);
            _e.Asset = _random.Chance(0.7) ? _catalog.Image(_random) : _catalog.Asset(_random);
            var roll = _random.NextDouble();
            _e.Channel = roll < 0.35 ? UsageChannel.Collection : roll < 0.65 ? UsageChannel.WebMobile : roll < 0.85 ? UsageChannel.Social : UsageChannel.Email;
            Emit();
        }

        private void Rating(DateTimeOffset t)
        {
            Begin(EventType.AssetRated, t, _random.Chance(0.5) ? _catalog.User(_random) : null, null);
            _e.Asset = _catalog.Image(_random);
            var roll = _random.NextDouble();
            _e.Rating = roll < 0.05 ? 1 : roll < 0.12 ? 2 : roll < 0.30 ? 3 : roll < 0.65 ? 4 : 5;
            if (_e.User is null) _e.Visitor = $"v-{_random.NextUInt64() % 50_000:x5}";
            Emit();
        }

        private void Begin(EventType type, DateTimeOffset timestamp, string? user, string? session)
        {
            var at = timestamp - _shift;
            if (at > _now) at = _now; // the open day ends now: nothing from the future
            _e.Reset(type, at);
            _e.User = user;
            _e.Session = session;
        }

        private void Emit()
        {
            if (Full) return;
            if (_duplicate is not null && Written >= _duplicateAt)
            {
                _writer.WriteRaw(_duplicate);
                _duplicate = null;
                if (++Written % 65_536 == 0) _progress?.Report(Written);
                if (Full) return;
            }
            var keep = _duplicate is null && _random.Chance(_options.DuplicateShare);
            var copy = _writer.Write(_idPrefix + (++_eventSeq).ToString("D9", System.Globalization.CultureInfo.InvariantCulture), _e, keep);
            if (copy is not null) { _duplicate = copy; _duplicateAt = Written + 1 + _random.Next(500); }
            if (++Written % 65_536 == 0) _progress?.Report(Written);
        }

        private DateTimeOffset Later(DateTimeOffset t) => t.AddSeconds(_random.Between(5, 180));

        private int Geometric(double p, int max)
        {
            var n = 0;
            while (n < max && !_random.Chance(p)) n++;
            return n;
        }
    }
}
