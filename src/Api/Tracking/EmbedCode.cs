using System.Net;
using GraphReports.Analytics.Environments;

namespace GraphReports.Api.Tracking;

/// <summary>
/// The HTML a site owner pastes to have an asset's image counted: the image with the
/// <c>data-graphreports-asset</c> attribute, and the one script tag (once per page) that loads the
/// tracker with the site key. Every value is HTML-escaped.
/// </summary>
public sealed record EmbedCode(SiteKey SiteKey, string AssetId, string TrackerUrl, string Attribute, string Image, string Script)
{
    /// <summary>The attribute that names the asset of an image; tracker.js looks for it.</summary>
    public const string AssetAttribute = "data-graphreports-asset";

    /// <summary>The attribute of the script tag that carries the site key.</summary>
    public const string SiteKeyAttribute = "data-site-key";

    /// <summary>The image, then the script tag.</summary>
    public string Html => Image + "\n" + Script;

    public static EmbedCode Create(SiteKey siteKey, string assetId, string imageUrl, string? alt, string trackerUrl)
    {
        var attribute = $"{AssetAttribute}=\"{Escape(assetId)}\"";
        var image = $"<img src=\"{Escape(imageUrl)}\" alt=\"{Escape(alt ?? "")}\" {attribute}>";
        var script = $"<script async src=\"{Escape(trackerUrl)}\" {SiteKeyAttribute}=\"{Escape(siteKey.Key)}\"></script>";
        return new EmbedCode(siteKey, assetId, trackerUrl, attribute, image, script);
    }

    private static string Escape(string value) => WebUtility.HtmlEncode(value);
}
