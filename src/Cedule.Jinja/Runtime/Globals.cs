using System.Numerics;
using Cedule.Jinja.Values;

namespace Cedule.Jinja.Runtime;

/// <summary>Jinja2's default global functions: <c>range</c>, <c>dict</c>, <c>cycler</c>, <c>joiner</c>, <c>namespace</c>.</summary>
internal static class DefaultGlobals
{
    public static void Register(IDictionary<string, object?> globals)
    {
        globals["range"] = new JinjaFunction("range", Range);
        globals["dict"] = new JinjaFunction("dict", (_, arguments) => MakeDict(arguments, "dict"));
        globals["namespace"] = new JinjaFunction("namespace", (_, arguments) => new Namespace(MakeDict(arguments, "namespace")));
        globals["cycler"] = new JinjaFunction("cycler", (_, arguments) => new Cycler([.. arguments.Positional]));
        globals["joiner"] = new JinjaFunction("joiner", (_, arguments) => new Joiner(PyOps.ToStr(arguments.Get(0, "sep", ", "))));
    }

    private static object Range(IRuntime runtime, Arguments arguments)
    {
        if (arguments.Keywords.Count > 0)
        {
            throw new TemplateException(ErrorKind.TypeError, "range() takes no keyword arguments");
        }

        var count = arguments.Count;
        if (count is < 1 or > 3)
        {
            throw new TemplateException(
                ErrorKind.TypeError,
                count == 0 ? "range expected at least 1 argument, got 0" : $"range expected at most 3 arguments, got {count}");
        }

        if (arguments.Positional.Any(static p => p is BigInteger))
        {
            return BigRange(runtime, arguments);
        }

        var a = ToIndex(arguments.Positional[0]);
        long start = 0, stop = a, step = 1;
        if (count >= 2)
        {
            start = a;
            stop = ToIndex(arguments.Positional[1]);
        }

        if (count == 3)
        {
            step = ToIndex(arguments.Positional[2]);
            if (step == 0)
            {
                throw new TemplateException(ErrorKind.ValueError, "range() arg 3 must not be zero");
            }
        }

        return new PyRange(start, stop, step, runtime);
    }

    /// <summary>A range with bounds beyond <c>long</c>: materialized, since only short ones are usable.</summary>
    private static List<object?> BigRange(IRuntime runtime, Arguments arguments)
    {
        var values = arguments.Positional.Select(static p => p is BigInteger big ? big : new BigInteger(ToIndex(p))).ToArray();
        var (start, stop, step) = values.Length switch
        {
            1 => (BigInteger.Zero, values[0], BigInteger.One),
            2 => (values[0], values[1], BigInteger.One),
            _ => (values[0], values[1], values[2]),
        };
        if (step.IsZero)
        {
            throw new TemplateException(ErrorKind.ValueError, "range() arg 3 must not be zero");
        }

        // Python's range is lazy and only len() fails past 64 bits; a list that long cannot exist.
        var span = step.Sign > 0 ? stop - start : start - stop;
        if (span.Sign > 0 && (span - 1) / BigInteger.Abs(step) >= long.MaxValue)
        {
            throw new TemplateException(ErrorKind.OverflowError, "Python int too large to convert to C ssize_t");
        }

        var items = new List<object?>();
        for (var i = start; step.Sign > 0 ? i < stop : i > stop; i += step)
        {
            runtime.ConsumeFuel(1);
            items.Add(PyOps.Normalize(i));
        }

        return items;
    }

    private static long ToIndex(object? value) => value switch
    {
        long l => l,
        bool b => b ? 1 : 0,
        Undefined u when u.IsStrict => throw u.Fail(),
        _ => throw new TemplateException(ErrorKind.TypeError, $"'{PyOps.TypeName(value)}' object cannot be interpreted as an integer"),
    };

    /// <summary>Python's <c>dict(mapping_or_pairs, **kwargs)</c>.</summary>
    private static PyDict MakeDict(Arguments arguments, string name)
    {
        if (arguments.Count > 1)
        {
            throw new TemplateException(ErrorKind.TypeError, $"{name} expected at most 1 argument, got {arguments.Count}");
        }

        var result = new PyDict();
        if (arguments.Count == 1)
        {
            var source = arguments.Positional[0];
            if (source is PyDict dict)
            {
                foreach (var pair in dict)
                {
                    result[pair.Key] = pair.Value;
                }
            }
            else
            {
                var index = 0;
                foreach (var item in PyOps.Iterate(source))
                {
                    var pair = PyOps.ToList(item);
                    if (pair.Count != 2)
                    {
                        throw new TemplateException(
                            ErrorKind.ValueError,
                            $"dictionary update sequence element #{index} has length {pair.Count}; 2 is required");
                    }

                    result[pair[0]] = pair[1];
                    index++;
                }
            }
        }

        foreach (var pair in arguments.Keywords)
        {
            result[pair.Key] = pair.Value;
        }

        return result;
    }
}
