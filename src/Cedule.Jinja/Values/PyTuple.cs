using System.Collections;

namespace Cedule.Jinja.Values;

/// <summary>
/// Python's <c>tuple</c>: an immutable sequence. Equality and hashing follow Python
/// (structural, <c>(1,) == (1.0,)</c>), so tuples work as <see cref="PyDict"/> keys.
/// </summary>
public class PyTuple : IReadOnlyList<object?>
{
    private readonly object?[] _items;

    /// <summary>The empty tuple, shared.</summary>
    public static PyTuple Empty { get; } = new([]);

    /// <summary>Creates a tuple that takes ownership of <paramref name="items"/>; the caller must not change the array afterwards.</summary>
    public PyTuple(params object?[] items)
    {
        ArgumentNullException.ThrowIfNull(items);
        _items = items;
    }

    /// <summary>Creates a tuple holding a copy of <paramref name="items"/> (Python's <c>tuple(items)</c>).</summary>
    public static PyTuple FromItems(IEnumerable<object?> items)
    {
        ArgumentNullException.ThrowIfNull(items);
        return new PyTuple([.. items]);
    }

    /// <summary>Number of items.</summary>
    public int Count => _items.Length;

    /// <summary>The item at <paramref name="index"/> (0-based, non-negative).</summary>
    public object? this[int index] => _items[index];

    /// <summary>The items as a read-only span, for fast iteration.</summary>
    public ReadOnlySpan<object?> AsSpan() => _items;

    /// <inheritdoc />
    public IEnumerator<object?> GetEnumerator() => ((IEnumerable<object?>)_items).GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => _items.GetEnumerator();

    /// <summary>Python equality: same length and pairwise-equal items.</summary>
    public override bool Equals(object? obj) => PyOps.Equals(this, obj);

    /// <summary>Python-consistent hash: equal tuples hash alike.</summary>
    public override int GetHashCode() => PyOps.GetHashCode(this);

    /// <summary>Python's <c>repr()</c>, e.g. <c>(1, 'a')</c>.</summary>
    public override string ToString() => PyOps.Repr(this);
}
