using GraphReports.Analytics.Events;

namespace GraphReports.Indexer.Tests;

/// <summary>docs/events.md is the event format's contract: it must keep up with the validator.</summary>
public class EventsDocTests
{
    private static readonly string Doc = File.ReadAllText(Path.Combine(BuiltHosts.RepositoryRoot, "docs", "events.md"));

    private static readonly EventFields[] EveryField = Enum.GetValues<EventFields>().Where(f => f != EventFields.None).ToArray();

    // The members of nested objects the validator reads (src/Analytics/Events/NestedObjects.cs).
    private static readonly string[] NestedMembers =
    [
        "asset.id", "asset.name", "asset.folder", "asset.type", "collection.id", "collection.name",
        "download.bulk", "download.batch", "download.preset", "upload.bulk", "upload.batch",
        "search.kind", "search.text", "search.filters", "search.expression", "search.reference", "search.results",
    ];

    public static TheoryData<string> EventTypes() => new(EventTypeNames.All.Select(t => t.ToWire()));

    [Theory]
    [MemberData(nameof(EventTypes))]
    public void Every_event_type_has_a_row_naming_every_field_it_requires(string wireName)
    {
        var type = EventTypeNames.All.Single(t => t.ToWire() == wireName);
        var section = Doc[Doc.IndexOf("\n## Event types", StringComparison.Ordinal)..];
        section = section[..section.IndexOf("\n## ", 1, StringComparison.Ordinal)];
        var row = section.Split('\n').SingleOrDefault(l => l.StartsWith($"| `{wireName}` |", StringComparison.Ordinal));
        Assert.True(row is not null, $"docs/events.md has no row for the event type `{wireName}`");
        var required = row!.Split('|', StringSplitOptions.TrimEntries)[^2];
        var needs = EventRequirements.For(type);
        foreach (var field in EveryField)
        {
            var named = required.Contains($"`{EventRequirements.WireName(field)}`", StringComparison.Ordinal);
            Assert.True(named == needs.HasFlag(field),
                $"`{wireName}`: docs/events.md {(named ? "requires" : "does not require")} `{EventRequirements.WireName(field)}`; the validator {(needs.HasFlag(field) ? "does" : "does not")}.");
        }
    }

    [Fact]
    public void Every_field_member_and_enum_value_the_validator_reads_is_described()
    {
        string[] names =
        [
            "id", "type", "timestamp", "visitor", "environment",
            .. EveryField.Select(EventRequirements.WireName),
            .. NestedMembers,
            .. Enum.GetValues<SearchKind>().Select(k => k.ToWire()),
            .. Enum.GetValues<UsageChannel>().Select(c => c.ToWire()),
        ];
        Assert.All(names, name => Assert.Contains($"`{name}`", Doc));
    }

    [Fact]
    public void The_limits_of_the_validator_are_the_documented_ones()
    {
        Assert.Contains($"string of 1 to {EventJsonReader.MaxIdLength} characters | Required.", Doc);
        Assert.Contains($"Strings are at most {EventJsonReader.MaxStringLength} characters", Doc);
        Assert.Contains($"a short word of 1 to {EventJsonReader.MaxAssetTypeLength} characters", Doc);
        Assert.Contains($"At most {EventJsonReader.MaxFutureSkew.TotalMinutes:0} minutes ahead of the server's clock", Doc);
        Assert.Contains("integer from 1 to 5", Doc);
    }

    [Fact]
    public void The_projects_documents_carry_the_specification_themselves_and_link_nothing_outside_the_repository()
    {
        var root = BuiltHosts.RepositoryRoot;
        var documents = Directory.EnumerateFiles(Path.Combine(root, "docs"), "*.md").Append(Path.Combine(root, "README.md"));
        Assert.All(documents, path =>
        {
            var text = File.ReadAllText(path);
            Assert.DoesNotContain("../shared", text);
            Assert.DoesNotContain("REPORTS.md", text); // a file a clone does not have
        });
    }
}
