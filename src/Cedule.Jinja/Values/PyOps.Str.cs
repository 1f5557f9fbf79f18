using System.Collections;
using System.Globalization;
using System.Numerics;
using System.Text;

namespace Cedule.Jinja.Values;

public static partial class PyOps
{
    // Containers being printed on this thread, so a list that contains itself prints [...] as in Python.
    [ThreadStatic]
    private static List<object>? t_printing;

    /// <summary>
    /// Python's <c>str(value)</c>, which is how Jinja prints <c>{{ value }}</c>:
    /// <c>None</c>, <c>True</c>, <c>1.0</c>, <c>1e+16</c>, <c>['a', 1]</c>. Undefined prints empty (strict fails).
    /// </summary>
    public static string ToStr(object? value)
    {
        switch (value)
        {
            case string s:
                return s;
            case long l:
                return l.ToString(CultureInfo.InvariantCulture);
            case null:
                return "None";
            case bool b:
                return b ? "True" : "False";
            case double d:
                return FloatRepr(d);
            case Undefined u:
                return u.IsStrict ? throw u.Fail() : string.Empty;
            case BigInteger big:
                return PyIntText.ToDecimal(big);
            case IJinjaObject obj:
                return obj.ToPythonString();
            default:
                var text = new StringBuilder();
                AppendRepr(text, value);
                return text.ToString();
        }
    }

    /// <summary>Python's <c>repr(value)</c>: strings quoted as Python quotes them (<c>'a'</c>, <c>"it's"</c>).</summary>
    public static string Repr(object? value)
    {
        switch (value)
        {
            case string s:
                return StrRepr(s);
            case null or bool or long or double or BigInteger:
                return ToStr(value);
            default:
                var text = new StringBuilder();
                AppendRepr(text, value);
                return text.ToString();
        }
    }

    /// <summary>Appends Python's <c>repr(value)</c> to <paramref name="text"/>.</summary>
    internal static void AppendRepr(StringBuilder text, object? value)
    {
        switch (value)
        {
            case string s:
                AppendStrRepr(text, s);
                return;
            case null or bool or long or double or BigInteger:
                text.Append(ToStr(value));
                return;
            case Undefined:
                // StrictUndefined inherits Undefined's __repr__.
                text.Append("Undefined");
                return;
            case List<object?> or PyDict or PyTuple or PyDictView:
                AppendContainerRepr(text, value);
                return;
            case Markup markup:
                text.Append("Markup(");
                AppendStrRepr(text, markup.Value);
                text.Append(')');
                return;
            case IJinjaObject obj:
                text.Append(obj.ToPythonString());
                return;
            case IEnumerable<object?> items:
                // Host sequences have no Python type; show them as lists, the closest thing.
                AppendContainerRepr(text, new List<object?>(items));
                return;
            default:
                text.Append(Convert.ToString(value, CultureInfo.InvariantCulture));
                return;
        }
    }

    private static void AppendContainerRepr(StringBuilder text, object container)
    {
        var printing = t_printing ??= [];
        if (ValueRecursion.IsOnPath(printing, container))
        {
            text.Append(container switch
            {
                PyDict => "{...}",
                PyTuple => "(...)",
                _ => "[...]",
            });
            return;
        }

        ValueRecursion.Push(printing, container, ValueRecursion.InRepr);
        try
        {
            switch (container)
            {
                case List<object?> list:
                    text.Append('[');
                    AppendItems(text, list);
                    text.Append(']');
                    break;
                case PyTuple tuple:
                    text.Append('(');
                    AppendItems(text, tuple);
                    text.Append(tuple.Count == 1 ? ",)" : ")");
                    break;
                case PyDict dict:
                    AppendDictRepr(text, dict);
                    break;
                case PyDictView view:
                    view.AppendRepr(text);
                    break;
            }
        }
        finally
        {
            ValueRecursion.Pop(printing);
        }
    }

