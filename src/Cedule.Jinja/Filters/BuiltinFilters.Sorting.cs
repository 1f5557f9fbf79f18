using Cedule.Jinja.Values;

namespace Cedule.Jinja.Filters;

public static partial class BuiltinFilters
{
    private static void RegisterSortFilters(IDictionary<string, FilterFunc> f)
    {
        f["sort"] = static (r, v, a) =>
        {
            var args = FilterArgs.Bind(a, "do_sort", 1, 0, "reverse", "case_sensitive", "attribute");
            var key = FilterHelpers.MultiAttrGetter(r, args.Get(2), !args.Bool(1));
            return SortedBy(r, PyOps.ToList(v), key, args.Bool(0));
        };
        f["dictsort"] = static (r, v, a) =>
        {
            var args = FilterArgs.Bind(a, "do_dictsort", 0, 0, "case_sensitive", "by", "reverse");
            var position = args.Get(1, "key") switch
            {
                "key" => 0,
                "value" => 1,
                _ => throw new TemplateException(ErrorKind.FilterArgumentError, "You can only sort by either \"key\" or \"value\""),
            };
            var dict = v switch
            {
                PyDict d => d,
                Undefined u => throw u.Fail(),
                _ => throw new TemplateException(ErrorKind.AttributeError, $"'{PyOps.TypeName(v)}' object has no attribute 'items'"),
            };
            var caseSensitive = args.Bool(0);
            var items = new List<object?>(dict.Count);
            foreach (var pair in dict)
            {
                items.Add(new PyTuple(pair.Key, pair.Value));
            }

            return SortedBy(r, items, item =>
            {
                var value = ((PyTuple)item!)[position];
                return caseSensitive ? value : FilterHelpers.IgnoreCase(value);
            }, args.Bool(2));
        };
        f["groupby"] = static (r, v, a) =>
        {
            var args = FilterArgs.Bind(a, "sync_do_groupby", 1, 1, "attribute", "default", "case_sensitive");
            var caseSensitive = args.Bool(2);
            var key = FilterHelpers.AttrGetter(r, args.Get(0), !caseSensitive, args.Get(1));
            var sorted = SortedBy(r, PyOps.ToList(v), key, false);
            var output = FilterHelpers.AttrGetter(r, args.Get(0), false, args.Get(1));
            var groups = new List<object?>();
            object? current = null;
            List<object?>? members = null;
            foreach (var item in sorted)
            {
                var k = key(item);
                if (members is null || !PyOps.Equals(current, k))
                {
                    members = [];
                    current = k;
                    groups.Add(new GroupTuple(caseSensitive ? k : output(item), members));
                }

                members.Add(item);
            }

            return groups;
        };
        f["min"] = static (r, v, a) => MinOrMax(r, v, a, "do_min", max: false);
        f["max"] = static (r, v, a) => MinOrMax(r, v, a, "do_max", max: true);
        f["unique"] = static (r, v, a) =>
        {
            var args = FilterArgs.Bind(a, "do_unique", 1, 0, "case_sensitive", "attribute");
            var key = FilterHelpers.AttrGetter(r, args.Get(1), !args.Bool(0));
            return new PyGenerator(Unique(v, key), "do_unique");
        };
    }

    /// <summary>Python's <c>sorted(items, key=key, reverse=reverse)</c>: stable, comparing keys with <c>&lt;</c>.</summary>
    private static List<object?> SortedBy(IRuntime runtime, List<object?> items, Func<object?, object?> key, bool reverse)
    {
        PySort.Charge(runtime, items.Count);
        var pairs = new (object? Key, object? Value)[items.Count];
        for (var i = 0; i < pairs.Length; i++)
        {
            pairs[i] = (key(items[i]), items[i]);
        }

        PySort.Sort(pairs, static (x, y) => PyOps.LessThan(x.Key, y.Key), reverse);
        var result = new List<object?>(pairs.Length);
        foreach (var pair in pairs)
        {
            result.Add(pair.Value);
        }

        return result;
    }

    private static object? MinOrMax(IRuntime runtime, object? value, Arguments arguments, string function, bool max)
    {
        var args = FilterArgs.Bind(arguments, function, 1, 0, "case_sensitive", "attribute");
        var key = FilterHelpers.AttrGetter(runtime, args.Get(1), !args.Bool(0));
        var found = false;
        object? best = null;
        object? bestKey = null;
        foreach (var item in PyOps.Iterate(value))
        {
            var k = key(item);
            if (!found)
            {
                found = true;
                best = item;
                bestKey = k;
            }
            else if (max ? PyOps.GreaterThan(k, bestKey) : PyOps.LessThan(k, bestKey))
            {
                best = item;
                bestKey = k;
            }
        }

        return found ? best : runtime.MakeUndefined("No aggregated item, sequence was empty.");
    }

    private static IEnumerable<object?> Unique(object? value, Func<object?, object?> key)
    {
        var seen = new PyDict();
        foreach (var item in PyOps.Iterate(value))
        {
            var k = key(item);
            PyOps.EnsureHashable(k);
            if (!seen.ContainsKey(k))
            {
                seen[k] = null;
                yield return item;
            }
        }
    }
}
