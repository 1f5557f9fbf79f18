namespace Cedule.Jinja.Values;

public static partial class PyMethods
{
    private static void RegisterStrSplitMethods(Dictionary<string, MethodImpl> m)
    {
        m["split"] = static (_, s, a) => SplitCall((string)s, a, "split", false);
        m["rsplit"] = static (_, s, a) => SplitCall((string)s, a, "rsplit", true);
        m["splitlines"] = static (_, s, a) => SplitLines((string)s, PyOps.IsTrue(a.Get(0, "keepends", false)));
    }

    private static List<object?> SplitCall(string s, Arguments a, string name, bool fromRight)
    {
        if (a.Count > 2)
        {
            throw new TemplateException(ErrorKind.TypeError, $"{name}() takes at most 2 arguments ({a.Count} given)");
        }

        var separator = a.Get(0, "sep") switch
        {
            null => null,
            string text => text,
            Markup markup => markup.Value,
            Undefined u => throw u.Fail(),
            var other => throw new TemplateException(ErrorKind.TypeError, $"must be str or None, not {PyOps.TypeName(other)}"),
        };
        var maxSplit = MethodArgs.Index(a.Get(1, "maxsplit", -1L));
        return fromRight ? RSplit(s, separator, maxSplit) : Split(s, separator, maxSplit);
    }

    /// <summary>Python's <c>str.split(sep, maxsplit)</c>; a null separator splits on runs of whitespace.</summary>
    internal static List<object?> Split(string s, string? separator, long maxSplit = -1)
    {
        if (maxSplit < 0)
        {
            maxSplit = long.MaxValue;
        }

        var result = new List<object?>();
        if (separator is null)
        {
            var i = 0;
            while (true)
            {
                while (i < s.Length && IsPySpace(s[i]))
                {
                    i++;
                }

                if (i == s.Length)
                {
                    return result;
                }

                if (result.Count == maxSplit)
                {
                    // The rest, leading whitespace removed but trailing kept, as CPython does.
                    result.Add(s[i..]);
                    return result;
                }

                var start = i;
                while (i < s.Length && !IsPySpace(s[i]))
                {
                    i++;
                }

                result.Add(s[start..i]);
            }
        }

        if (separator.Length == 0)
        {
            throw new TemplateException(ErrorKind.ValueError, "empty separator");
        }

        var position = 0;
        while (result.Count < maxSplit)
        {
            var found = s.IndexOf(separator, position, StringComparison.Ordinal);
            if (found < 0)
            {
                break;
            }

            result.Add(s[position..found]);
            position = found + separator.Length;
        }

        result.Add(s[position..]);
        return result;
    }

    /// <summary>Python's <c>str.rsplit(sep, maxsplit)</c>.</summary>
    internal static List<object?> RSplit(string s, string? separator, long maxSplit = -1)
    {
        if (maxSplit < 0)
        {
            return Split(s, separator);
        }

        var result = new List<object?>();
        if (separator is null)
        {
            var i = s.Length;
            while (true)
            {
                while (i > 0 && IsPySpace(s[i - 1]))
                {
                    i--;
                }

                if (i == 0)
                {
                    break;
                }

                if (result.Count == maxSplit)
                {
                    result.Add(s[..i]);
                    break;
                }

                var end = i;
                while (i > 0 && !IsPySpace(s[i - 1]))
                {
                    i--;
                }

                result.Add(s[i..end]);
            }

            result.Reverse();
            return result;
        }

        if (separator.Length == 0)
        {
            throw new TemplateException(ErrorKind.ValueError, "empty separator");
        }

        var stop = s.Length;
        while (result.Count < maxSplit && stop > 0)
        {
            var found = s.LastIndexOf(separator, stop - 1, stop, StringComparison.Ordinal);
            if (found < 0)
            {
                break;
            }

            result.Add(s[(found + separator.Length)..stop]);
            stop = found;
        }

        result.Add(s[..stop]);
        result.Reverse();
        return result;
    }

    /// <summary>Python's <c>str.splitlines(keepends)</c>, with all of Python's line boundaries.</summary>
    internal static List<object?> SplitLines(string s, bool keepEnds)
    {
        var result = new List<object?>();
        var start = 0;
        var i = 0;
        while (i < s.Length)
        {
            var c = s[i];
            if (c is '\n' or '\r' or '\v' or '\f' or '\x1c' or '\x1d' or '\x1e' or '\x85' or '\u2028' or '\u2029')
            {
                var eol = i + (c == '\r' && i + 1 < s.Length && s[i + 1] == '\n' ? 2 : 1);
                result.Add(s[start..(keepEnds ? eol : i)]);
                start = i = eol;
            }
            else
            {
                i++;
            }
        }

        if (start < s.Length)
        {
            result.Add(s[start..]);
        }

        return result;
    }
}