    private static void AppendItems(StringBuilder text, IReadOnlyList<object?> items)
    {
        for (var i = 0; i < items.Count; i++)
        {
            if (i > 0)
            {
                text.Append(", ");
            }

            AppendRepr(text, items[i]);
        }
    }

    private static void AppendDictRepr(StringBuilder text, PyDict dict)
    {
        text.Append('{');
        var first = true;
        foreach (var pair in dict)
        {
            if (!first)
            {
                text.Append(", ");
            }

            first = false;
            AppendRepr(text, pair.Key);
            text.Append(": ");
            AppendRepr(text, pair.Value);
        }

        text.Append('}');
    }

    /// <summary>Python's <c>repr()</c> of a string.</summary>
    public static string StrRepr(string value)
    {
        var text = new StringBuilder(value.Length + 2);
        AppendStrRepr(text, value);
        return text.ToString();
    }

    private static void AppendStrRepr(StringBuilder text, string value)
    {
        // Python prefers single quotes, and switches to double quotes only to avoid escaping.
        var quote = value.Contains('\'', StringComparison.Ordinal) && !value.Contains('"', StringComparison.Ordinal) ? '"' : '\'';
        text.Append(quote);
        for (var i = 0; i < value.Length; i++)
        {
            var c = value[i];
            if (c == quote || c == '\\')
            {
                text.Append('\\').Append(c);
            }
            else if (c == '\n')
            {
                text.Append("\\n");
            }
            else if (c == '\r')
            {
                text.Append("\\r");
            }
            else if (c == '\t')
            {
                text.Append("\\t");
            }
            else if (c < ' ' || c == 0x7f)
            {
                text.Append("\\x").Append(((int)c).ToString("x2", CultureInfo.InvariantCulture));
            }
            else if (c < 0x7f)
            {
                text.Append(c);
            }
            else if (char.IsHighSurrogate(c) && i + 1 < value.Length && char.IsLowSurrogate(value[i + 1]))
            {
                var codePoint = char.ConvertToUtf32(c, value[i + 1]);
                if (IsPrintable(codePoint))
                {
                    text.Append(c).Append(value[i + 1]);
                }
                else
                {
                    text.Append("\\U").Append(codePoint.ToString("x8", CultureInfo.InvariantCulture));
                }

                i++;
            }
            else if (!char.IsSurrogate(c) && IsPrintable(c))
            {
                text.Append(c);
            }
            else if (c <= 0xff)
            {
                text.Append("\\x").Append(((int)c).ToString("x2", CultureInfo.InvariantCulture));
            }
            else
            {
                text.Append("\\u").Append(((int)c).ToString("x4", CultureInfo.InvariantCulture));
            }
        }

        text.Append(quote);
    }

    /// <summary>Python's <c>str.isprintable()</c> for one code point.</summary>
    internal static bool IsPrintable(int codePoint)
    {
        if (codePoint == ' ')
        {
            return true;
        }

        var category = CharUnicodeInfo.GetUnicodeCategory(codePoint);
        return category is not (UnicodeCategory.Control or UnicodeCategory.Format or UnicodeCategory.Surrogate
            or UnicodeCategory.PrivateUse or UnicodeCategory.OtherNotAssigned or UnicodeCategory.LineSeparator
            or UnicodeCategory.ParagraphSeparator or UnicodeCategory.SpaceSeparator);
    }

