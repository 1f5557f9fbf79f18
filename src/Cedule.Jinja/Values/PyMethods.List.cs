namespace Cedule.Jinja.Values;

public static partial class PyMethods
{
    private static void RegisterListMethods(Dictionary<string, MethodImpl> m)
    {
        m["append"] = static (_, s, a) =>
        {
            ((List<object?>)s).Add(MethodArgs.One(a, "list.append"));
            return null;
        };
        m["extend"] = static (r, s, a) =>
        {
            var list = (List<object?>)s;
            var items = PyOps.ToList(MethodArgs.One(a, "list.extend"));
            PyOps.Charge(r, items.Count);
            list.AddRange(items);
            return null;
        };
        m["insert"] = static (_, s, a) =>
        {
            MethodArgs.NoKeywords(a, "list.insert");
            if (a.Count != 2)
            {
                throw new TemplateException(ErrorKind.TypeError, $"insert expected 2 arguments, got {a.Count}");
            }

            var list = (List<object?>)s;
            var index = MethodArgs.Index(a.Positional[0]);
            if (index < 0)
            {
                index = Math.Max(0, index + list.Count);
            }

            list.Insert((int)Math.Min(index, list.Count), a.Positional[1]);
            return null;
        };
        m["pop"] = static (_, s, a) => ListPop((List<object?>)s, a);
        m["remove"] = static (_, s, a) =>
        {
            var list = (List<object?>)s;
            var index = PyOps.IndexOf(list, MethodArgs.One(a, "list.remove"));
            if (index < 0)
            {
                throw new TemplateException(ErrorKind.ValueError, "list.remove(x): x not in list");
            }

            list.RemoveAt(index);
            return null;
        };
        m["index"] = static (_, s, a) => ListIndex((List<object?>)s, a);
        m["count"] = static (_, s, a) =>
        {
            var item = MethodArgs.One(a, "list.count");
            var count = 0L;
            foreach (var candidate in (List<object?>)s)
            {
                if (ReferenceEquals(candidate, item) || PyOps.Equals(candidate, item))
                {
                    count++;
                }
            }

            return PyOps.Box(count);
        };
        m["sort"] = static (r, s, a) =>
        {
            if (a.Count > 0)
            {
                throw new TemplateException(ErrorKind.TypeError, "sort() takes no positional arguments");
            }

            var reverse = a.TryGetKeyword("reverse", out var reverseValue) && PyOps.IsTrue(reverseValue);
            PySort.Charge(r, ((List<object?>)s).Count);
            if (a.TryGetKeyword("key", out var key) && key is not null)
            {
                SortByKey(r, (List<object?>)s, key, reverse);
            }
            else
            {
                PySort.Sort((List<object?>)s, PyOps.LessThan, reverse);
            }

            return null;
        };
        m["reverse"] = static (_, s, a) => NoArgsVoid(a, "list.reverse", () => ((List<object?>)s).Reverse());
        m["copy"] = static (_, s, a) => NoArgs(a, "list.copy", new List<object?>((List<object?>)s));
        m["clear"] = static (_, s, a) => NoArgsVoid(a, "list.clear", ((List<object?>)s).Clear);
    }

    private static object? NoArgsVoid(Arguments a, string name, Action action)
    {
        MethodArgs.None(a, name);
        action();
        return null;
    }

    private static void SortByKey(IRuntime runtime, List<object?> list, object? key, bool reverse)
    {
        var pairs = new (object? Key, object? Value)[list.Count];
        for (var i = 0; i < pairs.Length; i++)
        {
            pairs[i] = (runtime.Call(key, new Arguments([list[i]])), list[i]);
        }

        PySort.Sort(pairs, static (x, y) => PyOps.LessThan(x.Key, y.Key), reverse);
        for (var i = 0; i < pairs.Length; i++)
        {
            list[i] = pairs[i].Value;
        }
    }

    private static object? ListPop(List<object?> list, Arguments a)
    {
        MethodArgs.Range(a, "pop", "list.pop", 0, 1);
        if (list.Count == 0)
        {
            throw new TemplateException(ErrorKind.IndexError, "pop from empty list");
        }

        var index = a.Count > 0 ? MethodArgs.Index(a.Positional[0]) : -1;
        if (index < 0)
        {
            index += list.Count;
        }

        if (index < 0 || index >= list.Count)
        {
            throw new TemplateException(ErrorKind.IndexError, "pop index out of range");
        }

        var value = list[(int)index];
        list.RemoveAt((int)index);
        return value;
    }

    private static object ListIndex(List<object?> list, Arguments a)
    {
        MethodArgs.Range(a, "index", "list.index", 1, 3);
        var start = a.Count > 1 ? MethodArgs.Index(a.Positional[1]) : 0;
        var stop = a.Count > 2 ? MethodArgs.Index(a.Positional[2]) : long.MaxValue;
        start = start < 0 ? Math.Max(0, start + list.Count) : Math.Min(start, list.Count);
        stop = stop < 0 ? Math.Max(0, stop + list.Count) : Math.Min(stop, list.Count);
        var index = PyOps.IndexOf(list, a.Positional[0], (int)start, (int)stop);
        return index >= 0
            ? PyOps.Box(index)
            : throw new TemplateException(ErrorKind.ValueError, $"{PyOps.Repr(a.Positional[0])} is not in list");
    }
}
