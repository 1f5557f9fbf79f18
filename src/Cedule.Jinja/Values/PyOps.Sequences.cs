using System.Collections;
using System.Numerics;

namespace Cedule.Jinja.Values;

public static partial class PyOps
{
    private static readonly string[] AsciiChars = MakeAsciiChars();

    /// <summary>Python's <c>item in container</c>.</summary>
    public static bool Contains(object? container, object? item)
    {
        if (container is Markup || item is Markup)
        {
            container = Text(container);
            item = Text(item);
        }

        switch (container)
        {
            case string s:
                return item is string sub
                    ? s.Contains(sub, StringComparison.Ordinal)
                    : throw new TemplateException(ErrorKind.TypeError, $"'in <string>' requires string as left operand, not {TypeName(item)}");
            case List<object?> list:
                return IndexOf(list, item) >= 0;
            case PyTuple tuple:
                return IndexOf(tuple, item) >= 0;
            case PyDict dict:
                EnsureHashable(item);
                return dict.ContainsKey(item);
            case PyDictView view:
                return view.Contains(item);
            case Undefined u:
                return u.IsStrict ? throw u.Fail() : false;
            case IEnumerable<object?> items:
                foreach (var candidate in items)
                {
                    if (ReferenceEquals(candidate, item) || Equals(candidate, item))
                    {
                        return true;
                    }
                }

                return false;
            default:
                throw new TemplateException(ErrorKind.TypeError, $"argument of type '{TypeName(container)}' is not iterable");
        }
    }

    /// <summary>Index of the first item equal to <paramref name="item"/> (identity first, as Python), or -1.</summary>
    internal static int IndexOf(IReadOnlyList<object?> items, object? item, int start = 0, int stop = int.MaxValue)
    {
        stop = Math.Min(stop, items.Count);
        for (var i = start; i < stop; i++)
        {
            if (ReferenceEquals(items[i], item) || Equals(items[i], item))
            {
                return i;
            }
        }

        return -1;
    }

    /// <summary>Throws Python's TypeError for a value that cannot be a dict key.</summary>
    internal static void EnsureHashable(object? key)
    {
        if (key is List<object?> or PyDict or PyDictView)
        {
            throw new TemplateException(ErrorKind.TypeError, $"unhashable type: '{TypeName(key)}'");
        }
    }

    /// <summary>
    /// Python's <c>iter(value)</c>: a string yields its characters, a dict its keys, Undefined nothing
    /// (strict undefined fails); a TypeError for values that are not iterable.
    /// </summary>
    public static IEnumerable<object?> Iterate(object? value) => value switch
    {
        List<object?> list => IterateList(list),
        PyTuple tuple => tuple,
        PyDict dict => IterateKeys(dict),
        string s => IterateString(s),
        Markup m => IterateString(m.Value),
        PyDictView view => view,
        Undefined u => u.IsStrict ? throw u.Fail() : [],
        IEnumerable<object?> items => items,
        IEnumerable items when value is not IJinjaObject => EnumerateCollection(items),
        _ => throw new TemplateException(ErrorKind.TypeError, $"'{TypeName(value)}' object is not iterable"),
    };

    /// <summary>True when <see cref="Iterate"/> accepts the value.</summary>
    public static bool IsIterable(object? value) =>
        value is string or List<object?> or PyTuple or PyDict or PyDictView or Undefined or Markup or IEnumerable<object?>
        || (value is IEnumerable && value is not IJinjaObject);

    /// <summary>Materializes any iterable as a new list (Python's <c>list(value)</c>).</summary>
    public static List<object?> ToList(object? value)
    {
        switch (value)
        {
            case List<object?> list:
                return [.. list];
            case PyTuple tuple:
                return [.. tuple.AsSpan()];
            default:
                var result = new List<object?>();
                foreach (var item in Iterate(value))
                {
                    result.Add(item);
                }

                return result;
        }
    }

    private static IEnumerable<object?> IterateList(List<object?> list)
    {
        // By index, as Python does: appending while looping is seen, not an error.
        for (var i = 0; i < list.Count; i++)
        {
            yield return list[i];
        }
    }

    private static IEnumerable<object?> IterateKeys(PyDict dict)
    {
        foreach (var pair in dict)
        {
            yield return pair.Key;
        }
    }

    /// <summary>The characters (code points) of a string, each as a string.</summary>
    internal static IEnumerable<object?> IterateString(string s)
    {
        for (var i = 0; i < s.Length; i++)
        {
            var c = s[i];
            if (c < 128)
            {
                yield return AsciiChars[c];
            }
            else if (char.IsHighSurrogate(c) && i + 1 < s.Length && char.IsLowSurrogate(s[i + 1]))
            {
                yield return s.Substring(i, 2);
                i++;
            }
            else
            {
                yield return c.ToString();
            }
        }
    }

    /// <summary>A one-character string, cached for ASCII.</summary>
    internal static string CharString(char c) => c < 128 ? AsciiChars[c] : c.ToString();

