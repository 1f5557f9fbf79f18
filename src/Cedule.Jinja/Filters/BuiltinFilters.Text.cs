using System.Text;
using System.Text.RegularExpressions;
using Cedule.Jinja.Values;

namespace Cedule.Jinja.Filters;

public static partial class BuiltinFilters
{
    private static void RegisterTextFilters(IDictionary<string, FilterFunc> f)
    {
        f["wordwrap"] = static (r, v, a) =>
        {
            var args = FilterArgs.Bind(a, "do_wordwrap", 1, 0, "width", "break_long_words", "wrapstring", "break_on_hyphens");
            var width = FilterHelpers.Int(args.Get(0, 79L));
            var wrapString = args.Get(2) is { } w ? PyOps.ToStr(w) : "\n";
            if (v is not string s)
            {
                throw v is Undefined u ? u.Fail() : new TemplateException(ErrorKind.AttributeError, $"'{PyOps.TypeName(v)}' object has no attribute 'splitlines'");
            }

            var lines = PyMethods.SplitLines(s, false);
            var text = new StringBuilder(s.Length + 16);
            for (var i = 0; i < lines.Count; i++)
            {
                if (i > 0)
                {
                    text.Append(wrapString);
                }

                text.AppendJoin(wrapString, Wrap((string)lines[i]!, width, args.Bool(1, true), args.Bool(3, true)));
            }

            return text.ToString();
        };
        f["tojson"] = static (_, v, a) =>
        {
            var args = FilterArgs.Bind(a, "do_tojson", 1, 0, "indent");
            return JsonWriter.Dumps(v, args.Get(0));
        };
        f["pprint"] = static (_, v, a) =>
        {
            FilterArgs.Bind(a, "do_pprint", 0, 0);
            return PrettyPrinter.Format(v);
        };
    }

    [GeneratedRegex(@"([\t\n\x0b\x0c\r ]+|(?<=[\w!""'&.,?])-{2,}(?=\w)|[^\t\n\x0b\x0c\r ]+?(?:-(?:(?<=[^\d\W]{2}-)|(?<=[^\d\W]-[^\d\W]-))(?=[^\d\W]-?[^\d\W])|(?=[\t\n\x0b\x0c\r ]|\z)|(?<=[\w!""'&.,?])(?=-{2,}\w)))", RegexOptions.CultureInvariant)]
    private static partial Regex WordSeparatorRegex();

    [GeneratedRegex(@"([\t\n\x0b\x0c\r ]+)", RegexOptions.CultureInvariant)]
    private static partial Regex SimpleWordSeparatorRegex();

    /// <summary>Python's <c>textwrap.wrap</c> with Jinja's options (no tab expansion, whitespace kept, dropped at line ends).</summary>
    internal static List<string> Wrap(string text, long width, bool breakLongWords, bool breakOnHyphens)
    {
        var chunks = new List<string>();
        foreach (var chunk in (breakOnHyphens ? WordSeparatorRegex() : SimpleWordSeparatorRegex()).Split(text))
        {
            if (chunk.Length > 0)
            {
                chunks.Add(chunk);
            }
        }

        var lines = new List<string>();
        if (width <= 0)
        {
            throw new TemplateException(ErrorKind.ValueError, $"invalid width {width} (must be > 0)");
        }

        chunks.Reverse();
        while (chunks.Count > 0)
        {
            var current = new List<string>();
            var length = 0L;
            if (IsBlank(chunks[^1]) && lines.Count > 0)
            {
                chunks.RemoveAt(chunks.Count - 1);
            }

            while (chunks.Count > 0)
            {
                var l = PyOps.StrLength(chunks[^1]);
                if (length + l > width)
                {
                    break;
                }

                current.Add(chunks[^1]);
                chunks.RemoveAt(chunks.Count - 1);
                length += l;
            }

            if (chunks.Count > 0 && PyOps.StrLength(chunks[^1]) > width)
            {
                HandleLongWord(chunks, current, length, width, breakLongWords, breakOnHyphens);
            }

            if (current.Count > 0 && IsBlank(current[^1]))
            {
                current.RemoveAt(current.Count - 1);
            }

            if (current.Count > 0)
            {
                lines.Add(string.Concat(current));
            }
        }

        return lines;
    }

    private static bool IsBlank(string s) => PyMethods.StripChars(s, null, true, true).Length == 0;

    private static void HandleLongWord(List<string> chunks, List<string> current, long length, long width, bool breakLongWords, bool breakOnHyphens)
    {
        var spaceLeft = width < 1 ? 1 : width - length;
        if (breakLongWords)
        {
            var end = spaceLeft;
            var chunk = chunks[^1];
            if (breakOnHyphens && chunk.Length > spaceLeft)
            {
                var hyphen = chunk.LastIndexOf('-', (int)Math.Min(spaceLeft, chunk.Length) - 1 < 0 ? 0 : (int)Math.Min(spaceLeft, chunk.Length) - 1);
                if (spaceLeft == 0)
                {
                    hyphen = -1;
                }

                if (hyphen > 0 && chunk.AsSpan(0, hyphen).ContainsAnyExcept('-'))
                {
                    end = hyphen + 1;
                }
            }

            var cut = (int)Math.Min(end, chunk.Length);
            current.Add(chunk[..cut]);
            chunks[^1] = chunk[cut..];
        }
        else if (current.Count == 0)
        {
            current.Add(chunks[^1]);
            chunks.RemoveAt(chunks.Count - 1);
        }
    }
}
