using Cedule.Jinja.Values;

namespace Cedule.Jinja;

/// <summary>
/// Thrown by a host function to end the innermost macro call with <see cref="Value"/> as its
/// result, instead of the macro's rendered text: dbt's <c>{{ return(x) }}</c>. Register
/// <see cref="Function"/> as the global <c>return</c> to get exactly that behaviour. Outside
/// a macro it is reported as a <see cref="ErrorKind.TemplateRuntimeError"/>.
/// </summary>
public sealed class MacroReturn : Exception
{
    /// <summary>Creates the signal carrying the macro's result.</summary>
    public MacroReturn(object? value)
        : base("return() was called outside of a macro")
    {
        Value = value;
    }

    /// <summary>Creates the signal with a None result.</summary>
    public MacroReturn()
        : this((object?)null)
    {
    }

    /// <summary>Creates the signal with a None result (exception-pattern constructor).</summary>
    public MacroReturn(string message)
        : base(message)
    {
    }

    /// <summary>Creates the signal with a None result (exception-pattern constructor).</summary>
    public MacroReturn(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>The value the macro call returns.</summary>
    public object? Value { get; }

    /// <summary>A callable <c>return(value)</c> that ends the enclosing macro with <c>value</c>.</summary>
    public static IJinjaCallable Function { get; } = new JinjaFunction(
        "return",
        static (_, arguments) => throw new MacroReturn(arguments.Count > 0 ? arguments.Positional[0] : null));
}
