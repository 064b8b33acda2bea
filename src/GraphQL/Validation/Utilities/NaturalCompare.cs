namespace GraphReports.GraphQL.Validation.Utilities;

/// <summary>
/// graphql-js's <c>naturalCompare</c>: compares strings by character code, except that runs of
/// digits compare by their numeric value (so "Type2" sorts before "Type10"); a leading zero is a number of its own.
/// </summary>
public static class NaturalCompare
{
    public static int Compare(string a, string b)
    {
        int aIndex = 0;
        int bIndex = 0;
        while (aIndex < a.Length && bIndex < b.Length)
        {
            char aChar = a[aIndex];
            char bChar = b[bIndex];
            if (char.IsAsciiDigit(aChar) && char.IsAsciiDigit(bChar))
            {
                long aNumber = 0;
                do
                {
                    aNumber = aNumber * 10 + (a[aIndex] - '0');
                    aIndex++;
                }
                while (aIndex < a.Length && char.IsAsciiDigit(a[aIndex]) && aNumber > 0 && aNumber < long.MaxValue / 10);
                long bNumber = 0;
                do
                {
                    bNumber = bNumber * 10 + (b[bIndex] - '0');
                    bIndex++;
                }
                while (bIndex < b.Length && char.IsAsciiDigit(b[bIndex]) && bNumber > 0 && bNumber < long.MaxValue / 10);
                if (aNumber != bNumber)
                {
                    return aNumber < bNumber ? -1 : 1;
                }
            }
            else
            {
                if (aChar != bChar)
                {
                    return aChar < bChar ? -1 : 1;
                }
                aIndex++;
                bIndex++;
            }
        }
        return a.Length.CompareTo(b.Length);
    }
}
