using System.Text.Json;
using static GraphReports.Analytics.Events.EventJsonReader;

namespace GraphReports.Analytics.Events;

/// <summary>
/// Readers of the nested objects of an event (<c>asset</c>, <c>collection</c>, <c>search</c>,
/// <c>download</c>, <c>upload</c>), for <see cref="EventJsonReader"/>. Same conventions: null means
/// absent, unknown properties are skipped, a repeated property is refused, paths are dotted.
/// </summary>
internal static class NestedObjects
{
    public static bool TryAsset(ref Utf8JsonReader r, out AssetRef? asset, out Problem p)
    {
        asset = null;
        if (!EnterObject(ref r, "asset", "{id, name?, folder?, type?}", out p)) return false;
        if (r.TokenType == JsonTokenType.Null) return true;
        string? id = null, name = null, folder = null, type = null;
        var seen = 0;
        while (r.Read() && r.TokenType == JsonTokenType.PropertyName)
        {
            bool ok;
            string? why;
            string path;
            if (JsonText.Is(ref r, "id"u8))
            {
                if (!Next(ref r, ref seen, 1, path = "asset.id", out p)) return false;
                ok = TryString(ref r, 1, MaxStringLength, out id, out why);
            }
            else if (JsonText.Is(ref r, "name"u8))
            {
                if (!Next(ref r, ref seen, 2, path = "asset.name", out p)) return false;
                ok = TryString(ref r, 0, MaxStringLength, out name, out why);
            }
            else if (JsonText.Is(ref r, "folder"u8))
            {
                if (!Next(ref r, ref seen, 4, path = "asset.folder", out p)) return false;
                ok = TryString(ref r, 0, MaxStringLength, out folder, out why) && IsFolderPath(folder, out why);
            }
            else if (JsonText.Is(ref r, "type"u8))
            {
                if (!Next(ref r, ref seen, 8, path = "asset.type", out p)) return false;
                ok = TryString(ref r, 1, MaxAssetTypeLength, out type, out why);
            }
            else { SkipValue(ref r); continue; }
            if (!ok) return Fail(path, why, out p);
        }
        if (id is null) return Required("asset.id", out p);
        asset = new AssetRef(id, name, folder, type);
        return true;
    }

    public static bool TryCollection(ref Utf8JsonReader r, out CollectionRef? collection, out Problem p)
    {
        collection = null;
        if (!TryIdAndName(ref r, "collection", out var id, out var name, out var present, out p)) return false;
        if (present) collection = new CollectionRef(id!, name);
        return true;
    }

    public static bool TryDownload(ref Utf8JsonReader r, out DownloadDetails? download, out Problem p)
    {
        download = null;
        if (!TryTransfer(ref r, TransferFields.Download, out var present, out var bulk, out var batch, out var preset, out p)) return false;
        if (present) download = new DownloadDetails(bulk, batch, preset);
        return true;
    }

    public static bool TryUpload(ref Utf8JsonReader r, out UploadDetails? upload, out Problem p)
    {
        upload = null;
        if (!TryTransfer(ref r, TransferFields.Upload, out var present, out var bulk, out var batch, out _, out p)) return false;
        if (present) upload = new UploadDetails(bulk, batch);
        return true;
    }

    /// <summary>The field paths of <c>download</c> and <c>upload</c>: both are <c>{bulk, batch?}</c>, only downloads have a preset.</summary>
    private sealed record TransferFields(string Name, string Shape, string BulkPath, string BatchPath, string? PresetPath)
    {
        public static readonly TransferFields Download = new("download", "{bulk, batch?, preset?}", "download.bulk", "download.batch", "download.preset");
        public static readonly TransferFields Upload = new("upload", "{bulk, batch?}", "upload.bulk", "upload.batch", null);
    }

