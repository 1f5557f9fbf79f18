using System.Text;
using System.Text.RegularExpressions;
using Cedule.Jinja.Values;

namespace Cedule.Jinja.Filters;

public static partial class BuiltinFilters
{
    private static void RegisterStringFilters(IDictionary<string, FilterFunc> f)
    {
        f["upper"] = static (_, v, a) => { FilterArgs.NoneExpected(a, "do_upper"); return SoftStr(v, PyMethods.Upper); };
        f["lower"] = static (_, v, a) => { FilterArgs.NoneExpected(a, "do_lower"); return SoftStr(v, PyMethods.Lower); };
        f["capitalize"] = static (_, v, a) => { FilterArgs.NoneExpected(a, "do_capitalize"); return SoftStr(v, PyMethods.Capitalize); };
        f["title"] = static (_, v, a) => { FilterArgs.NoneExpected(a, "do_title"); return Title(PyOps.ToStr(v)); };
        f["string"] = static (_, v, a) => { FilterArgs.NoneExpected(a, "soft_str"); return v as Markup ?? (object)PyOps.ToStr(v); };
        f["safe"] = static (_, v, a) => { FilterArgs.NoneExpected(a, "do_mark_safe"); return v as Markup ?? new Markup(PyOps.ToStr(v)); };
        f["center"] = static (r, v, a) =>
        {
            var args = FilterArgs.Bind(a, "do_center", 0, 0, "width");
            var width = args.Get(0, 80L);
            return SoftStr(v, s => PyMethods.TryCallMethod(r, s, "center", new Arguments([width]), out var result) ? (string)result! : s);
        };
        f["trim"] = static (r, v, a) =>
        {
            var args = FilterArgs.Bind(a, "do_trim", 0, 0, "chars");
            var chars = MethodArgs.StrOrNone(PyOps.Text(args.Get(0)), "strip");
            return SoftStr(v, s => PyMethods.StripChars(s, chars, true, true));
        };
        f["replace"] = static (r, v, a) =>
        {
            var args = FilterArgs.Bind(a, "do_replace", 1, 2, "old", "new", "count");
            var count = args.Get(2) is { } c ? MethodArgs.Index(c) : -1;
            return PyMethods.ReplaceCore(r, PyOps.ToStr(v), PyOps.ToStr(args.Get(0)), PyOps.ToStr(args.Get(1)), count);
        };
        f["truncate"] = Truncate;
        f["wordcount"] = static (_, v, a) => { FilterArgs.NoneExpected(a, "do_wordcount"); return PyOps.Box(WordCount(PyOps.ToStr(v))); };
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
            else if (a.Count == 1 && a.Positional[0] is not (PyTuple or PyDict))
            {
                // '%s' % (x,) is '%s' % x for any x that is not itself a tuple or a mapping.
                values = a.Positional[0];
            }
            else
            {
                values = new PyTuple([.. a.Positional]);
            }

            return PyOps.Modulo(v as Markup ?? (object)PyOps.ToStr(v), values, r);
        };
    }

    /// <summary>Jinja's <c>soft_str(value).method()</c>: markup stays markup, anything else becomes a string.</summary>
    private static object SoftStr(object? value, Func<string, string> transform) =>
        value is Markup m ? new Markup(transform(m.Value)) : transform(PyOps.ToStr(value));

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

        var isMarkup = head is Markup;
        var text = PyOps.Text(head) as string ?? throw new TemplateException(ErrorKind.AttributeError, $"'{PyOps.TypeName(head)}' object has no attribute 'rsplit'");
        var space = text.LastIndexOf(' ');
        var kept = space < 0 ? text : text[..space];
        return isMarkup ? PyOps.Add(new Markup(kept), end) : kept + end;
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

    private static object Indent(IRuntime runtime, object? value, Arguments arguments)
    {
        var args = FilterArgs.Bind(arguments, "do_indent", 0, 0, "width", "first", "blank");
        var width = args.Get(0, 4L);
        var indention = width as string ?? (string)PyOps.Multiply(" ", width, runtime)!;
        if (value is Undefined u)
        {
            throw u.Fail();
        }

        var isMarkup = value is Markup;
        if (value is List<object?>)
        {
            throw new TemplateException(ErrorKind.AttributeError, "'list' object has no attribute 'splitlines'");
        }

        if (PyOps.Text(value) is not string s)
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

        result = args.Bool(1) ? indention + result : result;
        return isMarkup ? new Markup(result) : result;
    }
}
