using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using Cedule.Jinja.Values;

namespace Cedule.Jinja.Filters;

public static partial class BuiltinFilters
{
    private static void RegisterMarkupFilters(IDictionary<string, FilterFunc> f)
    {
        FilterFunc escape = static (_, v, a) =>
        {
            FilterArgs.OnlyValue(a, "escape");
            return v as Markup ?? new Markup(Escape(PyOps.ToStr(v)));
        };
        f["escape"] = escape;
        f["e"] = escape;
        f["forceescape"] = static (_, v, a) => { FilterArgs.NoneExpected(a, "do_forceescape"); return new Markup(Escape(PyOps.ToStr(v))); };
        f["striptags"] = static (_, v, a) => { FilterArgs.NoneExpected(a, "do_striptags"); return StripTags(PyOps.ToStr(v)); };
        f["xmlattr"] = XmlAttr;
        f["urlencode"] = static (_, v, a) => { FilterArgs.NoneExpected(a, "do_urlencode"); return UrlEncode(v); };
        f["urlize"] = Urlize;
    }

    /// <summary>markupsafe's <c>escape</c>: &amp; &lt; &gt; " and ' become entities.</summary>
    internal static string Escape(string s)
    {
        if (s.AsSpan().IndexOfAny("&<>\"'") < 0)
        {
            return s;
        }

        var text = new StringBuilder(s.Length + 16);
        foreach (var c in s)
        {
            switch (c)
            {
                case '&':
                    text.Append("&amp;");
                    break;
                case '<':
                    text.Append("&lt;");
                    break;
                case '>':
                    text.Append("&gt;");
                    break;
                case '"':
                    text.Append("&#34;");
                    break;
                case '\'':
                    text.Append("&#39;");
                    break;
                default:
                    text.Append(c);
                    break;
            }
        }

        return text.ToString();
    }

    [GeneratedRegex("<!--.*?-->", RegexOptions.Singleline | RegexOptions.CultureInvariant)]
    private static partial Regex StripCommentsRegex();

    [GeneratedRegex("<.*?>", RegexOptions.Singleline | RegexOptions.CultureInvariant)]
    private static partial Regex StripTagsRegex();

    private static string StripTags(string s)
    {
        var value = StripCommentsRegex().Replace(s, string.Empty);
        value = StripTagsRegex().Replace(value, string.Empty);
        var words = PyMethods.Split(value, null);
        var joined = new StringBuilder();
        for (var i = 0; i < words.Count; i++)
        {
            if (i > 0)
            {
                joined.Append(' ');
            }

            joined.Append((string)words[i]!);
        }

        return WebUtility.HtmlDecode(joined.ToString());
    }

    [GeneratedRegex(@"[\s/>=]", RegexOptions.CultureInvariant)]
    private static partial Regex AttributeKeyRegex();

    private static string XmlAttr(IRuntime runtime, object? value, Arguments arguments)
    {
        var args = FilterArgs.Bind(arguments, "do_xmlattr", 1, 0, "autospace");
        if (value is Undefined u)
        {
            throw u.Fail();
        }

        if (value is not PyDict dict)
        {
            throw new TemplateException(ErrorKind.AttributeError, $"'{PyOps.TypeName(value)}' object has no attribute 'items'");
        }

        var text = new StringBuilder();
        foreach (var pair in dict)
        {
            if (pair.Value is null or Undefined)
            {
                continue;
            }

            var key = PyOps.ToStr(pair.Key);
            if (AttributeKeyRegex().IsMatch(key))
            {
                throw new TemplateException(ErrorKind.ValueError, $"Invalid character in attribute name: {PyOps.Repr(pair.Key)}");
            }

            if (text.Length > 0)
            {
                text.Append(' ');
            }

            text.Append(pair.Key is Markup mk ? mk.Value : Escape(key)).Append("=\"")
                .Append(pair.Value is Markup mv ? mv.Value : Escape(PyOps.ToStr(pair.Value))).Append('"');
        }

        return args.Bool(0, true) && text.Length > 0 ? " " + text : text.ToString();
    }

    private static string UrlEncode(object? value)
    {
        if (value is string or Markup || !PyOps.IsIterable(value) || value is Undefined)
        {
            return UrlQuote(value, false);
        }

        IEnumerable<object?> items = value is PyDict dict ? new PyDictView(dict, PyDictViewKind.Items) : PyOps.Iterate(value);
        var text = new StringBuilder();
        foreach (var item in items)
        {
            var pair = PyOps.ToList(item);
            if (pair.Count != 2)
            {
                throw new TemplateException(ErrorKind.ValueError, $"{(pair.Count > 2 ? "too many values to unpack" : "not enough values to unpack")} (expected 2, got {pair.Count})");
            }

            if (text.Length > 0)
            {
                text.Append('&');
            }

            text.Append(UrlQuote(pair[0], true)).Append('=').Append(UrlQuote(pair[1], true));
        }

        return text.ToString();
    }

    /// <summary>Jinja's <c>url_quote</c>: UTF-8 percent-encoding; '/' kept outside query strings, spaces as '+' inside.</summary>
    internal static string UrlQuote(object? value, bool forQuery)
    {
        var bytes = Encoding.UTF8.GetBytes(PyOps.ToStr(value));
        var text = new StringBuilder(bytes.Length);
        foreach (var b in bytes)
        {
            var c = (char)b;
            if (char.IsAsciiLetterOrDigit(c) || c is '_' or '.' or '-' or '~' || (c == '/' && !forQuery))
            {
                text.Append(c);
            }
            else if (c == ' ' && forQuery)
            {
                text.Append('+');
            }
            else
            {
                text.Append('%').Append(((int)b).ToString("X2", System.Globalization.CultureInfo.InvariantCulture));
            }
        }

        return text.ToString();
    }
}
