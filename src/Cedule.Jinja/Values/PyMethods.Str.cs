using System.Text;

namespace Cedule.Jinja.Values;

public static partial class PyMethods
{
    private static void RegisterStrMethods(Dictionary<string, MethodImpl> m)
    {
        m["strip"] = static (_, s, a) => Strip((string)s, a, "strip", true, true);
        m["lstrip"] = static (_, s, a) => Strip((string)s, a, "lstrip", true, false);
        m["rstrip"] = static (_, s, a) => Strip((string)s, a, "rstrip", false, true);
        m["replace"] = static (r, s, a) => Replace(r, (string)s, a);
        m["join"] = static (r, s, a) => Join(r, (string)s, MethodArgs.One(a, "str.join"));
        m["format"] = static (r, s, a) => PyFormat.Format((string)s, a, r);
        m["format_map"] = static (r, s, a) => PyFormat.Format((string)s, new Arguments([], ToKeywords(MethodArgs.One(a, "str.format_map"))), r);
        m["ljust"] = static (r, s, a) => Justify(r, (string)s, a, "ljust", 0);
        m["rjust"] = static (r, s, a) => Justify(r, (string)s, a, "rjust", 1);
        m["center"] = static (r, s, a) => Justify(r, (string)s, a, "center", 2);
        m["zfill"] = static (r, s, a) => ZFill(r, (string)s, MethodArgs.Index(MethodArgs.One(a, "str.zfill")));
        m["expandtabs"] = static (r, s, a) => ExpandTabs(r, (string)s, a);
        m["removeprefix"] = static (_, s, a) =>
        {
            var text = (string)s;
            var prefix = MethodArgs.Str(MethodArgs.One(a, "str.removeprefix"));
            return text.StartsWith(prefix, StringComparison.Ordinal) ? text[prefix.Length..] : text;
        };
        m["removesuffix"] = static (_, s, a) =>
        {
            var text = (string)s;
            var suffix = MethodArgs.Str(MethodArgs.One(a, "str.removesuffix"));
            return suffix.Length > 0 && text.EndsWith(suffix, StringComparison.Ordinal) ? text[..^suffix.Length] : text;
        };
        m["encode"] = static (_, s, a) =>
        {
            if (a.Count > 2)
            {
                throw new TemplateException(ErrorKind.TypeError, $"encode() takes at most 2 arguments ({a.Count} given)");
            }

            var encoding = a.Get(0, "encoding", "utf-8") is string e ? e : throw new TemplateException(ErrorKind.TypeError, "encode() argument 'encoding' must be str");
            try
            {
                return PyBytes.Encode((string)s, encoding);
            }
            catch (System.Text.EncoderFallbackException error)
            {
                throw new TemplateException(ErrorKind.ValueError, error.Message, error);
            }
        };
        m["partition"] = static (_, s, a) => Partition((string)s, MethodArgs.One(a, "str.partition"), false);
        m["rpartition"] = static (_, s, a) => Partition((string)s, MethodArgs.One(a, "str.rpartition"), true);
    }

    private static List<KeyValuePair<string, object?>> ToKeywords(object? mapping)
    {
        if (mapping is not PyDict dict)
        {
            throw new TemplateException(ErrorKind.TypeError, $"'{PyOps.TypeName(mapping)}' object is not a mapping");
        }

        var keywords = new List<KeyValuePair<string, object?>>(dict.Count);
        foreach (var pair in dict)
        {
            keywords.Add(new KeyValuePair<string, object?>(PyOps.ToStr(pair.Key), pair.Value));
        }

        return keywords;
    }

    /// <summary>Python's whitespace (<c>str.isspace</c>, <c>split()</c>, <c>strip()</c>), which includes \x1c-\x1f.</summary>
    internal static bool IsPySpace(char c) => char.IsWhiteSpace(c) || (c >= '\x1c' && c <= '\x1f');

    private static string Strip(string s, Arguments a, string name, bool left, bool right)
    {
        MethodArgs.Range(a, name, "str." + name, 0, 1);
        var chars = MethodArgs.StrOrNone(MethodArgs.At(a, 0), name);
        return StripChars(s, chars, left, right);
    }

    /// <summary>Python's strip: whitespace when <paramref name="chars"/> is null, else any of its characters.</summary>
    internal static string StripChars(string s, string? chars, bool left, bool right)
    {
        var start = 0;
        var end = s.Length;
        if (chars is null)
        {
            while (left && start < end && IsPySpace(s[start]))
            {
                start++;
            }

            while (right && end > start && IsPySpace(s[end - 1]))
            {
                end--;
            }
        }
        else
        {
            // Surrogate pairs are stripped as units only when both halves are listed, which holds for real input.
            while (left && start < end && chars.Contains(s[start], StringComparison.Ordinal))
            {
                start++;
            }

            while (right && end > start && chars.Contains(s[end - 1], StringComparison.Ordinal))
            {
                end--;
            }
        }

        return start == 0 && end == s.Length ? s : s[start..end];
    }

    private static string Replace(IRuntime runtime, string s, Arguments a)
    {
        MethodArgs.Range(a, "replace", "str.replace", 2, 3);
        var old = MethodArgs.Str(a.Positional[0]);
        var replacement = MethodArgs.Str(a.Positional[1]);
        var count = a.Count > 2 ? MethodArgs.Index(a.Positional[2]) : -1;
        return ReplaceCore(runtime, s, old, replacement, count);
    }