    /// <summary>
    /// Python's <c>container[key]</c> for strings, lists, tuples, dicts and indexable host objects.
    /// False when the key is missing, out of range or of a type the container does not index by,
    /// which is when Jinja falls back to an attribute or Undefined.
    /// </summary>
    public static bool TryGetItem(object? container, object? key, out object? value)
    {
        value = null;
        switch (container)
        {
            case PyDict dict:
                return key is not (List<object?> or PyDict or PyDictView) && dict.TryGetValue(key, out value);
            case List<object?> list:
                return TryIndex(list.Count, key, out var li) && Set(list[li], out value);
            case PyTuple tuple:
                return TryIndex(tuple.Count, key, out var ti) && Set(tuple[ti], out value);
            case string s:
                if (!HasSurrogates(s))
                {
                    return TryIndex(s.Length, key, out var si) && Set(CharString(s[si]), out value);
                }

                var chars = ToList(s);
                return TryIndex(chars.Count, key, out var ci) && Set(chars[ci], out value);
            case Undefined u:
                throw u.Fail();
            case Markup m:
                if (TryGetItem(m.Value, key, out var character))
                {
                    value = new Markup((string)character!);
                    return true;
                }

                return false;
            case IJinjaIndexable indexable:
                return indexable.TryGetItem(key, out value);
            case IReadOnlyList<object?> items:
                return TryIndex(items.Count, key, out var ii) && Set(items[ii], out value);
            default:
                return false;
        }
    }

    private static bool Set(object? item, out object? value)
    {
        value = item;
        return true;
    }

    private static bool TryIndex(int count, object? key, out int index)
    {
        index = 0;
        long i;
        if (key is long l)
        {
            i = l;
        }
        else if (key is bool b)
        {
            i = b ? 1 : 0;
        }
        else
        {
            return false;
        }

        if (i < 0)
        {
            i += count;
        }

        if (i < 0 || i >= count)
        {
            return false;
        }

        index = (int)i;
        return true;
    }

    /// <summary>
    /// Python's <c>container[start:stop:step]</c> on a string, list or tuple (null bounds are None);
    /// returns a value of the same type.
    /// </summary>
    public static object? Slice(object? container, object? start, object? stop, object? step)
    {
        // Jinja compiles a slice to a plain Python subscript, so an unsliceable value is a TypeError
        // here (unlike obj[key], which becomes undefined).

        if (container is Undefined u)
        {
            throw u.Fail();
        }

        if (container is Markup markup)
        {
            return new Markup((string)Slice(markup.Value, start, stop, step)!);
        }

        var count = container switch
        {
            string s => StrLength(s),
            List<object?> list => list.Count,
            PyTuple tuple => tuple.Count,
            _ => throw new TemplateException(ErrorKind.TypeError, $"'{TypeName(container)}' object is not subscriptable"),
        };
        var stepValue = SliceIndex(step, 1);
        if (stepValue == 0)
        {
            throw new TemplateException(ErrorKind.ValueError, "slice step cannot be zero");
        }

        var (first, length) = AdjustSlice(count, SliceIndex(start, stepValue < 0 ? long.MaxValue : 0), SliceIndex(stop, stepValue < 0 ? long.MinValue : long.MaxValue), stepValue, start is null, stop is null);
        switch (container)
        {
            case string s:
                if (stepValue == 1 && !HasSurrogates(s))
                {
                    return s.Substring((int)first, length);
                }

                var text = new System.Text.StringBuilder(length);
                var chars = HasSurrogates(s) ? ToList(s) : null;
                for (var i = 0; i < length; i++)
                {
                    var index = (int)(first + (i * stepValue));
                    if (chars is null)
                    {
                        text.Append(s[index]);
                    }
                    else
                    {
                        text.Append((string)chars[index]!);
                    }
                }

                return text.ToString();
            case List<object?> list:
                var result = new List<object?>(length);
                for (var i = 0; i < length; i++)
                {
                    result.Add(list[(int)(first + (i * stepValue))]);
                }

                return result;
            default:
                var tuple = (PyTuple)container!;
                var items = new object?[length];
                for (var i = 0; i < length; i++)
                {
                    items[i] = tuple[(int)(first + (i * stepValue))];
                }

                return new PyTuple(items);
        }
    }

    private static long SliceIndex(object? value, long whenNone) => value switch
    {
        null => whenNone,
        long l => l,
        bool b => b ? 1 : 0,
        BigInteger big => big.Sign < 0 ? long.MinValue / 2 : long.MaxValue / 2,
        _ => throw new TemplateException(ErrorKind.TypeError, "slice indices must be integers or None or have an __index__ method"),
    };

    // CPython's PySlice_AdjustIndices and slice length computation.
    private static (long Start, int Length) AdjustSlice(int count, long start, long stop, long step, bool startNone, bool stopNone)
    {
        if (startNone)
        {
            start = step < 0 ? count - 1 : 0;
        }
        else if (start < 0)
        {
            start += count;
            if (start < 0)
            {
                start = step < 0 ? -1 : 0;
            }
        }
        else if (start >= count)
        {
            start = step < 0 ? count - 1 : count;
        }

        if (stopNone)
        {
            stop = step < 0 ? -1 : count;
        }
        else if (stop < 0)
        {
            stop += count;
            if (stop < 0)
            {
                stop = step < 0 ? -1 : 0;
            }
        }
        else if (stop >= count)
        {
            stop = step < 0 ? count - 1 : count;
        }

        long length;
        if (step < 0)
        {
            length = stop < start ? ((start - stop - 1) / -step) + 1 : 0;
        }
        else
        {
            length = start < stop ? ((stop - start - 1) / step) + 1 : 0;
        }

        return (start, (int)length);
    }

    private static string[] MakeAsciiChars()
    {
        var chars = new string[128];
        for (var i = 0; i < chars.Length; i++)
        {
            chars[i] = ((char)i).ToString();
        }

        return chars;
    }
}
