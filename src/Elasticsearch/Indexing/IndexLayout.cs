namespace GraphReports.Elasticsearch.Indexing;

/// <summary>
/// The names the store uses, all derived from <see cref="ElasticsearchStoreOptions.IndexPrefix"/>.
/// One index holds every environment's events (documents routed by environment); it is never
/// split by time, so that an event id is unique in one place whatever its timestamp
/// (docs/elasticsearch.md, "De-duplication").
/// </summary>
public sealed record IndexLayout(string Prefix)
{
    /// <summary>The version of <see cref="IndexTemplate"/> this build writes; part of the index name.</summary>
    public const int TemplateVersion = 1;

    /// <summary>The concrete index the writer writes to (<c>create</c> actions target it by name).</summary>
    public string EventsIndex => $"{Prefix}-events-v{TemplateVersion}";

    /// <summary>The alias every search reads through, so that a reindex can move it without a code change.</summary>
    public string ReadAlias => $"{Prefix}-events";

    /// <summary>The composable index template holding the mappings.</summary>
    public string TemplateName => $"{Prefix}-events";

    /// <summary>The pattern the template applies to.</summary>
    public string IndexPattern => $"{Prefix}-events-v*";

    public static IndexLayout From(ElasticsearchStoreOptions options)
    {
        var prefix = options.IndexPrefix;
        if (string.IsNullOrWhiteSpace(prefix) || prefix != prefix.ToLowerInvariant() || prefix.StartsWith('_') || prefix.StartsWith('-')
            || prefix.Any(c => c is '\\' or '/' or '*' or '?' or '"' or '<' or '>' or '|' or ' ' or ',' or '#' or ':'))
            throw new ArgumentException($"GraphReports:Elasticsearch:IndexPrefix '{prefix}' is not a valid index name prefix (lower case, no spaces or \\/*?\"<>|,#:, not starting with _ or -).");
        return new IndexLayout(prefix);
    }
}
