using System.Security.Cryptography;
using System.Text;

namespace GraphReports.Analytics.Environments;

/// <summary>The one way a key becomes the digest that configuration stores: SHA-256 of its UTF-8 bytes, lower-case hex.</summary>
public static class KeyHasher
{
    /// <summary>Lower-case hex SHA-256 digest of <paramref name="key"/>.</summary>
    public static string Hash(string key) => Convert.ToHexStringLower(Digest(key));

    internal static byte[] Digest(string key) => SHA256.HashData(Encoding.UTF8.GetBytes(key));

    internal static bool TryParseDigest(string? hex, out byte[] digest)
    {
        digest = [];
        if (hex is null || hex.Length != 64) return false;
        try { digest = Convert.FromHexString(hex); return true; }
        catch (FormatException) { return false; }
    }
}
