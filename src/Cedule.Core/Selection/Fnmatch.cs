namespace Cedule.Core.Selection;

/// <summary>
/// Python's <c>fnmatch.fnmatch</c> as dbt runs it on Linux: case-sensitive; <c>*</c> matches any
/// run of characters (slashes included), <c>?</c> one character, <c>[abc]</c>, <c>[a-z]</c> and
/// <c>[!abc]</c> one character of a set; a <c>[</c> without its <c>]</c> is literal.
/// </summary>
internal static class Fnmatch
{
    /// <summary>True when the pattern uses a wildcard character.</summary>
    public static bool HasWildcard(string pattern) => pattern.AsSpan().IndexOfAny("*?[]") >= 0;

    public static bool IsMatch(string name, string pattern)
    {
        if (!HasWildcard(pattern))
        {
            return string.Equals(name, pattern, StringComparison.Ordinal);
        }

        // Iterative matching with one backtrack point per star, as glob matchers usually do:
        // on a mismatch, let the last star swallow one more character.
        int n = 0, p = 0, starP = -1, starN = 0;
        while (n < name.Length)
        {
            if (p < pattern.Length && pattern[p] == '*')
            {
                starP = p++;
                starN = n;
                continue;
            }

            if (p < pattern.Length && MatchOne(pattern, ref p, name[n]))
            {
                n++;
                continue;
            }

            if (starP < 0)
            {
                return false;
            }

            p = starP + 1;
            n = ++starN;
        }

        while (p < pattern.Length && pattern[p] == '*')
        {
            p++;
        }

        return p == pattern.Length;
    }

    // Matches one pattern element (a literal, '?', or a bracket set) against c; advances p on success.
    private static bool MatchOne(string pattern, ref int p, char c)
    {
        var token = pattern[p];
        if (token == '?')
        {
            p++;
            return true;
        }

        if (token == '[' && TryMatchSet(pattern, p, c, out var end, out var matched))
        {
            if (matched)
            {
                p = end;
            }

            return matched;
        }

        if (token == c)
        {
            p++;
            return true;
        }

        return false;
    }

    // Python's translate(): after '[' an optional '!', then a ']' right away is literal, and the
    // set ends at the next ']'. Without that ']' the '[' is an ordinary character.
    private static bool TryMatchSet(string pattern, int start, char c, out int end, out bool matched)
    {
        var i = start + 1;
        var negate = i < pattern.Length && pattern[i] == '!';
        if (negate)
        {
            i++;
        }

        var first = i;
        if (i < pattern.Length && pattern[i] == ']')
        {
            i++;
        }

        while (i < pattern.Length && pattern[i] != ']')
        {
            i++;
        }

        if (i >= pattern.Length)
        {
            end = start;
            matched = false;
            return false;
        }

        end = i + 1;
        var inSet = false;
        for (var k = first; k < i; k++)
        {
            if (k + 2 < i && pattern[k + 1] == '-')
            {
                if (pattern[k] <= c && c <= pattern[k + 2])
                {
                    inSet = true;
                }

                k += 2;
            }
            else if (pattern[k] == c)
            {
                inSet = true;
            }
        }

        matched = inSet != negate;
        return true;
    }
}
