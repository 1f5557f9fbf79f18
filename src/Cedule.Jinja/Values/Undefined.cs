namespace Cedule.Jinja.Values;

/// <summary>
/// A value that does not exist: a missing variable, attribute or key. It is not <c>None</c>.
/// By default (Jinja2's <c>Undefined</c>) it renders empty, is falsy and iterates empty,
/// but fails on attribute access, calls and arithmetic; when <see cref="IsStrict"/> (Jinja2's
/// <c>StrictUndefined</c>) every use but <c>is defined</c> / <c>default</c> fails.
/// </summary>
public sealed class Undefined
{
    /// <summary>Creates an undefined value.</summary>
    /// <param name="hint">The full message to raise, if the site that made it knows better (e.g. <c>'dict object' has no attribute 'x'</c>).</param>
    /// <param name="name">The missing name, for the default message <c>'name' is undefined</c>.</param>
    /// <param name="isStrict">True for StrictUndefined semantics.</param>
    public Undefined(string? hint = null, string? name = null, bool isStrict = false)
    {
        Hint = hint;
        Name = name;
        IsStrict = isStrict;
    }

    /// <summary>The missing name, when known.</summary>
    public string? Name { get; }

    /// <summary>A ready-made message, when the creating site knows it.</summary>
    public string? Hint { get; }

    /// <summary>StrictUndefined semantics: every use fails.</summary>
    public bool IsStrict { get; }

    /// <summary>The message Jinja2 would raise for a use of this value.</summary>
    public string Message => Hint ?? (Name is null ? "value is undefined" : $"'{Name}' is undefined");

    /// <summary>Builds the error that a use of this value raises.</summary>
    public TemplateException Fail() => new(ErrorKind.UndefinedError, Message);

    /// <inheritdoc />
    public override string ToString() => IsStrict ? throw Fail() : string.Empty;
}
