using System.Text;
using System.Text.RegularExpressions;
using Cedule.Jinja.Values;

namespace Cedule.Jinja.Filters;

public static partial class BuiltinFilters
{
    [GeneratedRegex(@"^((https?://|www\.)(([\w%-]+\.)+)?([a-z]{2,63}|xn--[\w%]{2,59})|([\w%-]{2,63}\.)+(com|net|int|edu|gov|org|info|mil)|(https?://)((([\d]{1,3})(\.[\d]{1,3}){3})|(\[([\da-f]{0,4}:){2}([\da-f]{0,4}:?){1,6}])))(?::[\d]{1,5})?(?:[/?#]\S*)?$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex HttpRegex();

    [GeneratedRegex(@"^\S+@\w[\w.-]*\.\w+$", RegexOptions.CultureInvariant)]
    private static partial Regex EmailRegex();

    [GeneratedRegex(@"^([\w.+-]{2,}:(/){0,2})$", RegexOptions.CultureInvariant)]
    private static partial Regex UriSchemeRegex();

    [GeneratedRegex(@"(\s+)", RegexOptions.CultureInvariant)]
    private static partial Regex WhitespaceSplitRegex();

    [GeneratedRegex(@"^([(<]|&lt;)+", RegexOptions.CultureInvariant)]
    private static partial Regex UrlHeadRegex();

    [GeneratedRegex(@"([)>.,\n]|&gt;)+$", RegexOptions.CultureInvariant)]
    private static partial Regex UrlTailRegex();

    private static string Urlize(IRuntime runtime, object? value, Arguments arguments)
    {
        var args = FilterArgs.Bind(arguments, "do_urlize", 1, 0, "trim_url_limit", "nofollow", "target", "rel", "extra_schemes");
        var relParts = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var part in PyMethods.Split(args.Get(3) is { } r && PyOps.IsTrue(r) ? PyOps.ToStr(r) : string.Empty, null))
        {
            relParts.Add((string)part!);
        }

        if (args.Bool(1))
        {
            relParts.Add("nofollow");
        }

        relParts.Add("noopener");
        var rel = string.Join(' ', relParts);
        var target = args.Get(2) is { } t ? PyOps.ToStr(t) : null;
        List<string>? extraSchemes = null;
        if (args.Get(4) is { } schemes)
        {
            extraSchemes = [];
            foreach (var scheme in PyOps.Iterate(schemes))
            {
                var text = PyOps.ToStr(scheme);
                if (!UriSchemeRegex().IsMatch(text))
                {
                    throw new TemplateException(ErrorKind.FilterArgumentError, $"{PyOps.Repr(scheme)} is not a valid URI scheme prefix.");
                }

                extraSchemes.Add(text);
            }
        }

        var limit = args.Get(0) is { } l ? (long?)FilterHelpers.Int(l) : null;
        return UrlizeText(PyOps.ToStr(value), limit, rel, target, extraSchemes);
    }

    private static string UrlizeText(string text, long? limit, string rel, string? target, List<string>? extraSchemes)
    {
        string Trim(string x) => limit is { } n && PyOps.StrLength(x) > n ? (string)PyOps.Slice(x, null, n, null)! + "..." : x;
        var words = WhitespaceSplitRegex().Split(Escape(text));
        var relAttr = rel.Length > 0 ? $" rel=\"{Escape(rel)}\"" : string.Empty;
        var targetAttr = !string.IsNullOrEmpty(target) ? $" target=\"{Escape(target)}\"" : string.Empty;
        var output = new StringBuilder(text.Length + 32);
        foreach (var word in words)
        {
            var head = string.Empty;
            var middle = word;
            var tail = string.Empty;
            var match = UrlHeadRegex().Match(middle);
            if (match.Success)
            {
                head = match.Value;
                middle = middle[match.Length..];
            }

            if (middle.EndsWith(')') || middle.EndsWith('>') || middle.EndsWith('.') || middle.EndsWith(',') || middle.EndsWith('\n') || middle.EndsWith("&gt;", StringComparison.Ordinal))
            {
                match = UrlTailRegex().Match(middle);
                if (match.Success)
                {
                    tail = match.Value;
                    middle = middle[..match.Index];
                }
            }

            foreach (var (startChar, endChar) in new[] { ("(", ")"), ("<", ">"), ("&lt;", "&gt;") })
            {
                var startCount = CountOf(middle, startChar);
                if (startCount <= CountOf(middle, endChar))
                {
                    continue;
                }

                var times = Math.Min(startCount, CountOf(tail, endChar));
                for (var i = 0; i < times; i++)
                {
                    var endIndex = tail.IndexOf(endChar, StringComparison.Ordinal) + endChar.Length;
                    middle += tail[..endIndex];
                    tail = tail[endIndex..];
                }
            }

            if (HttpRegex().IsMatch(middle))
            {
                var href = middle.StartsWith("https://", StringComparison.Ordinal) || middle.StartsWith("http://", StringComparison.Ordinal) ? middle : "https://" + middle;
                middle = $"<a href=\"{href}\"{relAttr}{targetAttr}>{Trim(middle)}</a>";
            }
            else if (middle.StartsWith("mailto:", StringComparison.Ordinal) && EmailRegex().IsMatch(middle[7..]))
            {
                middle = $"<a href=\"{middle}\">{middle[7..]}</a>";
            }
            else if (middle.Contains('@', StringComparison.Ordinal) && !middle.StartsWith("www.", StringComparison.Ordinal) && !middle.Contains(':', StringComparison.Ordinal) && EmailRegex().IsMatch(middle))
            {
                middle = $"<a href=\"mailto:{middle}\">{middle}</a>";
            }
            else if (extraSchemes is not null)
            {
                foreach (var scheme in extraSchemes)
                {
                    if (middle != scheme && middle.StartsWith(scheme, StringComparison.Ordinal))
                    {
                        middle = $"<a href=\"{middle}\"{relAttr}{targetAttr}>{middle}</a>";
                    }
                }
            }

            output.Append(head).Append(middle).Append(tail);
        }

        return output.ToString();
    }

    private static int CountOf(string text, string sub)
    {
        var count = 0;
        var position = 0;
        while ((position = text.IndexOf(sub, position, StringComparison.Ordinal)) >= 0)
        {
            count++;
            position += sub.Length;
        }

        return count;
    }
}
