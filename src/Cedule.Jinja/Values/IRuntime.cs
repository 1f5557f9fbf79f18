namespace Cedule.Jinja.Values;

/// <summary>
/// What a filter, test, global function or host callable can ask of the render in progress.
/// One instance serves one render on one thread.
/// </summary>
public interface IRuntime
{
    /// <summary>Jinja's <c>getattr</c>: <c>obj.name</c> (attribute first, then item); Undefined when neither exists.</summary>
    object? GetAttribute(object? obj, string name);

    /// <summary>Jinja's <c>getitem</c>: <c>obj[key]</c> (item first, then attribute for string keys); Undefined when neither exists.</summary>
    object? GetItem(object? obj, object? key);

    /// <summary>Applies a filter by name (what the <c>map</c> filter does with a filter name).</summary>
    object? CallFilter(string name, object? value, Arguments arguments);

    /// <summary>Applies a test by name (what <c>select</c> and <c>reject</c> do).</summary>
    bool CallTest(string name, object? value, Arguments arguments);

    /// <summary>Calls any callable value (macro, function, bound method, host callable).</summary>
    object? Call(object? callable, Arguments arguments);

    /// <summary>
    /// Spends <paramref name="amount"/> units of fuel; throws <see cref="ErrorKind.FuelExhausted"/> when
    /// none is left and <see cref="ErrorKind.Cancelled"/> when the render was cancelled.
    /// Operations whose cost grows with their input (repeating a string, building a range,
    /// a big power) call it with a cost proportional to their size, before doing the work.
    /// </summary>
    void ConsumeFuel(long amount);

    /// <summary>Makes an undefined value with the environment's strictness.</summary>
    Undefined MakeUndefined(string? hint = null, string? name = null);

    /// <summary>
    /// True when the environment has a filter named <paramref name="name"/> (the <c>filter</c> test).
    /// The default answers for the built-in filters only; the runtime overrides it to include custom filters.
    /// </summary>
    bool HasFilter(string name) => Filters.BuiltinFilters.Names.Contains(name);

    /// <summary>
    /// True when the environment has a test named <paramref name="name"/> (the <c>test</c> test).
    /// The default answers for the built-in tests only; the runtime overrides it to include custom tests.
    /// </summary>
    bool HasTest(string name) => Tests.BuiltinTests.Names.Contains(name);
}

/// <summary>A filter: <c>value | name(arguments)</c>.</summary>
public delegate object? FilterFunc(IRuntime runtime, object? value, Arguments arguments);

/// <summary>A test: <c>value is name(arguments)</c>.</summary>
public delegate bool TestFunc(IRuntime runtime, object? value, Arguments arguments);
