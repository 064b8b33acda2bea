using GraphReports.Analytics.Environments;
using GraphReports.Api.Tracking;
using GraphReports.GraphQL.Execution;
using GraphReports.GraphQL.Types;
using Microsoft.Extensions.Options;

namespace GraphReports.Api.Reports.Schema;

/// <summary>Tracked websites: the environment's site keys and the embed code of an asset (docs/site-tracking.md).</summary>
internal static class SiteTypes
{
    /// <summary><c>Environment.siteKeys</c>.</summary>
    public static ObjectTypeBuilder SiteKeysField(this ObjectTypeBuilder environment) => environment
        .Field("siteKeys", "[SiteKey!]!", f => f
            .Description("The public keys of the websites that send beacons to this environment (tracked images), in configuration order.")
            .ListSize(10)
            .Resolve(c => Directory(c).SiteKeysOf(c.SourceAs<ReportScope>().Environment.Id)));

    /// <summary><c>Environment.embedCode</c>.</summary>
    public static ObjectTypeBuilder EmbedCodeField(this ObjectTypeBuilder environment) => environment
        .Field("embedCode", "EmbedCode!", f => f
            .Description("""
                The HTML a site owner pastes into a web page so that the asset's image on that page is counted
                (impressions, clicks, ratings) for this environment. The asset needs no event yet. Fails with code
                `BAD_USER_INPUT` when the site key is not one of this environment's.
                """)
            .Argument("asset", "ID!", a => a.Description("The asset's identifier, as the media library sends it in events."))
            .Argument("siteKey", "String!", a => a.Description("One of this environment's site keys (`siteKeys`)."))
            .Argument("imageUrl", "String!", a => a.Description("Where the page loads the image from: an absolute http or https URL."))
            .Argument("alt", "String", a => a.Description("The image's text alternative for people who cannot see it; empty for a decorative image.").DefaultValue(""))
            .Resolve(c => Embed(c)));

    public static SchemaBuilder AddSiteTracking(this SchemaBuilder schema) => schema
        .Object("SiteKey", t => t
            .Description("A public key of a tracked website. It is written into the site's pages; what it may do is limited to the fields below.")
            .Value<SiteKey>("key", "String!", "The key, as the script tag's `data-site-key` carries it.", k => k.Key)
            .Value<SiteKey>("name", "String!", "The website's display name.", k => k.Name)
            .Value<SiteKey>("allowedOrigins", "[String!]!", "The origins (`scheme://host[:port]`) whose pages may send beacons with this key; beacons from any other origin are refused.", k => k.AllowedOrigins)
            .Value<SiteKey>("eventTypes", "[EventType!]!", "The event types this key may send (some of `ASSET_IMPRESSION`, `ASSET_CLICK`, `ASSET_RATED`).", k => k.EventTypes))
        .Object("EmbedCode", t => t
            .Description("What to paste into a web page to have an asset's image counted.")
            .Value<EmbedCode>("asset", "ID!", "The asset the image shows.", e => e.AssetId)
            .Value<EmbedCode>("siteKey", "SiteKey!", "The site key the page sends its beacons with.", e => e.SiteKey)
            .Value<EmbedCode>("trackerUrl", "String!", "Where the page loads the tracker from (the Indexer's public address, setting `GraphReports:Tracker:PublicUrl`).", e => e.TrackerUrl)
            .Value<EmbedCode>("html", "String!", "The image tag and the script tag, one per line: paste both. The script tag is needed once per page, however many images it has.", e => e.Html)
            .Value<EmbedCode>("image", "String!", "The image tag alone, with the attribute that names the asset.", e => e.Image)
            .Value<EmbedCode>("attribute", "String!", "The attribute alone, to add to an image tag the page already has.", e => e.Attribute)
            .Value<EmbedCode>("script", "String!", "The script tag alone (once per page).", e => e.Script));

    private static CredentialDirectory Directory(ResolveFieldContext context) => Services(context).GetRequiredService<CredentialDirectory>();

    private static IServiceProvider Services(ResolveFieldContext context) =>
        context.Services ?? throw new InvalidOperationException("The report schema needs the request's services.");

    private static EmbedCode Embed(ResolveFieldContext context)
    {
        var environment = context.SourceAs<ReportScope>().Environment;
        var assetId = context.Argument<string>("asset");
        if (string.IsNullOrWhiteSpace(assetId)) throw ReportErrors.BadInput("asset must name an asset; got an empty id.");
        var key = context.Argument<string>("siteKey");
        var site = Directory(context).FindSiteKey(key);
        if (site is null || site.Environment.Id != environment.Id)
        {
            var own = Directory(context).SiteKeysOf(environment.Id).Select(k => k.Key).ToArray();
            throw ReportErrors.BadInput($"'{key}' is not a site key of this environment; "
                + (own.Length == 0 ? "it has none (configure GraphReports:Environments:<id>:SiteKeys)." : $"its site keys are: {string.Join(", ", own)}."));
        }
        var imageUrl = context.Argument<string>("imageUrl");
        if (!Uri.TryCreate(imageUrl, UriKind.Absolute, out var image) || image.Scheme is not ("http" or "https"))
            throw ReportErrors.BadInput($"imageUrl must be an absolute http or https URL; got '{imageUrl}'.");
        var options = Services(context).GetService<IOptions<TrackerOptions>>()?.Value ?? new TrackerOptions();
        var trackerUrl = options.TrackerUrl()
            ?? throw new InvalidOperationException($"GraphReports:Tracker:PublicUrl '{options.PublicUrl}' is not an absolute http or https URL.");
        return EmbedCode.Create(site, assetId, imageUrl, context.Argument<string?>("alt"), trackerUrl);
    }
}
