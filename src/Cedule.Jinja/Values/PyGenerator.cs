using System.Collections;

namespace Cedule.Jinja.Values;

/// <summary>
/// A Python generator or iterator, as filters such as <c>map</c>, <c>select</c> and <c>reverse</c>
/// return: lazy, single-use, always true, without a length, printed as <c>&lt;generator object ...&gt;</c>.
/// </summary>
public sealed class PyGenerator : IEnumerable<object?>, IJinjaObject
{
    private IEnumerable<object?>? _source;

    /// <summary>Wraps a lazy sequence; <paramref name="typeName"/> is Python's type name (<c>generator</c>, <c>list_reverseiterator</c>).</summary>
    public PyGenerator(IEnumerable<object?> source, string functionName, string typeName = "generator")
    {
        _source = source;
        FunctionName = functionName;
        TypeName = typeName;
    }

    /// <summary>The Python function that made it (<c>sync_do_map</c>), shown when it is printed.</summary>
    public string FunctionName { get; }

    /// <summary>Python's type name.</summary>
    public string TypeName { get; }

    /// <summary>Iterates the remaining items; a second iteration yields nothing, as a Python generator does.</summary>
    public IEnumerator<object?> GetEnumerator()
    {
        var source = _source;
        _source = null;
        return (source ?? []).GetEnumerator();
    }

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    /// <inheritdoc />
    public bool TryGetAttribute(string name, out object? value)
    {
        value = null;
        return false;
    }

    /// <inheritdoc />
    public string ToPythonString() => TypeName == "generator"
        ? $"<generator object {FunctionName} at 0x7f0000000000>"
        : $"<{TypeName} object at 0x7f0000000000>";
}
