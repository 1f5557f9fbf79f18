using Cedule.Jinja.Values;

namespace Cedule.Jinja.Tests.Values;

/// <summary>A minimal IRuntime for unit tests: fuel accounting, attribute and item lookup, filters and tests by delegate.</summary>
internal sealed class FuelRuntime(long fuel = long.MaxValue) : IRuntime
{
    private long _fuel = fuel;

    public Dictionary<string, FilterFunc> Filters { get; } = new(StringComparer.Ordinal);

    public Dictionary<string, TestFunc> Tests { get; } = new(StringComparer.Ordinal);

    public object? GetAttribute(object? obj, string name)
    {
        if (obj is IJinjaObject jinja && jinja.TryGetAttribute(name, out var value))
        {
            return value;
        }

        if (PyMethods.TryGetAttribute(obj, name, out value))
        {
            return value;
        }

        return PyOps.TryGetItem(obj, name, out value) ? value : new Undefined($"'{PyOps.TypeName(obj)} object' has no attribute '{name}'");
    }

    public object? GetItem(object? obj, object? key)
    {
        if (PyOps.TryGetItem(obj, key, out var value))
        {
            return value;
        }

        return key is string name ? GetAttribute(obj, name) : new Undefined();
    }

    public object? CallFilter(string name, object? value, Arguments arguments) =>
        Filters.TryGetValue(name, out var filter) ? filter(this, value, arguments) : throw new TemplateException(ErrorKind.TemplateAssertionError, $"No filter named '{name}'.");

    public bool CallTest(string name, object? value, Arguments arguments) =>
        Tests.TryGetValue(name, out var test) ? test(this, value, arguments) : throw new TemplateException(ErrorKind.TemplateAssertionError, $"No test named '{name}'.");

    public object? Call(object? callable, Arguments arguments) =>
        callable is IJinjaCallable c ? c.Call(this, arguments) : throw new TemplateException(ErrorKind.TypeError, $"'{PyOps.TypeName(callable)}' object is not callable");

    public void ConsumeFuel(long amount)
    {
        _fuel -= amount;
        if (_fuel < 0)
        {
            throw new TemplateException(ErrorKind.FuelExhausted, "out of fuel");
        }
    }

    public Undefined MakeUndefined(string? hint = null, string? name = null) => new(hint, name);
}
