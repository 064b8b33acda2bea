namespace GraphReports.GraphQL.Utilities;

/// <summary>"Did you mean ...?" hints as graphql-js words them (lexical distance, at most five options).</summary>
public static class Suggestions
{
    /// <summary>Options close enough to <paramref name="input"/>, closest first.</summary>
    public static IReadOnlyList<string> SuggestionList(string input, IEnumerable<string> options)
    {
        var lowerInput = input.ToLowerInvariant();
        var threshold = Math.Floor(input.Length * 0.4) + 1;
        var found = new List<(string Option, int Distance)>();
        foreach (var option in options)
        {
            var distance = input == option ? 0 : (lowerInput == option.ToLowerInvariant() ? 1 : Distance(lowerInput, option.ToLowerInvariant()));
            if (distance <= threshold)
            {
                found.Add((option, distance));
            }
        }

        return found
            .OrderBy(f => f.Distance)
            .ThenBy(f => f.Option, StringComparer.Ordinal)
            .Select(f => f.Option)
            .ToList();
    }

    /// <summary>" Did you mean \"a\", \"b\", or \"c\"?" (with a leading space), or empty when there is nothing to suggest.</summary>
    public static string DidYouMean(string? subMessage, IReadOnlyList<string> suggestions)
    {
        if (suggestions.Count == 0)
        {
            return string.Empty;
        }

        var message = subMessage is null ? " Did you mean " : $" Did you mean {subMessage} ";
        var quoted = suggestions.Take(5).Select(s => $"\"{s}\"").ToList();
        return quoted.Count switch
        {
            1 => message + quoted[0] + "?",
            2 => message + quoted[0] + " or " + quoted[1] + "?",
            _ => message + string.Join(", ", quoted.Take(quoted.Count - 1)) + ", or " + quoted[^1] + "?",
        };
    }

    // Damerau-Levenshtein (optimal string alignment), as graphql-js's LexicalDistance.
    private static int Distance(string a, string b)
    {
        var rows = new int[a.Length + 1, b.Length + 1];
        for (var i = 0; i <= a.Length; i++)
        {
            rows[i, 0] = i;
        }

        for (var j = 0; j <= b.Length; j++)
        {
            rows[0, j] = j;
        }

        for (var i = 1; i <= a.Length; i++)
        {
            for (var j = 1; j <= b.Length; j++)
            {
                var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                var value = Math.Min(Math.Min(rows[i - 1, j] + 1, rows[i, j - 1] + 1), rows[i - 1, j - 1] + cost);
                if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
                {
                    value = Math.Min(value, rows[i - 2, j - 2] + 1);
                }

                rows[i, j] = value;
            }
        }

        return rows[a.Length, b.Length];
    }
}
