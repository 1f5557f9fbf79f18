namespace Cedule.Jinja.Values;

/// <summary>
/// MarkupSafe's <c>Markup</c>: a string known to be safe HTML, made by the <c>escape</c>, <c>safe</c>
/// and <c>tojson</c> filters. It prints as its text and behaves as a <c>str</c>, but it is not
/// escaped again, escapes what is added to it (<c>markup + '&lt;'</c>) and reports itself as
/// <c>escaped</c>; its repr is <c>Markup('...')</c>.
/// </summary>
public sealed class Markup : IJinjaObject
{
    /// <summary>Wraps text that is already safe.</summary>
    public Markup(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        Value = value;
    }

    /// <summary>The text.</summary>
    public string Value { get; }

    /// <summary>String methods apply to the text, as <c>Markup</c> is a <c>str</c> subclass.</summary>
    public bool TryGetAttribute(string name, out object? value)
    {
        if (MarkupMethod.Wraps(name) && PyMethods.TryGetMethod(Value, name, out var method))
        {
            value = new MarkupMethod(method!, name);
            return true;
        }

        return PyMethods.TryGetAttribute(Value, name, out value);
    }

    /// <inheritdoc />
    public string ToPythonString() => Value;

    /// <summary>Equal to any string or markup with the same text, as in Python.</summary>
    public override bool Equals(object? obj) => obj switch
    {
        Markup other => string.Equals(Value, other.Value, StringComparison.Ordinal),
        string s => string.Equals(Value, s, StringComparison.Ordinal),
        _ => false,
    };

    /// <summary>The hash of the text, so markup and plain strings are interchangeable dict keys.</summary>
    public override int GetHashCode() => Value.GetHashCode(StringComparison.Ordinal);

    /// <summary>The text.</summary>
    public override string ToString() => Value;
}
