using System.Runtime.CompilerServices;
using System.Text;
using Cedule.Jinja.Values;

namespace Cedule.Jinja.Filters;

/// <summary>Python's <c>pprint.pformat</c> (width 80, indent 1, dict keys sorted) for the <c>pprint</c> filter.</summary>
internal static class PrettyPrinter
{
    private const int Width = 80;

    public static string Format(object? value)
    {
        var text = new StringBuilder();
        FormatValue(text, value, 0, 0, 1, []);
        return text.ToString();
    }

    /// <summary>
    /// repr with dict keys sorted, as pprint's <c>_safe_repr</c> does. <paramref name="context"/>
    /// holds the containers being printed: one met again inside itself prints as pprint's
    /// <c>&lt;Recursion on list with id=…&gt;</c> instead of recursing forever.
    /// </summary>
    private static string SafeRepr(object? value, List<object> context)
    {
        if (value is not (PyDict or List<object?> or PyTuple))
        {
            return PyOps.Repr(value);
        }

        if (Contains(context, value))
        {
            return Recursion(value);
        }

        Enter(context, value);
        try
        {
            switch (value)
            {
                case PyDict dict:
                    var text = new StringBuilder("{");
                    var first = true;
                    foreach (var pair in SortedItems(dict))
                    {
                        if (!first)
                        {
                            text.Append(", ");
                        }

                        first = false;
                        text.Append(SafeRepr(pair.Key, context)).Append(": ").Append(SafeRepr(pair.Value, context));
                    }

                    return text.Append('}').ToString();
                case List<object?> list:
                    return "[" + JoinReprs(list, context) + "]";
                default:
                    var tuple = (PyTuple)value;
                    return tuple.Count == 1 ? "(" + SafeRepr(tuple[0], context) + ",)" : "(" + JoinReprs(tuple, context) + ")";
            }
        }
        finally
        {
            Leave(context);
        }
    }

    private static bool Contains(List<object> context, object value) => ValueRecursion.IsOnPath(context, value);

    private static void Enter(List<object> context, object value) => ValueRecursion.Push(context, value, ValueRecursion.InRepr);

    private static void Leave(List<object> context) => ValueRecursion.Pop(context);

    // Python shows the object's address; a .NET object has none, its identity hash stands in.
    private static string Recursion(object value) =>
        $"<Recursion on {PyOps.TypeName(value)} with id={RuntimeHelpers.GetHashCode(value)}>";

    private static string JoinReprs(IReadOnlyList<object?> items, List<object> context)
    {
        var text = new StringBuilder();
        for (var i = 0; i < items.Count; i++)
        {
            if (i > 0)
            {
                text.Append(", ");
            }

            text.Append(SafeRepr(items[i], context));
        }

        return text.ToString();
    }

    private static KeyValuePair<object?, object?>[] SortedItems(PyDict dict)
    {
        var pairs = new KeyValuePair<object?, object?>[dict.Count];
        var n = 0;
        foreach (var pair in dict)
        {
            pairs[n++] = pair;
        }

        PySort.Sort(pairs, static (x, y) => SafeLess(x.Key, y.Key));
        return pairs;
    }

    // pprint's _safe_key: values that cannot be compared are ordered by type name.
    private static bool SafeLess(object? x, object? y)
    {
        try
        {
            return PyOps.LessThan(x, y);
        }
        catch (TemplateException)
        {
            return string.CompareOrdinal(PyOps.TypeName(x), PyOps.TypeName(y)) < 0;
        }
    }

    private static void FormatValue(StringBuilder text, object? value, int indent, int allowance, int level, List<object> context)
    {
        if (value is not null && Contains(context, value))
        {
            text.Append(Recursion(value));
            return;
        }

        var rep = SafeRepr(value, context);
        if (rep.Length <= Width - indent - allowance)
        {
            text.Append(rep);
            return;
        }

        if (value is PyDict or List<object?> or PyTuple)
        {
            Enter(context, value);
            try
            {
                FormatContainer(text, value, rep, indent, allowance, level, context);
            }
            finally
            {
                Leave(context);
            }

            return;
        }

        if (value is string s && s.Length > 0)
        {
            FormatString(text, s, indent, allowance, level);
            return;
        }

        text.Append(rep);
    }

