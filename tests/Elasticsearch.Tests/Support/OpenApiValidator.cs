using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace GraphReports.Elasticsearch.Tests.Support;

/// <summary>
/// A strict check of request documents against Elastic's OpenAPI description (reference/). It resolves
/// <c>$ref</c>, merges <c>allOf</c>, tries each branch of <c>oneOf</c>/<c>anyOf</c>, and checks types,
/// enums, required properties and property counts. Unlike the description itself it treats every
/// property an object schema does not declare as an error (a misspelt key would otherwise pass):
/// objects are free-form only where the schema declares no property at all.
/// </summary>
public sealed class OpenApiValidator
{
    private readonly JsonElement _root;

    private OpenApiValidator(JsonElement root) => _root = root;

    public static OpenApiValidator Instance { get; } = Load();

    private static OpenApiValidator Load()
    {
        using var stream = File.OpenRead(Path.Combine(AppContext.BaseDirectory, "reference", "elasticsearch-serverless-openapi-9.5.json"));
        return new OpenApiValidator(JsonDocument.Parse(stream).RootElement.Clone());
    }

    /// <summary>The errors of <paramref name="value"/> against <c>#/components/schemas/<paramref name="schemaName"/></c> (empty when valid).</summary>
    public IReadOnlyList<string> Validate(JsonNode? value, string schemaName)
    {
        var errors = new List<string>();
        Check(Schema("#/components/schemas/" + schemaName), value, "$", errors);
        return errors;
    }

    /// <summary>The schema of an operation's JSON request body (<c>requestBody</c>, resolved).</summary>
    public JsonElement RequestBodySchema(string path, string method)
    {
        var body = Resolve(Operation(path, method).GetProperty("requestBody"));
        return Resolve(body.GetProperty("content").GetProperty("application/json").GetProperty("schema"));
    }

    /// <summary>Errors of a body against the operation's request schema.</summary>
    public IReadOnlyList<string> ValidateRequestBody(string path, string method, JsonNode? body)
    {
        var errors = new List<string>();
        Check(RequestBodySchema(path, method), body, "$", errors);
        return errors;
    }

    /// <summary>Query-string parameters of a request that its operation does not declare.</summary>
    public IReadOnlyList<string> UndeclaredQueryParameters(string pathAndQuery, string method)
    {
        var parts = pathAndQuery.Split('?', 2);
        var declared = new HashSet<string>(StringComparer.Ordinal);
        var operation = Operation(OperationPath(parts[0]), method);
        if (operation.TryGetProperty("parameters", out var parameters))
            foreach (var p in parameters.EnumerateArray().Select(Resolve))
                if (p.GetProperty("in").GetString() == "query") declared.Add(p.GetProperty("name").GetString()!);
        if (parts.Length == 1) return [];
        return parts[1].Split('&').Select(kv => Uri.UnescapeDataString(kv.Split('=')[0])).Where(k => !declared.Contains(k)).ToArray();
    }

    /// <summary>The templated path of the description that a concrete path matches (<c>/gr-events-v1</c> → <c>/{index}</c>).</summary>
    public string OperationPath(string concretePath)
    {
        var paths = _root.GetProperty("paths");
        if (paths.TryGetProperty(concretePath, out _)) return concretePath;
        foreach (var p in paths.EnumerateObject())
        {
            var pattern = "^" + Regex.Replace(Regex.Escape(p.Name), @"\\\{[^}]+}", "[^/]+") + "$";
            if (!p.Name.Contains('{') || !Regex.IsMatch(concretePath, pattern)) continue;
            // Prefer the path with the most literal segments (/_index_template/{name} over /{index}/{type}).
            return paths.EnumerateObject().Where(q => Regex.IsMatch(concretePath, "^" + Regex.Replace(Regex.Escape(q.Name), @"\\\{[^}]+}", "[^/]+") + "$"))
                .OrderByDescending(q => q.Name.Count(c => c == '{') == 0 ? 100 : q.Name.Split('/').Count(s => !s.StartsWith('{'))).First().Name;
        }
        throw new KeyNotFoundException($"No path of the OpenAPI description matches {concretePath}.");
    }

    private JsonElement Operation(string path, string method) =>
        _root.GetProperty("paths").GetProperty(path).GetProperty(method.ToLowerInvariant());

    private JsonElement Schema(string reference)
    {
        var node = _root;
        foreach (var part in reference.TrimStart('#', '/').Split('/')) node = node.GetProperty(part.Replace("~1", "/").Replace("~0", "~"));
        return node;
    }

    private JsonElement Resolve(JsonElement schema)
    {
        while (schema.ValueKind == JsonValueKind.Object && schema.TryGetProperty("$ref", out var r)) schema = Schema(r.GetString()!);
        return schema;
    }

