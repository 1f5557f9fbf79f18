using Cedule.Jinja.Values;

namespace Cedule.Jinja;

/// <summary>A host function a template can call, such as a global registered with <see cref="Environment.AddFunction"/>.</summary>
public sealed class JinjaFunction : IJinjaCallable, IJinjaObject
{
    private readonly Func<IRuntime, Arguments, object?> body;

    /// <summary>Wraps a delegate; <paramref name="name"/> is used when the function is printed.</summary>
    public JinjaFunction(string name, Func<IRuntime, Arguments, object?> body)
    {
        Name = name;
        this.body = body;
    }

    /// <summary>The function's name.</summary>
    public string Name { get; }

    /// <inheritdoc />
    public object? Call(IRuntime runtime, Arguments arguments) => body(runtime, arguments);

    /// <inheritdoc />
    public bool TryGetAttribute(string name, out object? value)
    {
        value = string.Equals(name, "__name__", StringComparison.Ordinal) ? Name : null;
        return value is not null;
    }

    /// <inheritdoc />
    public string ToPythonString() => $"<function {Name}>";
}