    private static void FormatContainer(StringBuilder text, object value, string rep, int indent, int allowance, int level, List<object> context)
    {
        switch (value)
        {
            case PyDict dict when dict.Count > 0:
                text.Append('{');
                var items = SortedItems(dict);
                var inner = indent + 1;
                for (var i = 0; i < items.Length; i++)
                {
                    var last = i == items.Length - 1;
                    var keyRep = SafeRepr(items[i].Key, context);
                    text.Append(keyRep).Append(": ");
                    FormatValue(text, items[i].Value, inner + keyRep.Length + 2, last ? allowance + 1 : 1, level + 1, context);
                    if (!last)
                    {
                        text.Append(",\n").Append(' ', inner);
                    }
                }

                text.Append('}');
                return;
            case List<object?> list when list.Count > 0:
                text.Append('[');
                FormatItems(text, list, indent, allowance + 1, level, context);
                text.Append(']');
                return;
            case PyTuple tuple when tuple.Count > 0:
                var end = tuple.Count == 1 ? ",)" : ")";
                text.Append('(');
                FormatItems(text, tuple, indent, allowance + end.Length, level, context);
                text.Append(end);
                return;
            default:
                text.Append(rep);
                return;
        }
    }

    // pprint's _pprint_str: a long string is split at whitespace into adjacent literals.
    private static void FormatString(StringBuilder text, string s, int indent, int allowance, int level)
    {
        var chunks = new List<string>();
        var lines = PyMethods.SplitLines(s, true);
        if (level == 1)
        {
            indent++;
            allowance++;
        }

        var maxWidth1 = Width - indent;
        var maxWidth = maxWidth1;
        var rep = string.Empty;
        for (var i = 0; i < lines.Count; i++)
        {
            var line = (string)lines[i]!;
            rep = PyOps.Repr(line);
            if (i == lines.Count - 1)
            {
                maxWidth1 -= allowance;
            }

            if (rep.Length <= maxWidth1)
            {
                chunks.Add(rep);
                continue;
            }

            var parts = WordParts(line);
            var maxWidth2 = maxWidth;
            var current = string.Empty;
            for (var j = 0; j < parts.Count; j++)
            {
                var candidate = current + parts[j];
                if (j == parts.Count - 1 && i == lines.Count - 1)
                {
                    maxWidth2 -= allowance;
                }

                if (PyOps.Repr(candidate).Length > maxWidth2)
                {
                    if (current.Length > 0)
                    {
                        chunks.Add(PyOps.Repr(current));
                    }

                    current = parts[j];
                }
                else
                {
                    current = candidate;
                }
            }

            if (current.Length > 0)
            {
                chunks.Add(PyOps.Repr(current));
            }
        }

        if (chunks.Count == 1)
        {
            text.Append(rep);
            return;
        }

        if (level == 1)
        {
            text.Append('(');
        }

        for (var i = 0; i < chunks.Count; i++)
        {
            if (i > 0)
            {
                text.Append('\n').Append(' ', indent);
            }

            text.Append(chunks[i]);
        }

        if (level == 1)
        {
            text.Append(')');
        }
    }

    // re.findall(r'\S*\s*', line) without the final empty match.
    private static List<string> WordParts(string line)
    {
        var parts = new List<string>();
        var i = 0;
        while (i < line.Length)
        {
            var start = i;
            while (i < line.Length && !PyMethods.IsPySpace(line[i]))
            {
                i++;
            }

            while (i < line.Length && PyMethods.IsPySpace(line[i]))
            {
                i++;
            }

            parts.Add(line[start..i]);
        }

        return parts;
    }

    private static void FormatItems(StringBuilder text, IReadOnlyList<object?> items, int indent, int allowance, int level, List<object> context)
    {
        indent++;
        for (var i = 0; i < items.Count; i++)
        {
            if (i > 0)
            {
                text.Append(",\n").Append(' ', indent);
            }

            FormatValue(text, items[i], indent, i == items.Count - 1 ? allowance : 1, level + 1, context);
        }
    }
}
