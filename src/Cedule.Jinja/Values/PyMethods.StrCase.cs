using System.Globalization;
using System.Text;

namespace Cedule.Jinja.Values;

public static partial class PyMethods
{
    private static void RegisterStrCaseMethods(Dictionary<string, MethodImpl> m)
    {
        m["upper"] = static (_, s, a) => NoArgs(a, "str.upper", Upper((string)s));
        m["lower"] = static (_, s, a) => NoArgs(a, "str.lower", Lower((string)s));
        m["title"] = static (_, s, a) => NoArgs(a, "str.title", Title((string)s));
        m["capitalize"] = static (_, s, a) => NoArgs(a, "str.capitalize", Capitalize((string)s));
        m["swapcase"] = static (_, s, a) => NoArgs(a, "str.swapcase", SwapCase((string)s));
        m["casefold"] = static (_, s, a) => NoArgs(a, "str.casefold", Lower((string)s).Replace("ß", "ss", StringComparison.Ordinal));
        m["isdigit"] = static (_, s, a) => NoArgs(a, "str.isdigit", All((string)s, static c => CharUnicodeInfo.GetDecimalDigitValue(c) >= 0 || CharUnicodeInfo.GetDigitValue(c) >= 0));
        m["isdecimal"] = static (_, s, a) => NoArgs(a, "str.isdecimal", All((string)s, static c => CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.DecimalDigitNumber));
        m["isnumeric"] = static (_, s, a) => NoArgs(a, "str.isnumeric", All((string)s, static c => CharUnicodeInfo.GetNumericValue(c) >= 0 || char.IsNumber(c)));
        m["isalpha"] = static (_, s, a) => NoArgs(a, "str.isalpha", All((string)s, char.IsLetter));
        m["isalnum"] = static (_, s, a) => NoArgs(a, "str.isalnum", All((string)s, static c => char.IsLetter(c) || char.IsNumber(c) || CharUnicodeInfo.GetNumericValue(c) >= 0));
        m["isspace"] = static (_, s, a) => NoArgs(a, "str.isspace", All((string)s, IsPySpace));
        m["isascii"] = static (_, s, a) => NoArgs(a, "str.isascii", PyOps.Box(Ascii.IsValid((string)s)));
        m["isprintable"] = static (_, s, a) => NoArgs(a, "str.isprintable", PyOps.Box(IsPrintable((string)s)));
        m["isidentifier"] = static (_, s, a) => NoArgs(a, "str.isidentifier", PyOps.Box(IsIdentifier((string)s)));
        m["isupper"] = static (_, s, a) => NoArgs(a, "str.isupper", PyOps.Box(IsCase((string)s, upper: true)));
        m["islower"] = static (_, s, a) => NoArgs(a, "str.islower", PyOps.Box(IsCase((string)s, upper: false)));
        m["istitle"] = static (_, s, a) => NoArgs(a, "str.istitle", PyOps.Box(IsTitle((string)s)));
    }

    private static object NoArgs(Arguments a, string name, object result)
    {
        MethodArgs.None(a, name);
        return result;
    }

    private static object All(string s, Func<char, bool> predicate)
    {
        if (s.Length == 0)
        {
            return PyOps.Box(false);
        }

        foreach (var c in s)
        {
            if (!predicate(c))
            {
                return PyOps.Box(false);
            }
        }

        return PyOps.Box(true);
    }

    private static bool IsPrintable(string s)
    {
        foreach (var rune in s.EnumerateRunes())
        {
            if (!PyOps.IsPrintable(rune.Value))
            {
                return false;
            }
        }

        return true;
    }

    private static bool IsIdentifier(string s)
    {
        if (s.Length == 0 || !(char.IsLetter(s[0]) || s[0] == '_'))
        {
            return false;
        }

        foreach (var c in s)
        {
            if (!(char.IsLetterOrDigit(c) || c == '_' || CharUnicodeInfo.GetUnicodeCategory(c) is UnicodeCategory.ConnectorPunctuation or UnicodeCategory.NonSpacingMark or UnicodeCategory.SpacingCombiningMark))
            {
                return false;
            }
        }

        return true;
    }

    private static bool IsCased(char c) => char.IsUpper(c) || char.IsLower(c) || CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.TitlecaseLetter;

    private static bool IsCase(string s, bool upper)
    {
        var cased = false;
        foreach (var c in s)
        {
            var title = CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.TitlecaseLetter;
            if (title || (upper ? char.IsLower(c) : char.IsUpper(c)))
            {
                return false;
            }

            cased |= upper ? char.IsUpper(c) : char.IsLower(c);
        }

        return cased;
    }

    private static bool IsTitle(string s)
    {
        var cased = false;
        var previousCased = false;
        foreach (var c in s)
        {
            var isTitle = char.IsUpper(c) || CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.TitlecaseLetter;
            if (isTitle)
            {
                if (previousCased)
                {
                    return false;
                }

                previousCased = cased = true;
            }
            else if (char.IsLower(c))
            {
                if (!previousCased)
                {
                    return false;
                }

                previousCased = cased = true;
            }
            else
            {
                previousCased = false;
            }
        }

        return cased;
    }