    /// <summary>Reads a <c>download</c> or <c>upload</c> object; <paramref name="present"/> is false for null.</summary>
    private static bool TryTransfer(ref Utf8JsonReader r, TransferFields fields, out bool present, out bool bulk, out string? batch, out string? preset, out Problem p)
    {
        present = false;
        bulk = false;
        batch = preset = null;
        if (!EnterObject(ref r, fields.Name, fields.Shape, out p)) return false;
        if (r.TokenType == JsonTokenType.Null) return true;
        bool? bulkValue = null;
        var seen = 0;
        while (r.Read() && r.TokenType == JsonTokenType.PropertyName)
        {
            bool ok;
            string? why;
            string path;
            if (JsonText.Is(ref r, "bulk"u8))
            {
                if (!Next(ref r, ref seen, 1, path = fields.BulkPath, out p)) return false;
                ok = TryBoolean(ref r, out bulkValue, out why);
            }
            else if (JsonText.Is(ref r, "batch"u8))
            {
                if (!Next(ref r, ref seen, 2, path = fields.BatchPath, out p)) return false;
                ok = TryString(ref r, 1, MaxStringLength, out batch, out why);
            }
            else if (fields.PresetPath is not null && JsonText.Is(ref r, "preset"u8))
            {
                if (!Next(ref r, ref seen, 4, path = fields.PresetPath, out p)) return false;
                ok = TryString(ref r, 1, MaxStringLength, out preset, out why);
            }
            else { SkipValue(ref r); continue; }
            if (!ok) return Fail(path, why, out p);
        }
        if (bulkValue is null) return Required(fields.BulkPath, out p);
        bulk = bulkValue.Value;
        present = true;
        return true;
    }

    public static bool TrySearch(ref Utf8JsonReader r, out SearchDetails? search, out Problem p)
    {
        search = null;
        if (!EnterObject(ref r, "search", "{kind, text?, filters?, expression?, reference?, results?}", out p)) return false;
        if (r.TokenType == JsonTokenType.Null) return true;
        SearchKind? kind = null;
        string? text = null, expression = null;
        List<SearchFilter>? filters = null;
        ReferenceImage? reference = null;
        int? results = null;
        var seen = 0;
        while (r.Read() && r.TokenType == JsonTokenType.PropertyName)
        {
            var ok = true;
            string? why = null;
            var path = "";
            if (JsonText.Is(ref r, "kind"u8))
            {
                if (!Next(ref r, ref seen, 1, path = "search.kind", out p)) return false;
                ok = TrySearchKind(ref r, out kind, out why);
            }
            else if (JsonText.Is(ref r, "text"u8))
            {
                if (!Next(ref r, ref seen, 2, path = "search.text", out p)) return false;
                ok = TryString(ref r, 0, MaxStringLength, out text, out why);
            }
            else if (JsonText.Is(ref r, "expression"u8))
            {
                if (!Next(ref r, ref seen, 4, path = "search.expression", out p)) return false;
                ok = TryString(ref r, 0, MaxStringLength, out expression, out why);
            }
            else if (JsonText.Is(ref r, "results"u8))
            {
                if (!Next(ref r, ref seen, 8, path = "search.results", out p)) return false;
                ok = TryInteger(ref r, 0, int.MaxValue, out results, out why);
            }
            else if (JsonText.Is(ref r, "filters"u8))
            {
                if (!Next(ref r, ref seen, 16, "search.filters", out p) || !TryFilters(ref r, out filters, out p)) return false;
            }
            else if (JsonText.Is(ref r, "reference"u8))
            {
                if (!Next(ref r, ref seen, 32, "search.reference", out p)
                    || !TryIdAndName(ref r, "search.reference", out var refId, out var refName, out var present, out p)) return false;
                if (present) reference = new ReferenceImage(refId!, refName);
            }
            else { SkipValue(ref r); continue; }
            if (!ok) return Fail(path, why, out p);
        }
        if (kind is null) return Required("search.kind", out p);
        search = new SearchDetails(kind.Value, text, filters, expression, reference, results);
        return true;
    }

