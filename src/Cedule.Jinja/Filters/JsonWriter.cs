using System.Globalization;
using System.Numerics;
using System.Text;
using Cedule.Jinja.Values;

namespace Cedule.Jinja.Filters;

/// <summary>
/// Jinja's <c>htmlsafe_json_dumps</c>: Python's <c>json.dumps(value, sort_keys=True, indent=indent)</c>
/// (ASCII only) with <c>&lt; &gt; &amp; '</c> escaped as <c>\u003c</c> and friends.
/// </summary>
internal static class JsonWriter
{
    public static string Dumps(object? value, object? indent)
    {
        string? indentText = indent switch
        {
            null => null,
            string s => s,
            long or bool or BigInteger => new string(' ', (int)Math.Clamp(MethodArgs.Index(indent), 0, 1000)),
            _ => throw new TemplateException(ErrorKind.TypeError, $"can't multiply sequence by non-int of type '{PyOps.TypeName(indent)}'"),
        };
        var text = new StringBuilder();
        Write(text, value, indentText, 0, []);
        return text.Replace("<", "\\u003c").Replace(">", "\\u003e").Replace("&", "\\u0026").Replace("'", "\\u0027").ToString();
    }

    private static void Write(StringBuilder text, object? value, string? indent, int level, List<object> stack)
    {
        switch (value)
        {
            case null:
                text.Append("null");
                return;
            case bool b:
                text.Append(b ? "true" : "false");
                return;
            case string s:
                WriteString(text, s);
                return;
            case Markup m:
                WriteString(text, m.Value);
                return;
            case long or BigInteger:
                text.Append(PyOps.ToStr(value));
                return;
            case double d:
                text.Append(FloatText(d));
                return;
            case List<object?> or PyTuple:
                Enter(stack, value);
                try
                {
                    WriteArray(text, (IReadOnlyList<object?>)value, indent, level, stack);
                }
                finally
                {
                    Leave(stack);
                }

                return;
            case PyDict dict:
                Enter(stack, value);
                try
                {
                    WriteObject(text, dict, indent, level, stack);
                }
                finally
                {
                    Leave(stack);
                }

                return;
            default:
                throw new TemplateException(ErrorKind.TypeError, $"Object of type {PyOps.TypeName(value)} is not JSON serializable");
        }
    }

    private static void Enter(List<object> stack, object value)
    {
        if (ValueRecursion.IsOnPath(stack, value))
        {
            throw new TemplateException(ErrorKind.ValueError, "Circular reference detected");
        }

        ValueRecursion.Push(stack, value, "while encoding a JSON object");
    }

    private static void Leave(List<object> stack) => ValueRecursion.Pop(stack);

    private static string FloatText(double d) =>
        double.IsNaN(d) ? "NaN" : double.IsPositiveInfinity(d) ? "Infinity" : double.IsNegativeInfinity(d) ? "-Infinity" : PyOps.FloatRepr(d);

    private static void NewLine(StringBuilder text, string indent, int level)
    {
        text.Append('\n');
        for (var i = 0; i < level; i++)
        {
            text.Append(indent);
        }
    }

    private static void WriteArray(StringBuilder text, IReadOnlyList<object?> items, string? indent, int level, List<object> stack)
    {
        if (items.Count == 0)
        {
            text.Append("[]");
            return;
        }

        text.Append('[');
        for (var i = 0; i < items.Count; i++)
        {
            if (i > 0)
            {
                text.Append(indent is null ? ", " : ",");
            }

            if (indent is not null)
            {
                NewLine(text, indent, level + 1);
            }

            Write(text, items[i], indent, level + 1, stack);
        }

        if (indent is not null)
        {
            NewLine(text, indent, level);
        }

        text.Append(']');
    }

    private static void WriteObject(StringBuilder text, PyDict dict, string? indent, int level, List<object> stack)
    {
        if (dict.Count == 0)
        {
            text.Append("{}");
            return;
        }

        var pairs = new KeyValuePair<object?, object?>[dict.Count];
        var n = 0;
        foreach (var pair in dict)
        {
            pairs[n++] = pair;
        }

        PySort.Sort(pairs, static (x, y) => PyOps.LessThan(x.Key, y.Key));
        text.Append('{');
        for (var i = 0; i < pairs.Length; i++)
        {
            if (i > 0)
            {
                text.Append(indent is null ? ", " : ",");
            }

            if (indent is not null)
            {
                NewLine(text, indent, level + 1);
            }

            var key = pairs[i].Key switch
            {
                string s => s,
                bool b => b ? "true" : "false",
                null => "null",
                long or BigInteger => PyOps.ToStr(pairs[i].Key),
                double d => FloatText(d),
                var other => throw new TemplateException(ErrorKind.TypeError, $"keys must be str, int, float, bool or None, not {PyOps.TypeName(other)}"),
            };
            WriteString(text, key);
            text.Append(": ");
            Write(text, pairs[i].Value, indent, level + 1, stack);
        }

        if (indent is not null)
        {
            NewLine(text, indent, level);
        }

        text.Append('}');
    }

    private static void WriteString(StringBuilder text, string s)
    {
        text.Append('"');
        foreach (var c in s)
        {
            switch (c)
            {
                case '"':
                    text.Append("\\\"");
                    break;
                case '\\':
                    text.Append("\\\\");
                    break;
                case '\n':
                    text.Append("\\n");
                    break;
                case '\r':
                    text.Append("\\r");
                    break;
                case '\t':
                    text.Append("\\t");
                    break;
                case '\b':
                    text.Append("\\b");
                    break;
                case '\f':
                    text.Append("\\f");
                    break;
                default:
                    if (c < ' ' || c > '~')
                    {
                        text.Append("\\u").Append(((int)c).ToString("x4", CultureInfo.InvariantCulture));
                    }
                    else
                    {
                        text.Append(c);
                    }

                    break;
            }
        }

        text.Append('"');
    }
}
