using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using GraphReports.Analytics.Events;

namespace GraphReports.Analytics.Tests.Events;

public class EventJsonReaderTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 22, 12, 0, 0, TimeSpan.Zero);
    private readonly EventJsonReader _reader = new(new FixedClock(Now));

    /// <summary>A valid event of every field a type needs; tests change one thing.</summary>
    private static JsonObject Valid(string type = "download") => new()
    {
        ["id"] = "evt-1",
        ["type"] = type,
        ["timestamp"] = "2026-11-22T10:15:00+01:00",
        ["user"] = "u-1",
        ["session"] = "s-1",
        ["asset"] = new JsonObject { ["id"] = "a-1", ["name"] = "Logo", ["folder"] = "brand/logos", ["type"] = "image" },
        ["collection"] = new JsonObject { ["id"] = "c-1", ["name"] = "Press kit" },
        ["search"] = new JsonObject { ["kind"] = "text", ["text"] = "red car" },
        ["download"] = new JsonObject { ["bulk"] = false },
        ["upload"] = new JsonObject { ["bulk"] = true, ["batch"] = "b-1" },
        ["rating"] = 4,
        ["channel"] = "social",
        ["page"] = "https://example.com/products/1",
    };

    private EventReadResult Read(JsonObject json) => _reader.Read(Encoding.UTF8.GetBytes(json.ToJsonString()));

    private EventReadResult Read(string json) => _reader.Read(Encoding.UTF8.GetBytes(json));

    private ActivityEvent Accepted(JsonObject json)
    {
        var result = Read(json);
        Assert.True(result.IsAccepted, result.Error);
        return result.Event!;
    }

    private void Rejected(JsonObject json, string field, string message)
    {
        var result = Read(json);
        Assert.False(result.IsAccepted);
        Assert.Equal(message, result.Error);
        Assert.Equal(field, result.Field);
    }

    private static JsonObject With(Action<JsonObject> change, string type = "download")
    {
        var json = Valid(type);
        change(json);
        return json;
    }

    // ---- accepted events

    [Fact]
    public void A_complete_download_event_keeps_every_field()
    {
        var e = Accepted(With(j => j["visitor"] = "v-9"));
        Assert.Equal("evt-1", e.Id);
        Assert.Equal(EventType.Download, e.Type);
        Assert.Equal(new DateTimeOffset(2026, 11, 22, 10, 15, 0, TimeSpan.FromHours(1)), e.Timestamp);
        Assert.Equal(TimeSpan.FromHours(1), e.Timestamp.Offset);
        Assert.Equal("u-1", e.User);
        Assert.Equal("s-1", e.Session);
        Assert.Equal(new AssetRef("a-1", "Logo", "brand/logos", "image"), e.Asset);
        Assert.Equal(new CollectionRef("c-1", "Press kit"), e.Collection);
        Assert.Equal(SearchKind.Text, e.Search!.Kind);
        Assert.Equal(new DownloadDetails(false), e.Download);
        Assert.Equal(new UploadDetails(true, "b-1"), e.Upload);
        Assert.Equal(4, e.Rating);
        Assert.Equal(UsageChannel.Social, e.Channel);
        Assert.Equal("https://example.com/products/1", e.Page);
        Assert.Equal("v-9", e.Visitor);
    }

    [Fact]
    public void A_search_object_keeps_filters_expression_reference_and_results()
    {
        var e = Accepted(With(j => j["search"] = JsonNode.Parse("""
            {"kind":"visual_image","text":" Red car ","filters":[{"field":"tag","value":"car"},{"field":"folder","value":"a/b"}],
             "expression":"tags:car AND x","reference":{"id":"img-7","name":"Red car.jpg"},"results":0}
            """), "search"));
        var s = e.Search!;
        Assert.Equal(SearchKind.VisualImage, s.Kind);
        Assert.Equal(" Red car ", s.Text);
        Assert.Equal([new SearchFilter("tag", "car"), new SearchFilter("folder", "a/b")], s.Filters);
        Assert.Equal("tags:car AND x", s.Expression);
        Assert.Equal(new ReferenceImage("img-7", "Red car.jpg"), s.Reference);
        Assert.Equal(0, s.Results);
    }

    [Theory]
    [InlineData("""{"id":"1","type":"session.started","timestamp":"2026-11-01T00:00:00Z","user":"u","session":"s"}""")]
    [InlineData("""{"id":"2","type":"search","timestamp":"2026-11-01T00:00:00Z","user":"u","session":"s","search":{"kind":"filters"}}""")]
    [InlineData("""{"id":"3","type":"download","timestamp":"2026-11-01T00:00:00Z","user":"u","session":"s","asset":{"id":"a"},"download":{"bulk":true,"batch":"b"}}""")]
    [InlineData("""{"id":"4","type":"upload","timestamp":"2026-11-01T00:00:00Z","user":"u","session":"s","asset":{"id":"a"},"upload":{"bulk":false}}""")]
    [InlineData("""{"id":"5","type":"collection.created","timestamp":"2026-11-01T00:00:00Z","user":"u","session":"s","collection":{"id":"c"}}""")]
    [InlineData("""{"id":"6","type":"collection.viewed","timestamp":"2026-11-01T00:00:00Z","collection":{"id":"c"},"visitor":"v"}""")]
    [InlineData("""{"id":"7","type":"collection.downloaded","timestamp":"2026-11-01T00:00:00Z","collection":{"id":"c"},"asset":{"id":"a"},"download":{"bulk":false,"preset":"web"}}""")]
    [InlineData("""{"id":"8","type":"asset.impression","timestamp":"2026-11-01T00:00:00Z","asset":{"id":"a"},"page":"http://shop.example/p"}""")]
    [InlineData("""{"id":"9","type":"asset.click","timestamp":"2026-11-01T00:00:00Z","asset":{"id":"a"},"page":"https://shop.example/p?q=1"}""")]
    [InlineData("""{"id":"10","type":"asset.rated","timestamp":"2026-11-01T00:00:00Z","asset":{"id":"a"},"rating":5}""")]
    [InlineData("""{"id":"11","type":"asset.used","timestamp":"2026-11-01T00:00:00Z","asset":{"id":"a"},"channel":"web_mobile"}""")]
    public void The_minimal_event_of_each_type_is_accepted(string json)
    {
        var result = Read(json);
        Assert.True(result.IsAccepted, result.Error);
    }

    [Fact]
    public void Anonymous_events_carry_no_user()
    {
        var result = Read("""{"id":"6","type":"collection.viewed","timestamp":"2026-11-01T00:00:00Z","collection":{"id":"c"}}""");
        Assert.Null(result.Event!.User);
        Assert.Null(result.Event.Session);
    }

    [Fact]
    public void A_null_preset_means_the_original_file()
    {
        var e = Accepted(With(j => j["download"] = new JsonObject { ["bulk"] = false, ["preset"] = null }));
        Assert.Null(e.Download!.Preset);
    }

    [Fact]
    public void Unknown_properties_are_ignored_for_forward_compatibility()
    {
        var e = Accepted(With(j =>
        {
            j["new_field"] = new JsonObject { ["nested"] = new JsonArray(1, 2, 3) };
            ((JsonObject)j["asset"]!)["colour"] = "red";
        }));
        Assert.Equal("a-1", e.Asset!.Id);
    }

    [Fact]
    public void Null_means_absent_for_optional_fields()
    {
        var e = Accepted(With(j => { j["visitor"] = null; j["rating"] = null; j["collection"] = null; }));
        Assert.Null(e.Visitor);
        Assert.Null(e.Rating);
        Assert.Null(e.Collection);
    }

    [Fact]
    public void Escaped_property_names_and_values_are_read()
    {
        var e = Accepted(JsonNode.Parse("""
            {"\u0069d":"a\u00e9","type":"session.started","timestamp":"2026-11-01T00:00:00\u005A","user":"u","session":"s"}
            """)!.AsObject());
        Assert.Equal("a\u00e9", e.Id);
        Assert.Equal(TimeSpan.Zero, e.Timestamp.Offset);
    }

    // ---- id

    [Fact]
    public void Missing_id_is_rejected() => Rejected(With(j => j.Remove("id")), "id", "`id` is required");

    [Fact]
    public void Empty_id_is_rejected() => Rejected(With(j => j["id"] = ""), "id", "`id` must not be empty");

    [Fact]
    public void Id_longer_than_64_characters_is_rejected() =>
        Rejected(With(j => j["id"] = new string('x', 65)), "id", "`id` must be at most 64 characters long, got 65");

    [Fact]
    public void Id_of_64_characters_is_accepted() => Assert.Equal(64, Accepted(With(j => j["id"] = new string('x', 64))).Id.Length);

    [Fact]
    public void Numeric_id_is_rejected() => Rejected(With(j => j["id"] = 42), "id", "`id` must be a string, got the number 42");

    // ---- type

    [Fact]
    public void Missing_type_is_rejected() =>
        Rejected(With(j => j.Remove("type")), "type",
            "`type` is required (one of session.started, search, download, upload, collection.created, collection.viewed, collection.downloaded, asset.impression, asset.click, asset.rated, asset.used)");

    [Fact]
    public void Unknown_type_is_rejected() =>
        Rejected(With(j => j["type"] = "Search"), "type",
            "`type` must be one of session.started, search, download, upload, collection.created, collection.viewed, collection.downloaded, asset.impression, asset.click, asset.rated, asset.used; got the string \"Search\"");

    // ---- timestamp

    [Fact]
    public void Missing_timestamp_is_rejected() =>
        Rejected(With(j => j.Remove("timestamp")), "timestamp",
            "`timestamp` is required (RFC 3339 with offset, e.g. 2026-11-22T10:15:00Z)");

    [Fact]
    public void Timestamp_without_offset_is_rejected() =>
        Rejected(With(j => j["timestamp"] = "2026-11-22T10:15:00"), "timestamp",
            "`timestamp` must carry a UTC offset (Z or ±hh:mm), e.g. 2026-11-22T10:15:00Z; got the string \"2026-11-22T10:15:00\"");

    [Theory]
    [InlineData("2026-11-22")]
    [InlineData("22/11/2026 10:15")]
    [InlineData("2026-02-30T10:15:00Z")]
    [InlineData("2026-11-22T24:00:00Z")]
    [InlineData("2026-11-22T10:15:00+1:00")]
    [InlineData("2026-11-22T10:15:00.Z")]
    [InlineData("2026-11-22T10:15:00+15:00")]
    public void Timestamp_that_is_not_RFC_3339_is_rejected(string value) =>
        Rejected(With(j => j["timestamp"] = value), "timestamp",
            $"`timestamp` must be an RFC 3339 date-time with offset, e.g. 2026-11-22T10:15:00Z or 2026-11-22T11:15:00+01:00; got the string \"{value}\"");

    [Fact]
    public void Timestamp_more_than_5_minutes_in_the_future_is_rejected() =>
        Rejected(With(j => j["timestamp"] = "2026-11-22T13:05:01+01:00"), "timestamp",
            "`timestamp` is more than 5 minutes in the future (2026-11-22T13:05:01+01:00 while the server time is 2026-11-22T12:00:00Z)");

    [Fact]
    public void Timestamp_exactly_5_minutes_ahead_is_accepted() =>
        Assert.Equal(Now.AddMinutes(5), Accepted(With(j => j["timestamp"] = "2026-11-22T12:05:00Z")).Timestamp);

    [Fact]
    public void Timestamp_months_in_the_past_is_accepted() =>
        Assert.Equal(2025, Accepted(With(j => j["timestamp"] = "2025-01-31T23:59:59.1234567891-05:30")).Timestamp.Year);

    [Fact]
    public void Timestamp_fraction_is_kept_to_the_tick_and_lower_case_letters_are_allowed()
    {
        var e = Accepted(With(j => j["timestamp"] = "2026-11-22t10:15:00.1234567z"));
        Assert.Equal(new DateTimeOffset(2026, 11, 22, 10, 15, 0, TimeSpan.Zero).AddTicks(1234567), e.Timestamp);
    }

    // ---- per-type requirements

    public static TheoryData<string, string> Requirements()
    {
        var data = new TheoryData<string, string>();
        foreach (var type in EventTypeNames.All)
            foreach (var field in Enum.GetValues<EventFields>().Where(f => f != EventFields.None && EventRequirements.For(type).HasFlag(f)))
                data.Add(type.ToWire(), EventRequirements.WireName(field));
        return data;
    }

    [Theory]
    [MemberData(nameof(Requirements))]
    public void Each_field_a_type_needs_is_required(string type, string field) =>
        Rejected(With(j => j.Remove(field), type), field, $"`{field}` is required for events of type `{type}`");

    [Fact]
    public void Requirements_follow_the_specification_table()
    {
        Assert.Equal(28, Requirements().Count);
        Assert.Equal(EventFields.Collection | EventFields.Asset | EventFields.Download, EventRequirements.For(EventType.CollectionDownloaded));
    }

    [Fact]
    public void A_required_field_sent_as_null_is_missing() =>
        Rejected(With(j => j["user"] = null, "search"), "user", "`user` is required for events of type `search`");

    [Fact]
    public void Empty_user_is_rejected() => Rejected(With(j => j["user"] = ""), "user", "`user` must not be empty");

    [Fact]
    public void Numeric_session_is_rejected() =>
        Rejected(With(j => j["session"] = 12), "session", "`session` must be a string, got the number 12");

    // ---- asset

    [Fact]
    public void Asset_that_is_not_an_object_is_rejected() =>
        Rejected(With(j => j["asset"] = "a-1"), "asset", "`asset` must be an object {id, name?, folder?, type?}, got the string \"a-1\"");

    [Fact]
    public void Asset_without_id_is_rejected() =>
        Rejected(With(j => j["asset"] = new JsonObject { ["name"] = "Logo" }), "asset.id", "`asset.id` is required");

    [Fact]
    public void Folder_with_leading_slash_is_rejected() =>
        Rejected(With(j => j["asset"]!["folder"] = "/brand/logos"), "asset.folder",
            "`asset.folder` must not start with '/' (a path like \"brand/logos\"), got \"/brand/logos\"");

    [Fact]
    public void Folder_with_an_empty_segment_is_rejected() =>
        Rejected(With(j => j["asset"]!["folder"] = "brand//logos"), "asset.folder",
            "`asset.folder` must not contain an empty segment (a path like \"brand/logos\"), got \"brand//logos\"");

    [Fact]
    public void Asset_type_longer_than_a_short_word_is_rejected() =>
        Rejected(With(j => j["asset"]!["type"] = new string('x', 33)), "asset.type", "`asset.type` must be at most 32 characters long, got 33");

    [Fact]
    public void Asset_name_of_the_wrong_type_is_rejected() =>
        Rejected(With(j => j["asset"]!["name"] = new JsonArray()), "asset.name", "`asset.name` must be a string, got an array");

    // ---- collection

    [Fact]
    public void Collection_without_id_is_rejected() =>
        Rejected(With(j => j["collection"] = new JsonObject { ["name"] = "x" }), "collection.id", "`collection.id` is required");

    // ---- search

    [Fact]
    public void Search_without_kind_is_rejected() =>
        Rejected(With(j => j["search"] = new JsonObject { ["text"] = "car" }, "search"), "search.kind", "`search.kind` is required");

    [Fact]
    public void Unknown_search_kind_is_rejected() =>
        Rejected(With(j => j["search"]!["kind"] = "fuzzy", "search"), "search.kind",
            "`search.kind` must be one of text, filters, expression, query_builder, visual_text, visual_image; got the string \"fuzzy\"");

    [Fact]
    public void Filters_that_are_not_an_array_are_rejected() =>
        Rejected(With(j => j["search"]!["filters"] = "tag:car", "search"), "search.filters",
            "`search.filters` must be an array of {field, value} objects, got the string \"tag:car\"");

    [Fact]
    public void A_filter_that_is_not_an_object_is_rejected() =>
        Rejected(With(j => j["search"]!["filters"] = new JsonArray("tag"), "search"), "search.filters[0]",
            "`search.filters[0]` must be an object {field, value}, got the string \"tag\"");

    [Fact]
    public void A_filter_value_of_the_wrong_type_names_its_position() =>
        Rejected(With(j => j["search"]!["filters"] = JsonNode.Parse("""
            [{"field":"a","value":"1"},{"field":"b","value":"2"},{"field":"c","value":3}]
            """), "search"), "search.filters[2].value", "`search.filters[2].value` must be a string, got the number 3");

    [Fact]
    public void A_filter_without_field_is_rejected() =>
        Rejected(With(j => j["search"]!["filters"] = JsonNode.Parse("""[{"value":"1"}]"""), "search"),
            "search.filters[0].field", "`search.filters[0].field` is required");

    [Fact]
    public void A_filter_without_value_is_rejected() =>
        Rejected(With(j => j["search"]!["filters"] = JsonNode.Parse("""[{"field":"tag"}]"""), "search"),
            "search.filters[0].value", "`search.filters[0].value` is required");

    [Fact]
    public void Reference_without_id_is_rejected() =>
        Rejected(With(j => j["search"]!["reference"] = new JsonObject { ["name"] = "x.jpg" }, "search"),
            "search.reference.id", "`search.reference.id` is required");

    [Fact]
    public void Negative_results_are_rejected() =>
        Rejected(With(j => j["search"]!["results"] = -1, "search"), "search.results",
            "`search.results` must be an integer of at least 0, got the number -1");

    [Fact]
    public void Fractional_results_are_rejected() =>
        Rejected(With(j => j["search"]!["results"] = 2.5, "search"), "search.results",
            "`search.results` must be an integer of at least 0, got the number 2.5");

    // ---- download and upload

    [Fact]
    public void Download_without_bulk_is_rejected() =>
        Rejected(With(j => j["download"] = new JsonObject { ["batch"] = "b" }), "download.bulk", "`download.bulk` is required");

    [Fact]
    public void Bulk_as_a_string_is_rejected() =>
        Rejected(With(j => j["download"]!["bulk"] = "yes"), "download.bulk", "`download.bulk` must be true or false, got the string \"yes\"");

    [Fact]
    public void Empty_preset_is_rejected() =>
        Rejected(With(j => j["download"]!["preset"] = ""), "download.preset", "`download.preset` must not be empty");

    [Fact]
    public void Upload_without_bulk_is_rejected() =>
        Rejected(With(j => j["upload"] = new JsonObject(), "upload"), "upload.bulk", "`upload.bulk` is required");

    [Fact]
    public void Upload_that_is_not_an_object_is_rejected() =>
        Rejected(With(j => j["upload"] = true, "upload"), "upload", "`upload` must be an object {bulk, batch?}, got true");

    // ---- rating, channel, page

    [Fact]
    public void Rating_as_a_string_is_rejected() =>
        Rejected(With(j => j["rating"] = "5", "asset.rated"), "rating", "`rating` must be an integer from 1 to 5, got the string \"5\"");

    [Theory]
    [InlineData("0")]
    [InlineData("6")]
    [InlineData("4.5")]
    public void Rating_outside_1_to_5_is_rejected(string value) =>
        Rejected(With(j => j["rating"] = JsonNode.Parse(value), "asset.rated"), "rating", $"`rating` must be an integer from 1 to 5, got the number {value}");

    [Fact]
    public void Unknown_channel_is_rejected() =>
        Rejected(With(j => j["channel"] = "tv", "asset.used"), "channel",
            "`channel` must be one of collection, web_mobile, social, email; got the string \"tv\"");

    [Theory]
    [InlineData("/products/1")]
    [InlineData("ftp://example.com/a.png")]
    [InlineData("example.com/products")]
    public void Page_that_is_not_an_absolute_http_url_is_rejected(string page) =>
        Rejected(With(j => j["page"] = page, "asset.impression"), "page", $"`page` must be an absolute http(s) URL, got \"{page}\"");

    // ---- object-level rules

    [Fact]
    public void Environment_in_the_body_is_rejected() =>
        Rejected(With(j => j["environment"] = "acme"), "environment",
            "`environment` must not be sent in an event: the environment comes from the credential the events are sent with");

    [Fact]
    public void A_property_sent_twice_is_rejected() =>
        Assert.Equal("`user` appears more than once",
            Read("""{"id":"1","type":"session.started","timestamp":"2026-11-01T00:00:00Z","user":"u","user":"v","session":"s"}""").Error);

    [Fact]
    public void A_value_that_is_not_an_object_is_rejected()
    {
        var result = Read("[1,2]");
        Assert.Equal("an event must be a JSON object, got an array", result.Error);
        Assert.False(result.IsMalformedJson);
    }

    [Fact]
    public void Malformed_json_is_reported_as_such()
    {
        var result = Read("""{"id":"1", """);
        Assert.True(result.IsMalformedJson);
        Assert.StartsWith("not valid JSON at byte 12: Expected start of a property name", result.Error);
    }

    [Fact]
    public void A_syntax_error_names_its_byte_in_the_event_and_not_the_readers_own_line_count()
    {
        var result = Read("""{"id":"1", "type": }""");
        Assert.Equal("not valid JSON at byte 20: '}' is an invalid start of a value.", result.Error);
        Assert.DoesNotContain("LineNumber", result.Error);
    }

    [Fact]
    public void Content_after_the_event_is_malformed() =>
        Assert.True(Read("""{"id":"1"} {"id":"2"}""").IsMalformedJson);

    [Fact]
    public void A_json_element_is_read_like_bytes()
    {
        using var doc = JsonDocument.Parse(Valid().ToJsonString());
        Assert.Equal("evt-1", _reader.Read(doc.RootElement).Event!.Id);
        using var number = JsonDocument.Parse("3");
        Assert.Equal("an event must be a JSON object, got a number", _reader.Read(number.RootElement).Error);
    }

    [Fact]
    public void An_array_of_events_is_walked_in_one_pass_past_rejected_ones()
    {
        var bad = With(j => j["search"] = JsonNode.Parse("""{"kind":"text","filters":[{"field":"a","value":{"deep":[1]}}]}"""), "search");
        var json = $"[{Valid().ToJsonString()}, {bad.ToJsonString()}, 7, {With(j => j["id"] = "evt-3").ToJsonString()}]";
        var reader = new Utf8JsonReader(Encoding.UTF8.GetBytes(json));
        reader.Read();
        var results = new List<EventReadResult>();
        while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
            results.Add(_reader.ReadObject(ref reader));
        Assert.Equal(4, results.Count);
        Assert.Equal("evt-1", results[0].Event!.Id);
        Assert.Equal("search.filters[0].value", results[1].Field);
        Assert.Equal("an event must be a JSON object, got the number 7", results[2].Error);
        Assert.Equal("evt-3", results[3].Event!.Id);
    }
}
