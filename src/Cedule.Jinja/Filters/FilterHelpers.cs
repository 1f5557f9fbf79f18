using System.Globalization;
using Cedule.Jinja.Values;

namespace Cedule.Jinja.Filters;

/// <summary>The attribute getters and conversions Jinja2's filters share (<c>make_attrgetter</c> and friends).</summary>
internal static class FilterHelpers
{
    /// <summary>Jinja's <c>_prepare_attribute_parts</c>: "a.0.b" becomes ["a", 0, "b"].</summary>
    public static object?[] AttributeParts(object? attribute)
    {
        switch (attribute)
        {
            case null:
                return [];
            case string s:
                var parts = s.Split('.');
                var result = new object?[parts.Length];
                for (var i = 0; i < parts.Length; i++)
                {
                    result[i] = parts[i].Length > 0 && IsDigits(parts[i])
                        ? PyConvert.ParseJsonNumber(parts[i])
                        : parts[i];
                }

                return result;
            default:
                return [attribute];
        }
    }

    private static bool IsDigits(string s)
    {
        foreach (var c in s)
        {
            if (CharUnicodeInfo.GetDecimalDigitValue(c) < 0 || c > '9')
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Jinja's <c>make_attrgetter</c>.</summary>
    public static Func<object?, object?> AttrGetter(IRuntime runtime, object? attribute, bool ignoreCase = false, object? defaultValue = null)
    {
        var parts = AttributeParts(attribute);
        return item =>
        {
            foreach (var part in parts)
            {
                item = runtime.GetItem(item, part);
                if (defaultValue is not null && item is Undefined)
                {
                    item = defaultValue;
                }
            }

            return ignoreCase ? IgnoreCase(item) : item;
        };
    }

    /// <summary>Jinja's <c>make_multi_attrgetter</c>: "a,b" gives a list of both values.</summary>
    public static Func<object?, object?> MultiAttrGetter(IRuntime runtime, object? attribute, bool ignoreCase)
    {
        object?[] split = attribute is string s ? s.Split(',') : [attribute];
        var parts = new object?[split.Length][];
        for (var i = 0; i < split.Length; i++)
        {
            parts[i] = AttributeParts(split[i]);
        }

        return item =>
        {
            var values = new List<object?>(parts.Length);
            foreach (var path in parts)
            {
                var current = item;
                foreach (var part in path)
                {
                    current = runtime.GetItem(current, part);
                }

                values.Add(ignoreCase ? IgnoreCase(current) : current);
            }

            return values;
        };
    }

    /// <summary>Jinja's <c>ignore_case</c>: strings lowered, other values as they are.</summary>
    public static object? IgnoreCase(object? value) => value is string s ? PyMethods.Lower(s) : value;

    /// <summary>An int parameter, with Python's TypeError for other types.</summary>
    public static long Int(object? value) => MethodArgs.Index(value);

    /// <summary>Materializes an iterable.</summary>
    public static List<object?> ToList(object? value) => PyOps.ToList(value);
}
