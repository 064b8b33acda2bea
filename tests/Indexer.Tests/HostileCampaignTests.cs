using System.IO.Compression;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using GraphReports.Sqlite;
using GraphReports.Tests.Hostile;
using Microsoft.Extensions.DependencyInjection;
using Xunit.Abstractions;

namespace GraphReports.Indexer.Tests;

/// <summary>
/// The Indexer's bad-input campaign: a corpus of known hostile bodies plus seeded random damage to
/// valid ones, in NDJSON and JSON arrays, plain and gzip, sent to the real collector on 127.0.0.1.
/// Every answer is one of the documented ones (never 5xx); the host stays healthy; the events it
/// accepted are stored exactly once; <c>import</c> rejects damaged lines and goes on.
/// </summary>
public class HostileCampaignTests(ITestOutputHelper output)
{
    private const int Seed = 20261202;
    private const int RandomBodies = 1_500;

    private static readonly HttpStatusCode[] Documented =
    [
        HttpStatusCode.OK, HttpStatusCode.BadRequest, HttpStatusCode.Unauthorized, HttpStatusCode.Forbidden,
        HttpStatusCode.RequestEntityTooLarge, HttpStatusCode.UnsupportedMediaType,
    ];

    private sealed record Case(string Name, byte[] Body, string ContentType, string? Encoding = null, string? Key = TestEnvironments.AlphaIngestKey);

    private static byte[] Gzip(byte[] body)
    {
        using var buffer = new MemoryStream();
        using (var gzip = new GZipStream(buffer, CompressionLevel.Fastest)) gzip.Write(body);
        return buffer.ToArray();
    }

    private static IEnumerable<Case> Corpus()
    {
        const string nd = "application/x-ndjson", json = "application/json";
        byte[] U(string s) => Encoding.UTF8.GetBytes(s);
        var good = TestEvents.Search("corpus-good");
        yield return new("empty ndjson", [], nd);
        yield return new("empty array body", [], json);
        yield return new("open bracket", U("["), json);
        yield return new("object not array", U(good), json);
        yield return new("array of numbers", U("[1,2,3]"), json);
        yield return new("nested 5000", U(new string('[', 5000) + new string(']', 5000)), json);
        yield return new("invalid utf8 user", [.. U(good.Replace("\"anna\"", "\"")), 0xFF, 0xFE, .. U("\"" + good[(good.IndexOf("\"anna\"", StringComparison.Ordinal) + 6)..])], nd);
        yield return new("lone surrogate", U(good.Replace("red car", "\\ud800")), nd);
        yield return new("year 1", U(good.Replace(TestEvents.Yesterday.ToString("yyyy-MM-dd"), "0001-01-01")), nd);
        yield return new("year 9999", U(good.Replace(TestEvents.Yesterday.ToString("yyyy-MM-dd"), "9999-12-31")), nd);
        yield return new("element too large", U("[" + TestEvents.Search("big", text: new string('x', 70_000)) + "]"), json);
        yield return new("line too large", U(TestEvents.Search("big", text: new string('x', 70_000))), nd);
        yield return new("too many events", U(TestEvents.Ndjson(TestEvents.Searches("many", 60))), nd);
        yield return new("gzip bomb", Gzip(new byte[5_000_000]), nd, "gzip");
        yield return new("not gzip", U(good), nd, "gzip");
        yield return new("truncated gzip", Gzip(U(good))[..10], nd, "gzip");
        yield return new("brotli", U(good), nd, "br");
        yield return new("text/plain", U(good), "text/plain");
        yield return new("no key", U(good), nd, Key: null);
        yield return new("wrong key", U(good), nd, Key: "no-such-key");
        yield return new("api key", U(good), nd, Key: TestEnvironments.AlphaApiKey);
        yield return new("environment in event", U(good.Replace("{", "{\"environment\":\"beta\",")), nd);
        yield return new("duplicate property", U(good.Replace("{", "{\"id\":\"x\",")), nd);
        yield return new("nul in id", U(good.Replace("corpus-good", "a\\u0000b")), nd);
    }

    private IEnumerable<Case> RandomCases(HostileInputs random)
    {
        for (var n = 0; n < RandomBodies; n++)
        {
            var events = Enumerable.Range(0, 1 + random.Next(6))
                .Select(i => random.Chance(0.5) ? TestEvents.Search($"r{n}-{i}", user: $"u{random.Next(50)}") : TestEvents.Download($"r{n}-{i}"))
                .ToList();
            var lines = events.Select(e => random.Chance(0.4) ? random.PoisonValue(e) : Encoding.UTF8.GetBytes(e)).ToList();
            var array = random.Chance(0.4);
            byte[] body = array
                ? [(byte)'[', .. lines.SelectMany((l, i) => i == 0 ? l : [(byte)',', .. l]), (byte)']']
                : [.. lines.SelectMany(l => (byte[])[.. l, (byte)'\n'])];
            if (random.Chance(0.25)) body = random.MutateBytes(body);
            var gzip = random.Chance(0.25);
            if (gzip) body = Gzip(body);
            if (gzip && random.Chance(0.1)) body = random.MutateBytes(body); // damaged compressed stream
            yield return new($"random {n}", body, array ? "application/json" : random.Pick("application/x-ndjson", "application/x-ndjson; charset=utf-8"), gzip ? "gzip" : null);
        }
    }

