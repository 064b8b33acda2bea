using System.Security.Cryptography;

namespace GraphReports.Analytics.Environments;

/// <summary>
/// The configured environments and the keys that open them. Resolves an
/// <c>Authorization: Bearer &lt;key&gt;</c> header to (environment, kind of key): the key is hashed
/// and compared with every configured digest in constant time, so neither timing nor an early exit
/// tells an attacker how close a guess was. Built once at start; invalid configuration (bad time
/// zone, malformed digest, a digest given to two environments) fails the start with a clear message.
/// </summary>
public sealed class CredentialDirectory
{
    private readonly (byte[] Digest, Credential Credential)[] _keys;
    private readonly Dictionary<string, ProductEnvironment> _byId;
    private readonly Dictionary<string, SiteKey> _siteKeys = new(StringComparer.Ordinal);
    private readonly List<SiteKey> _siteKeyOrder = [];

    public CredentialDirectory(GraphReportsOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var environments = new List<ProductEnvironment>();
        var keys = new List<(byte[], Credential)>();
        var seen = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        var sites = new List<(SiteKey Key, string Where)>();
        foreach (var (id, env) in options.Environments)
        {
            if (string.IsNullOrWhiteSpace(id)) throw new InvalidOperationException("GraphReports:Environments has an entry without an id.");
            var environment = new ProductEnvironment(id, string.IsNullOrWhiteSpace(env.Name) ? id : env.Name, FindTimeZone(id, env.TimeZone));
            environments.Add(environment);
            AddKeys(environment, CredentialKind.Ingest, env.IngestKeyHashes, "IngestKeyHashes");
            AddKeys(environment, CredentialKind.Api, env.ApiKeyHashes, "ApiKeyHashes");
            for (var i = 0; i < env.SiteKeys.Count; i++)
                sites.Add(SiteKeySettings.Read(environment, env.SiteKeys[i], $"GraphReports:Environments:{id}:SiteKeys:{i}"));
        }
        // After every secret key is known, so that a site key can be checked against all of them.
        foreach (var site in sites) AddSiteKey(site);
        Environments = environments;
        _byId = environments.ToDictionary(e => e.Id, StringComparer.Ordinal);
        _keys = keys.ToArray();

        void AddSiteKey((SiteKey Key, string Where) site)
        {
            if (_siteKeys.TryGetValue(site.Key.Key, out var other))
                throw new InvalidOperationException($"{site.Where}:Key repeats the site key of environment '{other.Environment.Id}': every site key counts for exactly one environment.");
            // A site key is published in every tracked page: it must never also be a secret key.
            if (seen.ContainsKey(KeyHasher.Hash(site.Key.Key)))
                throw new InvalidOperationException($"{site.Where}:Key is also configured as an ingest or api key. Site keys are public (they are written into web pages): give the site a key of its own.");
            _siteKeys.Add(site.Key.Key, site.Key);
            _siteKeyOrder.Add(site.Key);
        }

        void AddKeys(ProductEnvironment environment, CredentialKind kind, IEnumerable<string> hashes, string setting)
        {
            foreach (var hash in hashes)
            {
                var where = $"GraphReports:Environments:{environment.Id}:{setting}";
                if (!KeyHasher.TryParseDigest(hash, out var digest))
                    throw new InvalidOperationException($"{where} holds '{hash}', which is not a SHA-256 digest (64 hex digits). Hash a key with `dotnet run --project src/Indexer -- hash-key <key>`.");
                if (seen.TryGetValue(hash, out var other))
                    throw new InvalidOperationException($"{where} repeats a key digest already given at {other}: every key must open exactly one environment for one purpose.");
                seen[hash] = where;
                keys.Add((digest, new Credential(environment, kind)));
            }
        }
    }

    /// <summary>The configured environments, in configuration order.</summary>
    public IReadOnlyList<ProductEnvironment> Environments { get; }

    /// <summary>The environment with this id, or null.</summary>
    public ProductEnvironment? Find(string id) => _byId.GetValueOrDefault(id);

    /// <summary>The site key with exactly this value (site keys are public and compared as they are), or null.</summary>
    public SiteKey? FindSiteKey(string? key) => key is null ? null : _siteKeys.GetValueOrDefault(key);

    /// <summary>The site keys of one environment, in configuration order.</summary>
    public IReadOnlyList<SiteKey> SiteKeysOf(string environmentId) =>
        _siteKeyOrder.Where(k => k.Environment.Id == environmentId).ToArray();

    /// <summary>The time zone of a configured environment; UTC for an id that is not configured (REPORTS.md §2 default).</summary>
    public TimeZoneInfo TimeZoneOf(string id) => Find(id)?.TimeZone ?? TimeZoneInfo.Utc;

    /// <summary>Resolves the value of an <c>Authorization</c> header (null when the header is absent).</summary>
    public CredentialResolution Resolve(string? authorizationHeader)
    {
        if (string.IsNullOrWhiteSpace(authorizationHeader))
            return new(CredentialStatus.Missing, null, "Missing credentials: send the header 'Authorization: Bearer <key>'.");
        var value = authorizationHeader.Trim();
        const string scheme = "Bearer ";
        if (!value.StartsWith(scheme, StringComparison.OrdinalIgnoreCase) || value.Length == scheme.Length)
            return new(CredentialStatus.Malformed, null, "Malformed Authorization header: expected 'Bearer <key>'.");
        var credential = ResolveKey(value[scheme.Length..].Trim());
        return credential is null
            ? new(CredentialStatus.Unknown, null, "Unknown key: the bearer key matches no environment.")
            : new(CredentialStatus.Resolved, credential, null);
    }

    /// <summary>The credential a clear key opens, or null. Every digest is compared, match or not.</summary>
    public Credential? ResolveKey(string key)
    {
        var digest = KeyHasher.Digest(key);
        Credential? found = null;
        foreach (var (candidate, credential) in _keys)
        {
            // No early exit: the loop costs the same whichever entry matches.
            if (CryptographicOperations.FixedTimeEquals(candidate, digest)) found = credential;
        }
        return found;
    }

    private static TimeZoneInfo FindTimeZone(string environmentId, string? name)
    {
        var zone = string.IsNullOrWhiteSpace(name) ? "UTC" : name;
        try { return TimeZoneInfo.FindSystemTimeZoneById(zone); }
        catch (Exception e) when (e is TimeZoneNotFoundException or InvalidTimeZoneException)
        {
            throw new InvalidOperationException($"GraphReports:Environments:{environmentId}:TimeZone '{zone}' is not an IANA time zone known to this machine.", e);
        }
    }
}