    /// <summary>Python's <c>str.replace</c>, with fuel spent on the size of the result.</summary>
    internal static string ReplaceCore(IRuntime? runtime, string s, string old, string replacement, long count)
    {
        if (count < 0)
        {
            count = long.MaxValue;
        }

        if (count == 0)
        {
            return s;
        }

        var text = new StringBuilder();
        if (old.Length == 0)
        {
            // An empty pattern matches between every character and at both ends; pay for the result first.
            PyOps.Charge(runtime, s.Length + (Math.Min(count, (long)s.Length + 1) * replacement.Length));
            var chars = PyOps.IterateString(s);
            var done = 0L;
            foreach (var c in chars)
            {
                if (done < count)
                {
                    text.Append(replacement);
                    done++;
                }

                text.Append((string)c!);
            }

            if (done < count)
            {
                text.Append(replacement);
            }

            return text.ToString();
        }

        var position = 0;
        var replaced = 0L;
        var charged = s.Length;
        while (replaced < count)
        {
            var found = s.IndexOf(old, position, StringComparison.Ordinal);
            if (found < 0)
            {
                break;
            }

            text.Append(s, position, found - position).Append(replacement);
            position = found + old.Length;
            replaced++;

            // Only growth beyond the original length costs, once it is worth a fuel call.
            if (text.Length - charged > 4096)
            {
                PyOps.Charge(runtime, text.Length - charged);
                charged = text.Length;
            }
        }

        if (replaced == 0)
        {
            return s;
        }

        text.Append(s, position, s.Length - position);
        return text.ToString();
    }

    private static string Join(IRuntime runtime, string separator, object? iterable)
    {
        var text = new StringBuilder();
        var index = 0;
        foreach (var item in PyOps.Iterate(iterable))
        {
            if (PyOps.Text(item) is not string s)
            {
                throw new TemplateException(ErrorKind.TypeError, $"sequence item {index}: expected str instance, {PyOps.TypeName(item)} found");
            }

            if (index > 0)
            {
                text.Append(separator);
            }

            text.Append(s);
            index++;
        }

        PyOps.Charge(runtime, text.Length);
        return text.ToString();
    }

    private static string Justify(IRuntime runtime, string s, Arguments a, string name, int mode)
    {
        MethodArgs.Range(a, name, "str." + name, 1, 2);
        var width = MethodArgs.Index(a.Positional[0]);
        var fill = ' ';
        if (a.Count > 1)
        {
            fill = PyOps.Text(a.Positional[1]) is string { Length: 1 } f
                ? f[0]
                : a.Positional[1] is string
                    ? throw new TemplateException(ErrorKind.TypeError, "The fill character must be exactly one character long")
                    : throw new TemplateException(ErrorKind.TypeError, $"{name}() argument 2 must be str of length 1, not {PyOps.TypeName(a.Positional[1])}");
        }

        var length = PyOps.StrLength(s);
        if (width <= length)
        {
            return s;
        }

        PyOps.Charge(runtime, width);
        var pad = (int)(width - length);
        var left = mode switch
        {
            0 => 0,
            1 => pad,
            _ => (pad / 2) + (pad & (int)width & 1),
        };
        return new StringBuilder((int)width).Append(fill, left).Append(s).Append(fill, pad - left).ToString();
    }

    private static string ZFill(IRuntime runtime, string s, long width)
    {
        var length = PyOps.StrLength(s);
        if (width <= length)
        {
            return s;
        }

        PyOps.Charge(runtime, width);
        var pad = (int)(width - length);
        if (s.Length > 0 && (s[0] == '+' || s[0] == '-'))
        {
            return s[0] + new string('0', pad) + s[1..];
        }

        return new string('0', pad) + s;
    }

    private static string ExpandTabs(IRuntime runtime, string s, Arguments a)
    {
        var tabSize = MethodArgs.Index(a.Get(0, "tabsize", 8L));
        var text = new StringBuilder(s.Length);
        var column = 0L;
        foreach (var c in s)
        {
            if (c == '\t')
            {
                if (tabSize > 0)
                {
                    var spaces = tabSize - (column % tabSize);
                    PyOps.Charge(runtime, spaces);
                    text.Append(' ', (int)spaces);
                    column += spaces;
                }
            }
            else
            {
                text.Append(c);
                column = c is '\n' or '\r' ? 0 : column + 1;
            }
        }

        return text.ToString();
    }

    private static PyTuple Partition(string s, object? separator, bool fromRight)
    {
        var sep = MethodArgs.Str(separator);
        if (sep.Length == 0)
        {
            throw new TemplateException(ErrorKind.ValueError, "empty separator");
        }

        var index = fromRight ? s.LastIndexOf(sep, StringComparison.Ordinal) : s.IndexOf(sep, StringComparison.Ordinal);
        if (index < 0)
        {
            return fromRight ? new PyTuple(string.Empty, string.Empty, s) : new PyTuple(s, string.Empty, string.Empty);
        }

        return new PyTuple(s[..index], sep, s[(index + sep.Length)..]);
    }
}
