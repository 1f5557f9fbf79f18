using Cedule.Jinja.Values;

namespace Cedule.Jinja.Filters;

/// <summary>
/// Binds filter arguments as Python binds the arguments of the function that implements the filter
/// in Jinja2, with Python's TypeError messages (<c>do_center() takes from 1 to 2 positional arguments but 3 were given</c>).
/// </summary>
internal sealed class FilterArgs
{
    private static readonly object Missing = new();
    private static readonly FilterArgs None = new([]);
    private readonly object?[] _values;

    private FilterArgs(object?[] values) => _values = values;

    /// <summary>
    /// Binds <paramref name="arguments"/> to <paramref name="names"/> (the parameters after the value).
    /// <paramref name="hidden"/> counts the parameters Jinja passes itself (environment, context), which
    /// Python includes in its counts; <paramref name="required"/> counts required parameters among <paramref name="names"/>.
    /// </summary>
    public static FilterArgs Bind(Arguments arguments, string function, int hidden, int required, params string[] names)
    {
        if (required == 0 && arguments.Count == 0 && arguments.Keywords.Count == 0)
        {
            // The common call without arguments allocates nothing.
            return None;
        }

        var values = new object?[names.Length];
        Array.Fill(values, Missing);
        if (arguments.Count > names.Length)
        {
            var min = hidden + 1 + required;
            var max = hidden + 1 + names.Length;
            var given = hidden + 1 + arguments.Count;
            throw new TemplateException(
                ErrorKind.TypeError,
                min == max
                    ? $"{function}() takes {max} positional argument{(max == 1 ? string.Empty : "s")} but {given} {(given == 1 ? "was" : "were")} given"
                    : $"{function}() takes from {min} to {max} positional arguments but {given} were given");
        }

        for (var i = 0; i < arguments.Count; i++)
        {
            values[i] = arguments.Positional[i];
        }

        foreach (var pair in arguments.Keywords)
        {
            var index = Array.IndexOf(names, pair.Key);
            if (index < 0)
            {
                throw new TemplateException(ErrorKind.TypeError, $"{function}() got an unexpected keyword argument '{pair.Key}'");
            }

            if (!ReferenceEquals(values[index], Missing))
            {
                throw new TemplateException(ErrorKind.TypeError, $"{function}() got multiple values for argument '{pair.Key}'");
            }

            values[index] = pair.Value;
        }

        var missing = new List<string>();
        for (var i = 0; i < required; i++)
        {
            if (ReferenceEquals(values[i], Missing))
            {
                missing.Add($"'{names[i]}'");
            }
        }

        if (missing.Count > 0)
        {
            var list = missing.Count == 1 ? missing[0] : string.Join(", ", missing.GetRange(0, missing.Count - 1)) + " and " + missing[^1];
            throw new TemplateException(
                ErrorKind.TypeError,
                $"{function}() missing {missing.Count} required positional argument{(missing.Count == 1 ? string.Empty : "s")}: {list}");
        }

        return new FilterArgs(values);
    }

    /// <summary>For built-ins taking exactly the value (<c>abs</c>, <c>len</c>): <c>abs() takes exactly one argument (2 given)</c>.</summary>
    public static void OnlyValue(Arguments arguments, string function)
    {
        if (arguments.Count > 0 || arguments.Keywords.Count > 0)
        {
            throw arguments.Keywords.Count > 0
                ? new TemplateException(ErrorKind.TypeError, $"{function}() takes no keyword arguments")
                : new TemplateException(ErrorKind.TypeError, $"{function}() takes exactly one argument ({arguments.Count + 1} given)");
        }
    }

    /// <summary>The bound value of parameter <paramref name="index"/>, or <paramref name="defaultValue"/> when not given.</summary>
    public object? Get(int index, object? defaultValue = null) =>
        Has(index) ? _values[index] : defaultValue;

    /// <summary>True when parameter <paramref name="index"/> was given.</summary>
    public bool Has(int index) => index < _values.Length && !ReferenceEquals(_values[index], Missing);

    /// <summary>Python truthiness of a parameter.</summary>
    public bool Bool(int index, bool defaultValue = false) => Has(index) ? PyOps.IsTrue(_values[index]) : defaultValue;

    /// <summary>For filters that take only the value: a TypeError naming the Python function otherwise.</summary>
    public static void NoneExpected(Arguments arguments, string function)
    {
        if (arguments.Count != 0 || arguments.Keywords.Count != 0)
        {
            Bind(arguments, function, 0, 0);
        }
    }
}
