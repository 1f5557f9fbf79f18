using Cedule.Jinja.Values;

namespace Cedule.Jinja.Filters;

public static partial class BuiltinFilters
{
    private static void RegisterSequenceFilters(IDictionary<string, FilterFunc> f)
    {
        FilterFunc length = static (_, v, a) =>
        {
            FilterArgs.OnlyValue(a, "len");
            return PyOps.Box(PyOps.Length(v));
        };
        f["length"] = length;
        f["count"] = length;
        f["first"] = static (r, v, a) =>
        {
            FilterArgs.Bind(a, "sync_do_first", 1, 0);
            foreach (var item in PyOps.Iterate(v))
            {
                return item;
            }

            return r.MakeUndefined("No first item, sequence was empty.");
        };
        f["last"] = static (r, v, a) =>
        {
            FilterArgs.Bind(a, "do_last", 1, 0);
            foreach (var item in Reversed(v))
            {
                return item;
            }

            return r.MakeUndefined("No last item, sequence was empty.");
        };
        f["random"] = static (r, v, a) =>
        {
            FilterArgs.Bind(a, "do_random", 1, 0);
            var count = PyOps.Length(v);
            if (count == 0)
            {
                return r.MakeUndefined("No random item, sequence was empty.");
            }

            var index = Random.NextInt64(count);
            return PyOps.TryGetItem(v, PyOps.Box(index), out var item) ? item : PyOps.ToList(v)[(int)index];
        };
        f["list"] = static (r, v, a) =>
        {
            FilterArgs.Bind(a, "sync_do_list", 0, 0);
            var list = PyOps.ToList(v);
            PyOps.Charge(r, list.Count);
            return list;
        };
        f["reverse"] = static (_, v, a) =>
        {
            FilterArgs.Bind(a, "do_reverse", 0, 0);
            return v is string or Markup ? PyOps.Slice(v, null, null, -1L) : ReverseFilter(v);
        };
        f["join"] = static (r, v, a) =>
        {
            var args = FilterArgs.Bind(a, "sync_do_join", 1, 0, "d", "attribute");
            var separator = PyOps.ToStr(args.Get(0, string.Empty));
            var getter = args.Get(1) is { } attribute ? FilterHelpers.AttrGetter(r, attribute) : null;
            var text = new System.Text.StringBuilder();
            var first = true;
            var charged = 0;
            foreach (var item in PyOps.Iterate(v))
            {
                if (!first)
                {
                    text.Append(separator);
                }

                first = false;
                text.Append(PyOps.ToStr(getter is null ? item : getter(item)));

                // Long results pay for every character, so a long separator cannot multiply the output for free.
                if (text.Length - charged > 4096)
                {
                    r.ConsumeFuel(text.Length - charged);
                    charged = text.Length;
                }
            }

            return text.ToString();
        };
        f["batch"] = static (r, v, a) =>
        {
            var args = FilterArgs.Bind(a, "do_batch", 0, 1, "linecount", "fill_with");
            return new PyGenerator(Batch(r, v, args.Get(0), args.Get(1)), "do_batch");
        };
        f["slice"] = static (r, v, a) =>
        {
            var args = FilterArgs.Bind(a, "sync_do_slice", 0, 1, "slices", "fill_with");
            return new PyGenerator(SliceFilter(r, PyOps.ToList(v), FilterHelpers.Int(args.Get(0)), args.Get(1)), "sync_do_slice");
        };
        f["sum"] = static (r, v, a) =>
        {
            var args = FilterArgs.Bind(a, "sync_do_sum", 1, 0, "attribute", "start");
            var total = args.Get(1, 0L);
            if (total is string)
            {
                throw new TemplateException(ErrorKind.TypeError, "sum() can't sum strings [use ''.join(seq) instead]");
            }

            var getter = args.Get(0) is { } attribute ? FilterHelpers.AttrGetter(r, attribute) : null;
            foreach (var item in PyOps.Iterate(v))
            {
                total = PyOps.Add(total, getter is null ? item : getter(item), r);
            }

            return total;
        };
        f["items"] = static (_, v, a) =>
        {
            FilterArgs.Bind(a, "do_items", 0, 0);
            if (v is Undefined { IsStrict: false })
            {
                return new PyGenerator([], "do_items");
            }

            return v is PyDict dict
                ? new PyGenerator(new PyDictView(dict, PyDictViewKind.Items), "do_items")
                : v is Undefined u ? throw u.Fail() : throw new TemplateException(ErrorKind.TypeError, "Can only get item pairs from a mapping.");
        };
    }

