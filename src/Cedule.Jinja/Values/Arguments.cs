namespace Cedule.Jinja.Values;

/// <summary>
/// The arguments of a call: positional values in order, then keyword values in the order they
/// were written. Immutable once built; <see cref="Empty"/> is shared.
/// </summary>
public sealed class Arguments
{
    private static readonly KeyValuePair<string, object?>[] NoKeywords = [];

    /// <summary>A call with no arguments.</summary>
    public static Arguments Empty { get; } = new([], NoKeywords);

    /// <summary>Creates arguments from positional and keyword values.</summary>
    public Arguments(IReadOnlyList<object?> positional, IReadOnlyList<KeyValuePair<string, object?>>? keywords = null)
    {
        Positional = positional;
        Keywords = keywords ?? NoKeywords;
    }

    /// <summary>Positional values, in order.</summary>
    public IReadOnlyList<object?> Positional { get; }

    /// <summary>Keyword values, in the order they were written.</summary>
    public IReadOnlyList<KeyValuePair<string, object?>> Keywords { get; }

    /// <summary>Number of positional values.</summary>
    public int Count => Positional.Count;

    /// <summary>Finds a keyword argument.</summary>
    public bool TryGetKeyword(string name, out object? value)
    {
        foreach (var pair in Keywords)
        {
            if (string.Equals(pair.Key, name, StringComparison.Ordinal))
            {
                value = pair.Value;
                return true;
            }
        }

        value = null;
        return false;
    }

    /// <summary>
    /// Reads the parameter at <paramref name="position"/> that may also be passed by
    /// <paramref name="name"/>, as Python binds arguments; returns <paramref name="defaultValue"/>
    /// when neither is given. Passing it both ways is a TypeError, as in Python.
    /// </summary>
    public object? Get(int position, string name, object? defaultValue = null)
    {
        var hasKeyword = TryGetKeyword(name, out var keyword);
        if (position >= 0 && position < Positional.Count)
        {
            if (hasKeyword)
            {
                throw new TemplateException(ErrorKind.TypeError, $"got multiple values for argument '{name}'");
            }

            return Positional[position];
        }

        return hasKeyword ? keyword : defaultValue;
    }

    /// <summary>True when the parameter was given positionally or by keyword.</summary>
    public bool Has(int position, string name) =>
        (position >= 0 && position < Positional.Count) || TryGetKeyword(name, out _);
}
