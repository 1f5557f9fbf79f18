using System.Text;
using System.Text.RegularExpressions;
using Cedule.Jinja.Values;

namespace Cedule.Jinja.Filters;

public static partial class BuiltinFilters
{
    private static void RegisterStringFilters(IDictionary<string, FilterFunc> f)
    {
        f["upper"] = static (_, v, a) => NoArgs(a, "do_upper", () => PyMethods.Upper(PyOps.ToStr(v)));
        f["lower"] = static (_, v, a) => NoArgs(a, "do_lower", () => PyMethods.Lower(PyOps.ToStr(v)));
        f["capitalize"] = static (_, v, a) => NoArgs(a, "do_capitalize", () => PyMethods.Capitalize(PyOps.ToStr(v)));
        f["title"] = static (_, v, a) => NoArgs(a, "do_title", () => Title(PyOps.ToStr(v)));
        f["string"] = static (_, v, a) => NoArgs(a, "soft_str", () => PyOps.ToStr(v));
        f["safe"] = static (_, v, a) => NoArgs(a, "do_mark_safe", () => PyOps.ToStr(v));
        f["center"] = static (r, v, a) =>
        {
            var args = FilterArgs.Bind(a, "do_center", 0, 0, "width");
            return PyMethods.TryCallMethod(r, PyOps.ToStr(v), "center", new Arguments([args.Get(0, 80L)]), out var result) ? result : null;
        };
        f["trim"] = static (r, v, a) =>
        {
            var args = FilterArgs.Bind(a, "do_trim", 0, 0, "chars");
            return PyMethods.StripChars(PyOps.ToStr(v), MethodArgs.StrOrNone(args.Get(0), "strip"), true, true);
        };
        f["replace"] = static (r, v, a) =>
        {
            var args = FilterArgs.Bind(a, "do_replace", 1, 2, "old", "new", "count");
            var count = args.Get(2) is { } c ? MethodArgs.Index(c) : -1;
            return PyMethods.ReplaceCore(r, PyOps.ToStr(v), PyOps.ToStr(args.Get(0)), PyOps.ToStr(args.Get(1)), count);
        };
        f["truncate"] = Truncate;
        f["wordcount"] = static (_, v, a) => NoArgs(a, "do_wordcount", () => PyOps.Box(WordCount(PyOps.ToStr(v))));
        f["indent"] = Indent;
        f["format"] = static (r, v, a) =>
        {
            if (a.Count > 0 && a.Keywords.Count > 0)
            {
                throw new TemplateException(ErrorKind.FilterArgumentError, "can't handle positional and keyword arguments at the same time");
            }

            object? values;
            if (a.Keywords.Count > 0)
            {
                var dict = new PyDict();
                foreach (var pair in a.Keywords)
                {
                    dict[pair.Key] = pair.Value;
                }

                values = dict;
            }
            else
            {
                values = new PyTuple([.. a.Positional]);
            }

            return PyFormat.Percent(PyOps.ToStr(v), values, r);
        };
    }

    private static object? NoArgs(Arguments arguments, string function, Func<object?> body)
    {
        FilterArgs.Bind(arguments, function, 0, 0);
        return body();
    }

    [GeneratedRegex(@"([-\s({\[<]+)", RegexOptions.CultureInvariant)]
    private static partial Regex WordBeginningSplit();

    private static string Title(string s)
    {
        var text = new StringBuilder(s.Length);
        foreach (var item in WordBeginningSplit().Split(s))
        {
            if (item.Length == 0)
            {
                continue;
            }

            var firstLength = char.IsHighSurrogate(item[0]) && item.Length > 1 ? 2 : 1;
            text.Append(PyMethods.Upper(item[..firstLength])).Append(PyMethods.Lower(item[firstLength..]));
        }

        return text.ToString();
    }

    private static object? Truncate(IRuntime runtime, object? value, Arguments arguments)
    {
        var args = FilterArgs.Bind(arguments, "do_truncate", 1, 0, "length", "killwords", "end", "leeway");
        var length = FilterHelpers.Int(args.Get(0, 255L));
        var killWords = args.Bool(1);
        var end = args.Get(2, "...") as string ?? PyOps.ToStr(args.Get(2));
        var leeway = args.Get(3) is { } l ? FilterHelpers.Int(l) : 5L;
        var endLength = PyOps.StrLength(end);
        if (length < endLength)
        {
            throw new TemplateException(ErrorKind.AssertionError, $"expected length >= {endLength}, got {length}");
        }

        if (leeway < 0)
        {
            throw new TemplateException(ErrorKind.AssertionError, $"expected leeway >= 0, got {leeway}");
        }

        if (PyOps.Length(value) <= length + leeway)
        {
            return value;
        }

        var head = PyOps.Slice(value, null, length - endLength, null);
        if (killWords)
        {
            return PyOps.Add(head, end);
        }

        var text = (string)head!;
        var space = text.LastIndexOf(' ');
        return (space < 0 ? text : text[..space]) + end;
    }

    private static int WordCount(string s)
    {
        var count = 0;
        var inWord = false;
        foreach (var c in s)
        {
            var isWord = char.IsLetterOrDigit(c) || c == '_' || char.IsNumber(c);
            if (isWord && !inWord)
            {
                count++;
            }

            inWord = isWord;
        }

        return count;
    }

    private static string Indent(IRuntime runtime, object? value, Arguments arguments)
    {
        var args = FilterArgs.Bind(arguments, "do_indent", 0, 0, "width", "first", "blank");
        var width = args.Get(0, 4L);
        var indention = width as string ?? (string)PyOps.Multiply(" ", width, runtime)!;
        if (value is Undefined u)
        {
            throw u.Fail();
        }

        if (value is not string s)
        {
            throw new TemplateException(ErrorKind.TypeError, $"unsupported operand type(s) for +=: '{PyOps.TypeName(value)}' and 'str'");
        }

        s += "\n";
        string result;
        var lines = PyMethods.SplitLines(s, false);
        if (args.Bool(2))
        {
            result = string.Join("\n" + indention, lines);
        }
        else
        {
            var text = new StringBuilder((string)lines[0]!);
            if (lines.Count > 1)
            {
                text.Append('\n');
                for (var i = 1; i < lines.Count; i++)
                {
                    if (i > 1)
                    {
                        text.Append('\n');
                    }

                    var line = (string)lines[i]!;
                    if (line.Length > 0)
                    {
                        text.Append(indention);
                    }

                    text.Append(line);
                }
            }

            result = text.ToString();
        }

        return args.Bool(1) ? indention + result : result;
    }
}
