namespace Cedule.Jinja.Values;

/// <summary>
/// A string method called on <see cref="Markup"/>: MarkupSafe escapes the string arguments and
/// wraps string results back into markup (<c>Markup('a').replace('a', '&lt;')</c> is <c>Markup('&amp;lt;')</c>).
/// </summary>
internal sealed class MarkupMethod(IJinjaCallable method, string name) : IJinjaCallable, IJinjaObject
{
    // The methods MarkupSafe 2.1 overrides; the others return plain values.
    private static readonly HashSet<string> Wrapped = new(StringComparer.Ordinal)
    {
        "capitalize", "title", "lower", "upper", "replace", "ljust", "rjust", "lstrip", "rstrip", "center", "strip",
        "translate", "expandtabs", "swapcase", "zfill", "join", "split", "rsplit", "splitlines", "partition",
        "rpartition", "format", "format_map", "removeprefix", "removesuffix",
    };

    public static bool Wraps(string name) => Wrapped.Contains(name);

    public object? Call(IRuntime runtime, Arguments arguments)
    {
        var positional = new object?[arguments.Count];
        for (var i = 0; i < positional.Length; i++)
        {
            positional[i] = name == "join" && i == 0 ? EscapeItems(arguments.Positional[i]) : Escape(arguments.Positional[i]);
        }

        var keywords = new KeyValuePair<string, object?>[arguments.Keywords.Count];
        for (var i = 0; i < keywords.Length; i++)
        {
            keywords[i] = new(arguments.Keywords[i].Key, Escape(arguments.Keywords[i].Value));
        }

        return Wrap(method.Call(runtime, new Arguments(positional, keywords)));
    }

    private static object? Escape(object? value) => value switch
    {
        Markup m => m.Value,
        string s => Filters.BuiltinFilters.Escape(s),
        _ => value,
    };

    private static List<object?> EscapeItems(object? items)
    {
        var result = new List<object?>();
        foreach (var item in PyOps.Iterate(items))
        {
            result.Add(item is string or Markup ? Escape(item) : Filters.BuiltinFilters.Escape(PyOps.ToStr(item)));
        }

        return result;
    }

    private static object? Wrap(object? result)
    {
        switch (result)
        {
            case string s:
                return new Markup(s);
            case List<object?> list:
                for (var i = 0; i < list.Count; i++)
                {
                    list[i] = list[i] is string item ? new Markup(item) : list[i];
                }

                return list;
            case PyTuple tuple:
                var items = new object?[tuple.Count];
                for (var i = 0; i < items.Length; i++)
                {
                    items[i] = tuple[i] is string item ? new Markup(item) : tuple[i];
                }

                return new PyTuple(items);
            default:
                return result;
        }
    }

    public bool TryGetAttribute(string attribute, out object? value)
    {
        value = null;
        return false;
    }

    public string ToPythonString() => $"<built-in method {name} of Markup object>";
}