    /// <summary>Python's <c>repr()</c> of a float: shortest round-trip digits, exponent form below 1e-4 and from 1e16.</summary>
    public static string FloatRepr(double value)
    {
        if (double.IsNaN(value))
        {
            return "nan";
        }

        if (double.IsInfinity(value))
        {
            return value > 0 ? "inf" : "-inf";
        }

        if (value == 0)
        {
            return double.IsNegative(value) ? "-0.0" : "0.0";
        }

        if (value == Math.Floor(value) && Math.Abs(value) < 1e15)
        {
            // Integral values are by far the most common; skip the digit analysis.
            return ((long)value).ToString(CultureInfo.InvariantCulture) + ".0";
        }

        // .NET's shortest round-trip text equals Python's when both use fixed notation with a
        // fraction: Python does from 1e-4 up, and a value of 1e16 or more has no fraction.
        Span<char> buffer = stackalloc char[32];
        if (Math.Abs(value) >= 1e-4
            && value.TryFormat(buffer, out var written, "R", CultureInfo.InvariantCulture)
            && buffer[..written].IndexOf('E') < 0
            && buffer[..written].IndexOf('.') >= 0)
        {
            return new string(buffer[..written]);
        }

        var negative = value < 0;
        ShortestDigits(Math.Abs(value), out var digits, out var exponent);
        var text = new StringBuilder(digits.Length + 8);
        if (negative)
        {
            text.Append('-');
        }

        if (exponent < -4 || exponent >= 16)
        {
            text.Append(digits[0]);
            if (digits.Length > 1)
            {
                text.Append('.').Append(digits, 1, digits.Length - 1);
            }

            AppendExponent(text, 'e', exponent);
        }
        else if (exponent >= 0)
        {
            if (digits.Length <= exponent + 1)
            {
                text.Append(digits).Append('0', exponent + 1 - digits.Length).Append(".0");
            }
            else
            {
                text.Append(digits, 0, exponent + 1).Append('.').Append(digits, exponent + 1, digits.Length - exponent - 1);
            }
        }
        else
        {
            text.Append("0.").Append('0', -exponent - 1).Append(digits);
        }

        return text.ToString();
    }

    /// <summary>Appends a Python-style exponent: <c>e+16</c>, <c>e-05</c>.</summary>
    internal static void AppendExponent(StringBuilder text, char letter, int exponent)
    {
        text.Append(letter).Append(exponent < 0 ? '-' : '+');
        var magnitude = Math.Abs(exponent);
        if (magnitude < 10)
        {
            text.Append('0');
        }

        text.Append(magnitude.ToString(CultureInfo.InvariantCulture));
    }

    /// <summary>
    /// The shortest digits that round-trip a positive finite double, without trailing zeros,
    /// and the decimal exponent of the first digit (value = d.ddd × 10^exponent).
    /// </summary>
    internal static void ShortestDigits(double value, out string digits, out int exponent)
    {
        var r = value.ToString("R", CultureInfo.InvariantCulture);
        var ePos = r.IndexOf('E', StringComparison.Ordinal);
        var mantissa = ePos < 0 ? r : r[..ePos];
        var exp10 = ePos < 0 ? 0 : int.Parse(r.AsSpan(ePos + 1), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture);
        var dot = mantissa.IndexOf('.', StringComparison.Ordinal);
        var all = dot < 0 ? mantissa : mantissa.Remove(dot, 1);
        var integerLength = dot < 0 ? mantissa.Length : dot;
        var lead = 0;
        while (lead < all.Length - 1 && all[lead] == '0')
        {
            lead++;
        }

        digits = all[lead..].TrimEnd('0');
        if (digits.Length == 0)
        {
            digits = "0";
        }

        exponent = integerLength - lead + exp10 - 1;
    }

    /// <summary>Number of code points in a string (Python's <c>len</c>), counting a surrogate pair once.</summary>
    internal static int StrLength(string s)
    {
        var span = s.AsSpan();
        var first = span.IndexOfAnyInRange('\uD800', '\uDFFF');
        if (first < 0)
        {
            return s.Length;
        }

        var count = first;
        for (var i = first; i < span.Length; i++)
        {
            count++;
            if (char.IsHighSurrogate(span[i]) && i + 1 < span.Length && char.IsLowSurrogate(span[i + 1]))
            {
                i++;
            }
        }

        return count;
    }

    internal static bool HasSurrogates(string s) => s.AsSpan().IndexOfAnyInRange('\uD800', '\uDFFF') >= 0;

    private static IEnumerable<object?> EnumerateCollection(IEnumerable collection)
    {
        foreach (var item in collection)
        {
            yield return item;
        }
    }
}
