namespace GraphReports.Indexer.Commands;

/// <summary>
/// The tokens of a command line that no command or option matched must be configuration arguments
/// (<c>--Section:Key=value</c>, <c>--Section:Key value</c>, or a host setting such as <c>--urls</c>);
/// anything else is a mistake the user should hear about, not a setting silently ignored.
/// </summary>
internal static class ConfigurationArguments
{
    // Host settings without a section; every other setting is a path with ':' (GraphReports:Storage:Path).
    private static readonly HashSet<string> HostKeys = new(StringComparer.OrdinalIgnoreCase)
    {
        "urls", "environment", "contentRoot", "applicationName", "http_ports", "https_ports",
    };

    /// <summary>What is wrong with <paramref name="tokens"/> as configuration arguments, or null when nothing is.</summary>
    public static string? Problem(IReadOnlyList<string> tokens, bool isRootCommand)
    {
        for (var i = 0; i < tokens.Count; i++)
        {
            var token = tokens[i];
            if (!token.StartsWith("--", StringComparison.Ordinal) || token.Length == 2)
                return isRootCommand && i == 0 && !token.StartsWith('-')
                    ? $"Unknown command '{token}'."
                    : $"Unexpected argument '{token}'.";
            var key = token[2..];
            var equals = key.IndexOf('=');
            if (equals >= 0) key = key[..equals];
            if (!key.Contains(':') && !HostKeys.Contains(key)) return $"Unknown option '{token}'.";
            if (equals >= 0) continue;
            if (i + 1 >= tokens.Count) return $"Option '{token}' needs a value.";
            i++; // the value of --Section:Key value
        }
        return null;
    }
}
