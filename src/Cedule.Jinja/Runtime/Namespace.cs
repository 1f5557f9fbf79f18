using Cedule.Jinja.Values;

namespace Cedule.Jinja.Runtime;

/// <summary><c>namespace(...)</c>: an object whose attributes <c>{% set ns.x = ... %}</c> may change from any scope.</summary>
internal sealed class Namespace : IJinjaIndexable
{
    private readonly PyDict attributes;

    public Namespace(PyDict attributes)
    {
        this.attributes = attributes;
    }

    public void Set(string name, object? value) => attributes[name] = value;

    public bool TryGetAttribute(string name, out object? value) => attributes.TryGetValue(name, out value);

    public bool TryGetItem(object? key, out object? value) => attributes.TryGetValue(key, out value);

    public string ToPythonString() => $"<Namespace {PyOps.Repr(attributes)}>";
}

/// <summary><c>cycler(a, b, ...)</c>: <c>next()</c>, <c>reset()</c> and <c>current</c>.</summary>
internal sealed class Cycler : IJinjaObject
{
    private readonly IReadOnlyList<object?> items;
    private int position;

    public Cycler(IReadOnlyList<object?> items)
    {
        if (items.Count == 0)
        {
            throw new TemplateException(ErrorKind.ValueError, "at least one item has to be provided");
        }

        this.items = items;
    }

    public bool TryGetAttribute(string name, out object? value)
    {
        switch (name)
        {
            case "current":
                value = items[position];
                return true;
            case "next":
            case "__next__":
                value = new JinjaFunction("next", (_, _) =>
                {
                    var current = items[position];
                    position = (position + 1) % items.Count;
                    return current;
                });
                return true;
            case "reset":
                value = new JinjaFunction("reset", (_, _) =>
                {
                    position = 0;
                    return null;
                });
                return true;
            case "items":
                value = new List<object?>(items);
                return true;
            default:
                value = null;
                return false;
        }
    }

    public string ToPythonString() => "<jinja2.utils.Cycler object>";
}

/// <summary><c>joiner(sep)</c>: returns the empty string the first time it is called, then the separator.</summary>
internal sealed class Joiner(string separator) : IJinjaCallable, IJinjaObject
{
    private bool used;

    public object? Call(IRuntime runtime, Arguments arguments)
    {
        if (!used)
        {
            used = true;
            return string.Empty;
        }

        return separator;
    }

    public bool TryGetAttribute(string name, out object? value)
    {
        value = name == "sep" ? separator : null;
        return value is not null;
    }

    public string ToPythonString() => "<jinja2.utils.Joiner object>";
}