    [Fact]
    public async Task Every_hostile_body_gets_a_documented_answer_and_accepted_events_are_stored_once()
    {
        await using var server = await InProcessIndexer.StartAsync(
            "--GraphReports:RateLimits:Enabled=false",
            "--GraphReports:Intake:MaxEventBytes=65536", "--GraphReports:Intake:MaxEventsPerRequest=50",
            "--GraphReports:Intake:MaxBodyBytes=1000000", "--GraphReports:Intake:MaxDecompressedBytes=2000000");
        var random = new HostileInputs(Seed);
        var cases = Corpus().Concat(RandomCases(random)).ToList();
        long accepted = 0;
        var byStatus = new SortedDictionary<int, int>();
        foreach (var c in cases)
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, "/v1/events") { Content = new ByteArrayContent(c.Body) };
            request.Content.Headers.ContentType = MediaTypeHeaderValue.Parse(c.ContentType);
            if (c.Encoding is not null) request.Content.Headers.ContentEncoding.Add(c.Encoding);
            if (c.Key is not null) request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", c.Key);
            using var response = await server.Client.SendAsync(request);
            var text = await response.Content.ReadAsStringAsync();
            Assert.True(Documented.Contains(response.StatusCode), $"seed {Seed}, case '{c.Name}': {(int)response.StatusCode} {text}");
            byStatus[(int)response.StatusCode] = byStatus.GetValueOrDefault((int)response.StatusCode) + 1;
            var answer = JsonDocument.Parse(text).RootElement; // every answer is JSON
            if (response.StatusCode == HttpStatusCode.OK) accepted += answer.GetProperty("accepted").GetInt32();
        }
        output.WriteLine($"POST /v1/events: {cases.Count} cases (corpus {Corpus().Count()}, seeded {RandomBodies}, seed {Seed}); answers {string.Join(", ", byStatus.Select(s => $"{s.Key}: {s.Value}"))}");
        Assert.True(byStatus.GetValueOrDefault(200) > RandomBodies / 4, "the campaign should also store events");
        Assert.Equal(accepted, server.Services.GetRequiredService<SqliteEventStore>().Reader.CountEvents(TestEnvironments.Alpha));
        Assert.Equal(HttpStatusCode.OK, (await server.Client.GetAsync("/health")).StatusCode);
    }

    [Fact]
    public async Task Import_rejects_each_damaged_line_and_stores_every_other()
    {
        using var folder = new TempFolder();
        var random = new HostileInputs(Seed + 1);
        var lines = new List<byte[]>();
        var valid = 0;
        for (var i = 0; i < 400; i++)
        {
            var e = TestEvents.Search($"imp-{i}");
            if (random.Chance(0.5)) { lines.Add(Encoding.UTF8.GetBytes(e)); valid++; }
            else lines.Add(random.Chance(0.5) ? random.PoisonValue(e) : random.MutateBytes(Encoding.UTF8.GetBytes(e)));
        }
        var file = folder.File("hostile.ndjson");
        await File.WriteAllBytesAsync(file, lines.SelectMany(l => (byte[])[.. l.Where(b => b != '\n'), (byte)'\n']).ToArray());
        var store = folder.File("store.db");
        var (code, stdout, stderr) = await BuiltHosts.RunAsync(BuiltHosts.IndexerDll,
            ["import", file, "--environment", TestEnvironments.Alpha, .. TestEnvironments.Args(store)]);
        Assert.True(code == 0, stdout + stderr);
        var accepted = Printed(stdout, "accepted");
        Assert.InRange(accepted, valid, 400); // some damage leaves a valid event (a changed letter in a name)
        Assert.Equal(400, accepted + Printed(stdout, "duplicates") + Printed(stdout, "rejected"));
        output.WriteLine($"import: 400 lines (seed {Seed + 1}), {accepted} accepted");
    }

    /// <summary>The number after <c>name: </c> in the import's summary (<c>rejected: 163 (lines and reasons in ...)</c>).</summary>
    private static int Printed(string stdout, string name)
    {
        var line = stdout.Split('\n').Single(l => l.StartsWith(name + ": ", StringComparison.Ordinal));
        return int.Parse(line[(name.Length + 2)..].Split(' ')[0].Replace(",", ""), System.Globalization.CultureInfo.InvariantCulture);
    }
}
