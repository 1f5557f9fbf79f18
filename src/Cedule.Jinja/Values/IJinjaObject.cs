namespace Cedule.Jinja.Values;

/// <summary>
/// A host object that templates can read attributes of (<c>obj.name</c>). The dbt context
/// exposes <c>this</c>, <c>target</c>, <c>adapter</c> and others through it.
/// </summary>
public interface IJinjaObject
{
    /// <summary>Looks up an attribute; false means the attribute does not exist (the template sees Undefined).</summary>
    bool TryGetAttribute(string name, out object? value);

    /// <summary>How the object prints in a template (<c>{{ obj }}</c>), like Python's <c>str()</c>.</summary>
    string ToPythonString();
}

/// <summary>
/// Something a template can call: a macro, a global function, a bound method, a host function
/// such as dbt's <c>ref</c>.
/// </summary>
public interface IJinjaCallable
{
    /// <summary>Calls the object. Errors are reported by throwing <see cref="TemplateException"/>.</summary>
    object? Call(IRuntime runtime, Arguments arguments);
}

/// <summary>
/// A host object that also supports subscripting (<c>obj['key']</c>) and optionally iteration.
/// </summary>
public interface IJinjaIndexable : IJinjaObject
{
    /// <summary>Looks up an item; false means the key does not exist (the template sees Undefined).</summary>
    bool TryGetItem(object? key, out object? value);
}
