namespace Cedule.Jinja.Values;

public static partial class PyMethods
{
    private static void RegisterStrSearchMethods(Dictionary<string, MethodImpl> m)
    {
        m["find"] = static (_, s, a) => PyOps.Box(Find((string)s, a, "find", false));
        m["rfind"] = static (_, s, a) => PyOps.Box(Find((string)s, a, "rfind", true));
        m["index"] = static (_, s, a) => IndexOrFail(Find((string)s, a, "index", false));
        m["rindex"] = static (_, s, a) => IndexOrFail(Find((string)s, a, "rindex", true));
        m["count"] = static (_, s, a) => PyOps.Box(Count((string)s, a));
        m["startswith"] = static (_, s, a) => PyOps.Box(StartsOrEndsWith((string)s, a, "startswith", false));
        m["endswith"] = static (_, s, a) => PyOps.Box(StartsOrEndsWith((string)s, a, "endswith", true));
    }

    private static object IndexOrFail(long index) =>
        index >= 0 ? PyOps.Box(index) : throw new TemplateException(ErrorKind.ValueError, "substring not found");

    /// <summary>Python's <c>[start:end]</c> window of a search, in UTF-16 offsets; false when empty by Python's rules.</summary>
    private static bool Window(string s, Arguments a, int firstIndex, out int start, out int end)
    {
        var length = PyOps.StrLength(s);
        long lo = 0;
        long hi = length;
        if (a.Count > firstIndex && a.Positional[firstIndex] is not null)
        {
            lo = MethodArgs.Index(a.Positional[firstIndex]);
        }

        if (a.Count > firstIndex + 1 && a.Positional[firstIndex + 1] is not null)
        {
            hi = MethodArgs.Index(a.Positional[firstIndex + 1]);
        }

        if (lo < 0)
        {
            lo = Math.Max(0, lo + length);
        }

        if (hi < 0)
        {
            hi = Math.Max(0, hi + length);
        }

        hi = Math.Min(hi, length);
        start = (int)Math.Min(lo, length);
        end = (int)hi;
        var valid = lo <= length && lo <= hi;
        if (PyOps.HasSurrogates(s))
        {
            start = CodePointToUtf16(s, start);
            end = CodePointToUtf16(s, end);
        }

        return valid;
    }

    internal static int CodePointToUtf16(string s, int codePoint)
    {
        var i = 0;
        for (var cp = 0; cp < codePoint && i < s.Length; cp++)
        {
            i += char.IsHighSurrogate(s[i]) && i + 1 < s.Length && char.IsLowSurrogate(s[i + 1]) ? 2 : 1;
        }

        return i;
    }

    internal static long Utf16ToCodePoint(string s, int index) =>
        index < 0 ? index : PyOps.HasSurrogates(s) ? PyOps.StrLength(s[..index]) : index;

    private static long Find(string s, Arguments a, string name, bool fromRight)
    {
        MethodArgs.Range(a, name, "str." + name, 1, 3);
        var sub = MethodArgs.Str(a.Positional[0]);
        if (!Window(s, a, 1, out var start, out var end))
        {
            return -1;
        }

        var index = fromRight
            ? s.AsSpan(start, end - start).LastIndexOf(sub.AsSpan(), StringComparison.Ordinal)
            : s.AsSpan(start, end - start).IndexOf(sub.AsSpan(), StringComparison.Ordinal);
        return index < 0 ? -1 : Utf16ToCodePoint(s, index + start);
    }

    private static long Count(string s, Arguments a)
    {
        MethodArgs.NoKeywords(a, "str.count");
        if (a.Count < 1)
        {
            throw new TemplateException(ErrorKind.TypeError, $"count() takes at least 1 argument ({a.Count} given)");
        }

        MethodArgs.Range(a, "count", "str.count", 1, 3);
        var sub = MethodArgs.Str(a.Positional[0]);
        if (!Window(s, a, 1, out var start, out var end))
        {
            return 0;
        }

        if (sub.Length == 0)
        {
            return PyOps.StrLength(s[start..end]) + 1;
        }

        var count = 0L;
        var position = start;
        while (true)
        {
            var found = s.AsSpan(position, end - position).IndexOf(sub.AsSpan(), StringComparison.Ordinal);
            if (found < 0)
            {
                return count;
            }

            count++;
            position += found + sub.Length;
        }
    }

    private static bool StartsOrEndsWith(string s, Arguments a, string name, bool end)
    {
        MethodArgs.Range(a, name, "str." + name, 1, 3);
        var valid = Window(s, a, 1, out var lo, out var hi);
        var first = PyOps.Text(a.Positional[0]);
        if (first is string single)
        {
            return valid && Matches(s, single, lo, hi, end);
        }

        if (first is PyTuple tuple)
        {
            foreach (var item in tuple.AsSpan())
            {
                if (PyOps.Text(item) is not string option)
                {
                    throw new TemplateException(ErrorKind.TypeError, $"tuple for {name} must only contain str, not {PyOps.TypeName(item)}");
                }

                if (valid && Matches(s, option, lo, hi, end))
                {
                    return true;
                }
            }

            return false;
        }

        if (first is Undefined u)
        {
            throw u.Fail();
        }

        throw new TemplateException(ErrorKind.TypeError, $"{name} first arg must be str or a tuple of str, not {PyOps.TypeName(first)}");
    }

    private static bool Matches(string s, string affix, int lo, int hi, bool end) =>
        hi - lo >= affix.Length
        && (end
            ? s.AsSpan(lo, hi - lo).EndsWith(affix.AsSpan(), StringComparison.Ordinal)
            : s.AsSpan(lo, hi - lo).StartsWith(affix.AsSpan(), StringComparison.Ordinal));
}