    /// <summary>
    /// Two schemas whose real shape has one key that is a field name, which the description cannot express
    /// (it declares only their fixed keys): the <c>terms</c> query (<c>{"field": [values]}</c>) and a sort
    /// on a field (<c>{"field": {"order": ...}}</c>). Their field-named key is checked against the shape that
    /// Elastic's reference documents (at most one such key; values as named here), every other key strictly.
    /// </summary>
    private static readonly Dictionary<string, Func<OpenApiValidator, JsonNode?, string, List<string>, bool>> FieldKeyed = new(StringComparer.Ordinal)
    {
        ["#/components/schemas/_types.query_dsl.TermsQuery"] = (v, value, path, errors) =>
        {
            if (value is not JsonArray values) { errors.Add($"{path}: a terms query's field takes an array of values"); return false; }
            for (var i = 0; i < values.Count; i++) v.Check(v.Schema("#/components/schemas/_types.FieldValue"), values[i], $"{path}[{i}]", errors);
            return true;
        },
        ["#/components/schemas/_types.SortOptions"] = (v, value, path, errors) =>
        {
            if (value is not JsonObject sort) { errors.Add($"{path}: a field sort is an object"); return false; }
            foreach (var (key, child) in sort)
            {
                switch (key)
                {
                    case "order": v.Check(v.Schema("#/components/schemas/_types.SortOrder"), child, $"{path}.order", errors); break;
                    case "mode": v.Check(v.Schema("#/components/schemas/_types.SortMode"), child, $"{path}.mode", errors); break;
                    case "missing" or "unmapped_type" or "numeric_type" or "format": break;
                    default: errors.Add($"{path}: unknown property '{key}' of a field sort"); break;
                }
            }
            return true;
        },
    };

    private void Check(JsonElement schema, JsonNode? value, string path, List<string> errors)
    {
        if (FieldKeyedReference(schema) is { } reference && FieldKeyed.TryGetValue(reference, out var fieldValue) && value is JsonObject keyed)
        {
            schema = Schema(reference);
            var fixedProperties = new Dictionary<string, JsonElement>(StringComparer.Ordinal);
            var ignoredRequired = new List<string>();
            JsonElement? ignoredAdditional = null;
            var ignoredObject = false;
            Collect(Resolve(schema), fixedProperties, ignoredRequired, ref ignoredAdditional, ref ignoredObject);
            var fields = keyed.Where(p => !fixedProperties.ContainsKey(p.Key)).ToArray();
            if (fields.Length != 1) errors.Add($"{path}: exactly one field expected, got {fields.Length}");
            foreach (var (key, child) in keyed)
            {
                if (fixedProperties.TryGetValue(key, out var fixedSchema)) Check(fixedSchema, child, $"{path}.{key}", errors);
                else fieldValue(this, child, $"{path}.{key}", errors);
            }
            return;
        }
        schema = Resolve(schema);
        if (schema.ValueKind != JsonValueKind.Object) return;

        foreach (var keyword in new[] { "oneOf", "anyOf" })
        {
            if (!schema.TryGetProperty(keyword, out var branches)) continue;
            List<string>? best = null;
            var bestFits = false;
            foreach (var branch in branches.EnumerateArray())
            {
                var attempt = new List<string>();
                Check(branch, value, path, attempt);
                if (attempt.Count == 0) { best = attempt; break; }
                // The closest branch to report: one of the value's own JSON type first, then the fewest errors.
                var fits = Fits(TypeOf(Resolve(branch)), value);
                if (best is null || (fits && !bestFits) || (fits == bestFits && attempt.Count < best.Count)) { best = attempt; bestFits = fits; }
            }
            if (best is { Count: > 0 }) errors.Add($"{path}: matches no branch of {keyword}; closest: {string.Join("; ", best.Take(3))}");
        }

        // allOf: one object made of every branch's properties, plus each branch's other constraints.
        var properties = new Dictionary<string, JsonElement>(StringComparer.Ordinal);
        var required = new List<string>();
        JsonElement? additional = null;
        var declaresObject = false;
        Collect(schema, properties, required, ref additional, ref declaresObject);

        if (schema.TryGetProperty("allOf", out var all))
            foreach (var branch in all.EnumerateArray().Select(Resolve))
                if (branch.TryGetProperty("oneOf", out _) || branch.TryGetProperty("anyOf", out _)) Check(branch, value, path, errors);

        var type = TypeOf(schema);
        if (value is null)
        {
            if (!(schema.TryGetProperty("nullable", out var n) && n.GetBoolean()) && type is not null and not "null") errors.Add($"{path}: null where {type} is expected");
            return;
        }

        if (schema.TryGetProperty("enum", out var allowed) && value is JsonValue)
        {
            var text = value.ToJsonString();
            if (!allowed.EnumerateArray().Any(a => a.GetRawText() == text)) errors.Add($"{path}: {text} is not one of {allowed.GetRawText()}");
        }

        switch (value)
        {
            case JsonObject o:
                if (type is not null and not "object") { errors.Add($"{path}: an object where {type} is expected"); return; }
                foreach (var name in required.Where(r => !o.ContainsKey(r))) errors.Add($"{path}: required property '{name}' is missing");
                // Property counts bound the keys of the (allOf branch) schema that declares them: an aggregation
                // container takes one aggregation type beside its optional sub-aggregations.
                foreach (var bound in BoundsOf(schema))
                {
                    var keys = o.Select(p => p.Key).Where(k => bound.Names.Count == 0 || bound.Names.Contains(k)).ToArray();
                    if (bound.Min is { } min && keys.Length < min) errors.Add($"{path}: at least {min} properties expected, got {keys.Length}");
                    if (bound.Max is { } max && keys.Length > max) errors.Add($"{path}: at most {max} properties expected, got {keys.Length} ({string.Join(", ", keys)})");
                }
                foreach (var (key, child) in o)
                {
                    if (properties.TryGetValue(key, out var propertySchema)) Check(propertySchema, child, $"{path}.{key}", errors);
                    else if (additional is { ValueKind: JsonValueKind.Object } extra) Check(extra, child, $"{path}.{key}", errors);
                    else if (additional is { ValueKind: JsonValueKind.False } || properties.Count > 0) errors.Add($"{path}: unknown property '{key}'");
                }
                break;
            case JsonArray a:
                if (type is not null and not "array") { errors.Add($"{path}: an array where {type} is expected"); return; }
                if (schema.TryGetProperty("items", out var items))
                    for (var i = 0; i < a.Count; i++) Check(items, a[i], $"{path}[{i}]", errors);
                break;
            case JsonValue v:
                var kind = v.GetValueKind();
                var ok = type switch
                {
                    null => !declaresObject,
                    "string" => kind == JsonValueKind.String,
                    "number" => kind == JsonValueKind.Number,
                    "integer" => kind == JsonValueKind.Number && !v.ToJsonString().Contains('.'),
                    "boolean" => kind is JsonValueKind.True or JsonValueKind.False,
                    _ => false,
                };
                if (!ok) errors.Add($"{path}: {v.ToJsonString()} where {type ?? "an object"} is expected");
                break;
        }
    }