    /// <summary>Python's <c>str.upper()</c>: full case mapping (<c>ß</c> becomes <c>SS</c>).</summary>
    internal static string Upper(string s)
    {
        if (Ascii.IsValid(s))
        {
            return s.ToUpperInvariant();
        }

        var text = new StringBuilder(s.Length);
        foreach (var c in s)
        {
            AppendUpper(text, c);
        }

        return text.ToString();
    }

    /// <summary>Python's <c>str.lower()</c>.</summary>
    internal static string Lower(string s)
    {
        if (Ascii.IsValid(s))
        {
            return s.ToLowerInvariant();
        }

        var text = new StringBuilder(s.Length);
        for (var i = 0; i < s.Length; i++)
        {
            AppendLower(text, s, i);
        }

        return text.ToString();
    }

    /// <summary>Appends the lowercase of <c>s[i]</c>, with Python's context rules (final sigma, dotted I).</summary>
    private static void AppendLower(StringBuilder text, string s, int i)
    {
        var c = s[i];
        if (c == 'İ')
        {
            text.Append("i\u0307");
        }
        else if (c == 'Σ')
        {
            text.Append(IsFinalSigma(s, i) ? 'ς' : 'σ');
        }
        else
        {
            text.Append(char.ToLowerInvariant(c));
        }
    }

    // Unicode's Final_Sigma condition as CPython applies it: a cased letter before, none after,
    // skipping case-ignorable characters on both sides.
    private static bool IsFinalSigma(string s, int i)
    {
        var j = i - 1;
        while (j >= 0 && IsCaseIgnorable(s[j]))
        {
            j--;
        }

        if (j < 0 || !IsCased(s[j]))
        {
            return false;
        }

        j = i + 1;
        while (j < s.Length && IsCaseIgnorable(s[j]))
        {
            j++;
        }

        return j == s.Length || !IsCased(s[j]);
    }

    private static bool IsCaseIgnorable(char c) =>
        c is '\'' or '.' or ':' or '^' or '`' or '\u00B7' or '\u2019'
        || CharUnicodeInfo.GetUnicodeCategory(c) is UnicodeCategory.NonSpacingMark or UnicodeCategory.EnclosingMark
            or UnicodeCategory.Format or UnicodeCategory.ModifierLetter or UnicodeCategory.ModifierSymbol;

    private static void AppendUpper(StringBuilder text, char c)
    {
        switch (c)
        {
            case 'ß':
                text.Append("SS");
                break;
            case 'ﬀ':
                text.Append("FF");
                break;
            case 'ﬁ':
                text.Append("FI");
                break;
            case 'ﬂ':
                text.Append("FL");
                break;
            case 'ﬃ':
                text.Append("FFI");
                break;
            case 'ﬄ':
                text.Append("FFL");
                break;
            case 'ﬅ' or 'ﬆ':
                text.Append("ST");
                break;
            case 'ŉ':
                text.Append("ʼN");
                break;
            default:
                text.Append(char.ToUpperInvariant(c));
                break;
        }
    }

    private static void AppendTitle(StringBuilder text, char c)
    {
        switch (c)
        {
            case 'ß':
                text.Append("Ss");
                break;
            case 'ﬁ':
                text.Append("Fi");
                break;
            case 'ﬂ':
                text.Append("Fl");
                break;
            case 'Ǆ' or 'ǅ' or 'ǆ':
                text.Append('ǅ');
                break;
            case 'Ǉ' or 'ǈ' or 'ǉ':
                text.Append('ǈ');
                break;
            case 'Ǌ' or 'ǋ' or 'ǌ':
                text.Append('ǋ');
                break;
            case 'Ǳ' or 'ǲ' or 'ǳ':
                text.Append('ǲ');
                break;
            default:
                AppendUpper(text, c);
                break;
        }
    }

    /// <summary>Python's <c>str.title()</c>: a letter after a cased letter is lowered, any other is title-cased.</summary>
    internal static string Title(string s)
    {
        var text = new StringBuilder(s.Length);
        var previousCased = false;
        for (var i = 0; i < s.Length; i++)
        {
            var c = s[i];
            if (previousCased)
            {
                AppendLower(text, s, i);
            }
            else
            {
                AppendTitle(text, c);
            }

            previousCased = IsCased(c);
        }

        return text.ToString();
    }

    /// <summary>Python's <c>str.capitalize()</c>: first character title-cased, the rest lowered.</summary>
    internal static string Capitalize(string s)
    {
        if (s.Length == 0)
        {
            return s;
        }

        var text = new StringBuilder(s.Length);
        AppendTitle(text, s[0]);
        for (var i = 1; i < s.Length; i++)
        {
            AppendLower(text, s, i);
        }

        return text.ToString();
    }

    private static string SwapCase(string s)
    {
        var text = new StringBuilder(s.Length);
        for (var i = 0; i < s.Length; i++)
        {
            var c = s[i];
            if (char.IsUpper(c))
            {
                AppendLower(text, s, i);
            }
            else if (char.IsLower(c))
            {
                AppendUpper(text, c);
            }
            else
            {
                text.Append(c);
            }
        }

        return text.ToString();
    }
}
