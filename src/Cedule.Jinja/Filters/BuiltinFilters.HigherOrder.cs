using Cedule.Jinja.Values;

namespace Cedule.Jinja.Filters;

public static partial class BuiltinFilters
{
    private static void RegisterHigherOrderFilters(IDictionary<string, FilterFunc> f)
    {
        FilterFunc defaultFilter = static (_, v, a) =>
        {
            var args = FilterArgs.Bind(a, "do_default", 0, 0, "default_value", "boolean");
            return v is Undefined || (args.Bool(1) && !PyOps.IsTrue(v)) ? args.Get(0, string.Empty) : v;
        };
        f["default"] = defaultFilter;
        f["d"] = defaultFilter;
        f["attr"] = static (r, v, a) =>
        {
            var args = FilterArgs.Bind(a, "do_attr", 1, 1, "name");
            if (v is Undefined u)
            {
                throw u.Fail();
            }

            var name = args.Get(0) as string ?? throw new TemplateException(ErrorKind.TypeError, "attribute name must be string");
            if (v is IJinjaObject obj && obj.TryGetAttribute(name, out var value))
            {
                return value;
            }

            return PyMethods.TryGetAttribute(v, name, out value)
                ? value
                : r.MakeUndefined($"'{PyOps.TypeName(v)} object' has no attribute '{name}'", name);
        };
        f["map"] = static (r, v, a) => new PyGenerator(Map(r, v, a), "sync_do_map");
        f["select"] = static (r, v, a) => new PyGenerator(SelectOrReject(r, v, a, select: true, lookupAttribute: false), "select_or_reject");
        f["reject"] = static (r, v, a) => new PyGenerator(SelectOrReject(r, v, a, select: false, lookupAttribute: false), "select_or_reject");
        f["selectattr"] = static (r, v, a) => new PyGenerator(SelectOrReject(r, v, a, select: true, lookupAttribute: true), "select_or_reject");
        f["rejectattr"] = static (r, v, a) => new PyGenerator(SelectOrReject(r, v, a, select: false, lookupAttribute: true), "select_or_reject");
    }

    private static IEnumerable<object?> Map(IRuntime runtime, object? value, Arguments arguments)
    {
        if (!PyOps.IsTrue(value))
        {
            yield break;
        }

        Func<object?, object?> func;
        if (arguments.Count == 0 && arguments.TryGetKeyword("attribute", out var attribute))
        {
            object? defaultValue = null;
            foreach (var pair in arguments.Keywords)
            {
                if (pair.Key == "default")
                {
                    defaultValue = pair.Value;
                }
                else if (pair.Key != "attribute")
                {
                    throw new TemplateException(ErrorKind.FilterArgumentError, $"Unexpected keyword argument {PyOps.Repr(pair.Key)}");
                }
            }

            func = FilterHelpers.AttrGetter(runtime, attribute, false, defaultValue);
        }
        else
        {
            if (arguments.Count == 0)
            {
                throw new TemplateException(ErrorKind.FilterArgumentError, "map requires a filter argument");
            }

            var name = PyOps.ToStr(arguments.Positional[0]);
            var rest = new Arguments([.. Skip(arguments.Positional, 1)], arguments.Keywords);
            func = item => runtime.CallFilter(name, item, rest);
        }

        foreach (var item in PyOps.Iterate(value))
        {
            yield return func(item);
        }
    }

    private static IEnumerable<object?> SelectOrReject(IRuntime runtime, object? value, Arguments arguments, bool select, bool lookupAttribute)
    {
        if (!PyOps.IsTrue(value))
        {
            yield break;
        }

        var offset = 0;
        Func<object?, object?> transform = static x => x;
        if (lookupAttribute)
        {
            if (arguments.Count == 0)
            {
                throw new TemplateException(ErrorKind.FilterArgumentError, "Missing parameter for attribute name");
            }

            transform = FilterHelpers.AttrGetter(runtime, arguments.Positional[0]);
            offset = 1;
        }

        Func<object?, bool> test;
        if (arguments.Count > offset)
        {
            var name = PyOps.ToStr(arguments.Positional[offset]);
            var rest = new Arguments([.. Skip(arguments.Positional, offset + 1)], arguments.Keywords);
            test = item => runtime.CallTest(name, item, rest);
        }
        else
        {
            test = PyOps.IsTrue;
        }

        foreach (var item in PyOps.Iterate(value))
        {
            if (test(transform(item)) == select)
            {
                yield return item;
            }
        }
    }

    private static IEnumerable<object?> Skip(IReadOnlyList<object?> items, int count)
    {
        for (var i = count; i < items.Count; i++)
        {
            yield return items[i];
        }
    }
}