    private sealed record Bound(HashSet<string> Names, int? Min, int? Max);

    /// <summary>The property-count bounds of a schema and of its allOf branches, each over the keys its branch declares.</summary>
    private IEnumerable<Bound> BoundsOf(JsonElement schema)
    {
        schema = Resolve(schema);
        int? min = schema.TryGetProperty("minProperties", out var a) ? a.GetInt32() : null;
        int? max = schema.TryGetProperty("maxProperties", out var b) ? b.GetInt32() : null;
        if (min is not null || max is not null)
            yield return new Bound(schema.TryGetProperty("properties", out var p) ? p.EnumerateObject().Select(x => x.Name).ToHashSet(StringComparer.Ordinal) : [], min, max);
        if (schema.TryGetProperty("allOf", out var all))
            foreach (var branch in all.EnumerateArray())
                foreach (var bound in BoundsOf(branch))
                    yield return bound;
    }

    /// <summary>The <c>$ref</c> of a schema that is (or wraps in a one-branch <c>allOf</c>) a field-keyed schema.</summary>
    private static string? FieldKeyedReference(JsonElement schema)
    {
        if (schema.ValueKind != JsonValueKind.Object) return null;
        if (schema.TryGetProperty("$ref", out var r) && FieldKeyed.ContainsKey(r.GetString()!)) return r.GetString();
        if (schema.TryGetProperty("allOf", out var all) && all.GetArrayLength() == 1) return FieldKeyedReference(all[0]);
        return null;
    }

    private void Collect(JsonElement schema, Dictionary<string, JsonElement> properties, List<string> required, ref JsonElement? additional, ref bool declaresObject)
    {
        schema = Resolve(schema);
        if (schema.TryGetProperty("properties", out var p))
        {
            declaresObject = true;
            foreach (var prop in p.EnumerateObject()) properties[prop.Name] = prop.Value;
        }
        if (schema.TryGetProperty("required", out var r)) required.AddRange(r.EnumerateArray().Select(x => x.GetString()!));
        if (schema.TryGetProperty("additionalProperties", out var a)) { additional = a; declaresObject = true; }
        if (TypeOf(schema) == "object") declaresObject = true;
        if (schema.TryGetProperty("allOf", out var all))
            foreach (var branch in all.EnumerateArray()) Collect(branch, properties, required, ref additional, ref declaresObject);
    }

    private static bool Fits(string? type, JsonNode? value) => (type, value) switch
    {
        ("object", JsonObject) or ("array", JsonArray) => true,
        ("string" or "number" or "integer" or "boolean", JsonValue) => true,
        _ => false,
    };

    private string? TypeOf(JsonElement schema)
    {
        if (schema.TryGetProperty("type", out var t)) return t.GetString();
        if (schema.TryGetProperty("allOf", out var all))
            foreach (var branch in all.EnumerateArray())
                if (TypeOf(Resolve(branch)) is { } type) return type;
        return null;
    }
}
