using System.Collections;
using System.Text;

namespace Cedule.Jinja.Values;

/// <summary>
/// What <c>dict.keys()</c>, <c>dict.values()</c> and <c>dict.items()</c> return: a live view
/// that iterates the dict and prints like Python's <c>dict_items([('a', 1)])</c>.
/// </summary>
public sealed class PyDictView : IEnumerable<object?>
{
    internal PyDictView(PyDict dict, PyDictViewKind kind)
    {
        Dict = dict;
        Kind = kind;
    }

    /// <summary>The dict this view reads.</summary>
    public PyDict Dict { get; }

    /// <summary>Which view this is.</summary>
    public PyDictViewKind Kind { get; }

    internal string TypeName => Kind switch
    {
        PyDictViewKind.Keys => "dict_keys",
        PyDictViewKind.Values => "dict_values",
        _ => "dict_items",
    };

    /// <inheritdoc />
    public IEnumerator<object?> GetEnumerator()
    {
        foreach (var pair in Dict)
        {
            yield return Kind switch
            {
                PyDictViewKind.Keys => pair.Key,
                PyDictViewKind.Values => pair.Value,
                _ => new PyTuple(pair.Key, pair.Value),
            };
        }
    }

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    internal bool Contains(object? item)
    {
        switch (Kind)
        {
            case PyDictViewKind.Keys:
                PyOps.EnsureHashable(item);
                return Dict.ContainsKey(item);
            case PyDictViewKind.Items:
                return item is PyTuple { Count: 2 } tuple
                    && tuple[0] is not (List<object?> or PyDict)
                    && Dict.TryGetValue(tuple[0], out var value)
                    && (ReferenceEquals(value, tuple[1]) || PyOps.Equals(value, tuple[1]));
            default:
                foreach (var pair in Dict)
                {
                    if (ReferenceEquals(pair.Value, item) || PyOps.Equals(pair.Value, item))
                    {
                        return true;
                    }
                }

                return false;
        }
    }

    internal void AppendRepr(StringBuilder text)
    {
        text.Append(TypeName).Append("([");
        var first = true;
        foreach (var item in this)
        {
            if (!first)
            {
                text.Append(", ");
            }

            first = false;
            PyOps.AppendRepr(text, item);
        }

        text.Append("])");
    }

    /// <summary>Python's <c>repr()</c> of the view.</summary>
    public override string ToString() => PyOps.Repr(this);
}

/// <summary>The three kinds of dict views.</summary>
public enum PyDictViewKind
{
    /// <summary><c>dict.keys()</c>.</summary>
    Keys,

    /// <summary><c>dict.values()</c>.</summary>
    Values,

    /// <summary><c>dict.items()</c>.</summary>
    Items,
}