    private static IEnumerable<object?> Reversed(object? value)
    {
        switch (value)
        {
            case List<object?> list:
                for (var i = list.Count - 1; i >= 0; i--)
                {
                    if (i < list.Count)
                    {
                        yield return list[i];
                    }
                }

                break;
            case PyTuple tuple:
                for (var i = tuple.Count - 1; i >= 0; i--)
                {
                    yield return tuple[i];
                }

                break;
            case string or PyDict or PyDictView or Undefined:
                var items = PyOps.ToList(value);
                for (var i = items.Count - 1; i >= 0; i--)
                {
                    yield return items[i];
                }

                break;
            case Runtime.PyRange range:
                foreach (var item in range.Reversed())
                {
                    yield return item;
                }

                break;
            case IReadOnlyList<object?> sequence:
                for (var i = sequence.Count - 1; i >= 0; i--)
                {
                    yield return sequence[i];
                }

                break;
            default:
                throw new TemplateException(ErrorKind.TypeError, $"'{PyOps.TypeName(value)}' object is not reversible");
        }
    }

    private static object ReverseFilter(object? value)
    {
        if (value is List<object?> or PyTuple or PyDict or PyDictView or Undefined or IReadOnlyList<object?>)
        {
            var typeName = value switch
            {
                List<object?> => "list_reverseiterator",
                PyDict => "dict_reversekeyiterator",
                PyTuple => "reversed",
                IReadOnlyList<object?> and IJinjaObject => "range_iterator",
                _ => "reversed",
            };
            return new PyGenerator(Reversed(value), "reversed", typeName);
        }

        if (!PyOps.IsIterable(value))
        {
            throw new TemplateException(ErrorKind.FilterArgumentError, "argument must be iterable");
        }

        var list = PyOps.ToList(value);
        list.Reverse();
        return list;
    }

    private static IEnumerable<object?> Batch(IRuntime runtime, object? value, object? lineCount, object? fillWith)
    {
        var tmp = new List<object?>();
        foreach (var item in PyOps.Iterate(value))
        {
            if (PyOps.Equals(PyOps.Box((long)tmp.Count), lineCount))
            {
                yield return tmp;
                tmp = [];
            }

            tmp.Add(item);
        }

        if (tmp.Count > 0)
        {
            if (fillWith is not null && PyOps.LessThan(PyOps.Box((long)tmp.Count), lineCount))
            {
                var missing = FilterHelpers.Int(PyOps.Subtract(lineCount, PyOps.Box((long)tmp.Count)));
                runtime.ConsumeFuel(missing);
                for (var i = 0; i < missing; i++)
                {
                    tmp.Add(fillWith);
                }
            }

            yield return tmp;
        }
    }

    private static IEnumerable<object?> SliceFilter(IRuntime runtime, List<object?> seq, long slices, object? fillWith)
    {
        if (slices == 0)
        {
            throw new TemplateException(ErrorKind.ZeroDivisionError, "integer division or modulo by zero");
        }

        var length = (long)seq.Count;
        var perSlice = (long)PyOps.FloorDivide(length, slices)!;
        var withExtra = (long)PyOps.Modulo(length, slices)!;
        var offset = 0L;
        for (var number = 0L; number < slices; number++)
        {
            // Empty slices cost nothing to compute but a list each: pay for them.
            runtime.ConsumeFuel(1);
            var start = offset + (number * perSlice);
            if (number < withExtra)
            {
                offset++;
            }

            var end = offset + ((number + 1) * perSlice);
            var tmp = (List<object?>)PyOps.Slice(seq, start, end, null)!;
            if (fillWith is not null && number >= withExtra)
            {
                tmp.Add(fillWith);
            }

            yield return tmp;
        }
    }
}
