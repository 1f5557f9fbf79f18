namespace Cedule.Jinja.Values;

public static partial class PyMethods
{
    private static void RegisterDictMethods(Dictionary<string, MethodImpl> m)
    {
        m["get"] = static (_, s, a) =>
        {
            MethodArgs.Range(a, "get", "dict.get", 1, 2);
            PyOps.EnsureHashable(a.Positional[0]);
            return ((PyDict)s).TryGetValue(a.Positional[0], out var value) ? value : MethodArgs.At(a, 1);
        };
        m["items"] = static (_, s, a) => NoArgs(a, "dict.items", new PyDictView((PyDict)s, PyDictViewKind.Items));
        m["keys"] = static (_, s, a) => NoArgs(a, "dict.keys", new PyDictView((PyDict)s, PyDictViewKind.Keys));
        m["values"] = static (_, s, a) => NoArgs(a, "dict.values", new PyDictView((PyDict)s, PyDictViewKind.Values));
        m["update"] = static (_, s, a) =>
        {
            if (a.Count > 1)
            {
                throw new TemplateException(ErrorKind.TypeError, $"update expected at most 1 argument, got {a.Count}");
            }

            var dict = (PyDict)s;
            if (a.Count == 1)
            {
                Update(dict, a.Positional[0]);
            }

            foreach (var pair in a.Keywords)
            {
                dict[pair.Key] = pair.Value;
            }

            return null;
        };
        m["pop"] = static (_, s, a) =>
        {
            MethodArgs.Range(a, "pop", "dict.pop", 1, 2);
            PyOps.EnsureHashable(a.Positional[0]);
            if (((PyDict)s).Remove(a.Positional[0], out var value))
            {
                return value;
            }

            return a.Count > 1 ? a.Positional[1] : throw new TemplateException(ErrorKind.KeyError, PyOps.Repr(a.Positional[0]));
        };
        m["popitem"] = static (r, s, a) =>
        {
            MethodArgs.None(a, "dict.popitem");
            var dict = (PyDict)s;
            if (!dict.TryGetLast(out var last))
            {
                throw new TemplateException(ErrorKind.KeyError, "'popitem(): dictionary is empty'");
            }

            dict.Remove(last.Key, out _);
            return new PyTuple(last.Key, last.Value);
        };
        m["setdefault"] = static (_, s, a) =>
        {
            MethodArgs.Range(a, "setdefault", "dict.setdefault", 1, 2);
            var dict = (PyDict)s;
            PyOps.EnsureHashable(a.Positional[0]);
            if (dict.TryGetValue(a.Positional[0], out var value))
            {
                return value;
            }

            var fallback = MethodArgs.At(a, 1);
            dict[a.Positional[0]] = fallback;
            return fallback;
        };
        m["copy"] = static (_, s, a) => NoArgs(a, "dict.copy", new PyDict((PyDict)s));
        m["fromkeys"] = static (_, s, a) =>
        {
            MethodArgs.Range(a, "fromkeys", "dict.fromkeys", 1, 2);
            var result = new PyDict();
            foreach (var key in PyOps.Iterate(a.Positional[0]))
            {
                PyOps.EnsureHashable(key);
                result[key] = MethodArgs.At(a, 1);
            }

            return result;
        };
        m["clear"] = static (_, s, a) => NoArgsVoid(a, "dict.clear", ((PyDict)s).Clear);
    }

    /// <summary>Python's <c>dict.update(other)</c> with a mapping or an iterable of pairs.</summary>
    internal static void Update(PyDict dict, object? other)
    {
        if (other is PyDict source)
        {
            foreach (var pair in ReferenceEquals(source, dict) ? [.. source] : (IEnumerable<KeyValuePair<object?, object?>>)source)
            {
                dict[pair.Key] = pair.Value;
            }

            return;
        }

        var index = 0;
        foreach (var item in PyOps.Iterate(other))
        {
            if (!PyOps.IsIterable(item) || item is Undefined)
            {
                throw new TemplateException(ErrorKind.TypeError, $"cannot convert dictionary update sequence element #{index} to a sequence");
            }

            var pair = PyOps.ToList(item);
            if (pair.Count != 2)
            {
                throw new TemplateException(ErrorKind.ValueError, $"dictionary update sequence element #{index} has length {pair.Count}; 2 is required");
            }

            PyOps.EnsureHashable(pair[0]);
            dict[pair[0]] = pair[1];
            index++;
        }
    }
}