    private static bool TryFilters(ref Utf8JsonReader r, out List<SearchFilter>? filters, out Problem p)
    {
        filters = null;
        p = default;
        if (r.TokenType == JsonTokenType.Null) return true;
        if (r.TokenType != JsonTokenType.StartArray)
            return Fail("search.filters", $"must be an array of {{field, value}} objects, got {Describe(ref r)}", out p);
        filters = [];
        while (r.Read() && r.TokenType != JsonTokenType.EndArray)
        {
            var index = filters.Count;
            if (r.TokenType != JsonTokenType.StartObject)
                return Fail($"search.filters[{index}]", $"must be an object {{field, value}}, got {Describe(ref r)}", out p);
            string? field = null, value = null;
            var seen = 0;
            while (r.Read() && r.TokenType == JsonTokenType.PropertyName)
            {
                bool ok;
                string? why;
                string member;
                if (JsonText.Is(ref r, "field"u8))
                {
                    if (!Next(ref r, ref seen, 1, $"search.filters[{index}].field", out p)) return false;
                    member = "field";
                    ok = TryString(ref r, 1, MaxStringLength, out field, out why);
                }
                else if (JsonText.Is(ref r, "value"u8))
                {
                    if (!Next(ref r, ref seen, 2, $"search.filters[{index}].value", out p)) return false;
                    member = "value";
                    ok = TryString(ref r, 0, MaxStringLength, out value, out why);
                }
                else { SkipValue(ref r); continue; }
                if (!ok) return Fail($"search.filters[{index}].{member}", why, out p);
            }
            if (field is null) return Required($"search.filters[{index}].field", out p);
            if (value is null) return Required($"search.filters[{index}].value", out p);
            filters.Add(new SearchFilter(field, value));
        }
        return true;
    }

    /// <summary>Reads <c>{id, name?}</c> (collections, reference images).</summary>
    private static bool TryIdAndName(ref Utf8JsonReader r, string path, out string? id, out string? name, out bool present, out Problem p)
    {
        id = name = null;
        present = false;
        if (!EnterObject(ref r, path, "{id, name?}", out p)) return false;
        if (r.TokenType == JsonTokenType.Null) return true;
        var seen = 0;
        while (r.Read() && r.TokenType == JsonTokenType.PropertyName)
        {
            bool ok;
            string? why;
            string member;
            if (JsonText.Is(ref r, "id"u8))
            {
                if (!Next(ref r, ref seen, 1, path + ".id", out p)) return false;
                member = "id";
                ok = TryString(ref r, 1, MaxStringLength, out id, out why);
            }
            else if (JsonText.Is(ref r, "name"u8))
            {
                if (!Next(ref r, ref seen, 2, path + ".name", out p)) return false;
                member = "name";
                ok = TryString(ref r, 0, MaxStringLength, out name, out why);
            }
            else { SkipValue(ref r); continue; }
            if (!ok) return Fail(path + "." + member, why, out p);
        }
        if (id is null) return Required(path + ".id", out p);
        present = true;
        return true;
    }

    private static bool IsFolderPath(string? folder, out string? why)
    {
        why = null;
        if (string.IsNullOrEmpty(folder)) return true; // "" is the library's root
        if (folder[0] == '/') why = $"must not start with '/' (a path like \"brand/logos\"), got \"{folder}\"";
        else if (folder.EndsWith('/') || folder.Contains("//", StringComparison.Ordinal))
            why = $"must not contain an empty segment (a path like \"brand/logos\"), got \"{folder}\"";
        return why is null;
    }

    /// <summary>Checks the value is an object (or null) and leaves the reader on it.</summary>
    private static bool EnterObject(ref Utf8JsonReader r, string path, string shape, out Problem p)
    {
        p = default;
        if (r.TokenType is JsonTokenType.StartObject or JsonTokenType.Null) return true;
        return Fail(path, $"must be an object {shape}, got {Describe(ref r)}", out p);
    }

    /// <summary>After a property name: refuses a repeat, then moves to the value.</summary>
    private static bool Next(ref Utf8JsonReader r, ref int seen, int bit, string path, out Problem p)
    {
        if (!FirstTime(ref seen, bit, path, out p)) return false;
        r.Read();
        return true;
    }

    private static void SkipValue(ref Utf8JsonReader r)
    {
        r.Read();
        r.Skip(); // unknown property: ignored, also when it holds an object or array
    }

    private static bool Fail(string path, string? why, out Problem p)
    {
        p = new Problem(path, $"`{path}` {why}");
        return false;
    }

    private static bool Required(string path, out Problem p)
    {
        p = new Problem(path, $"`{path}` is required");
        return false;
    }
}
