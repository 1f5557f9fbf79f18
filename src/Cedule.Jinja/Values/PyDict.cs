using System.Collections;

namespace Cedule.Jinja.Values;

/// <summary>
/// Python's <c>dict</c>: insertion-ordered, with Python key equality (<c>1</c>, <c>1.0</c> and
/// <c>True</c> are one key). Replacing the value of an existing key keeps the first key object
/// and its position, as Python does. Keys must be hashable (not lists or dicts).
/// </summary>
public sealed class PyDict : IEnumerable<KeyValuePair<object?, object?>>
{
    // null cannot be a Dictionary key, but None is a valid Python key.
    private static readonly object NoneKey = new();

    private readonly Dictionary<object, int> _index;
    private Entry[] _entries;
    private int _used;
    private int _version;

    private struct Entry
    {
        public object? Key;
        public object? Value;
        public bool Deleted;
    }

    /// <summary>Creates an empty dictionary.</summary>
    public PyDict()
        : this(0)
    {
    }

    /// <summary>Creates an empty dictionary with room for <paramref name="capacity"/> entries.</summary>
    public PyDict(int capacity)
    {
        _index = new Dictionary<object, int>(capacity, KeyComparer.Instance);
        _entries = capacity == 0 ? [] : new Entry[capacity];
    }

    /// <summary>Creates a shallow copy of <paramref name="other"/>.</summary>
    public PyDict(PyDict other)
        : this(other?.Count ?? 0)
    {
        ArgumentNullException.ThrowIfNull(other);
        foreach (var pair in other)
        {
            this[pair.Key] = pair.Value;
        }
    }

    /// <summary>Number of entries.</summary>
    public int Count => _index.Count;

    /// <summary>
    /// Gets or sets a value. Reading a missing key throws a KeyError; prefer
    /// <see cref="TryGetValue"/> on lookups that may miss.
    /// </summary>
    public object? this[object? key]
    {
        get => TryGetValue(key, out var value)
            ? value
            : throw new TemplateException(ErrorKind.KeyError, PyOps.Repr(key));
        set
        {
            var boxed = key ?? NoneKey;
            if (_index.TryGetValue(boxed, out var slot))
            {
                _entries[slot].Value = value;
                return;
            }

            if (_used == _entries.Length)
            {
                Grow();
            }

            _entries[_used] = new Entry { Key = key, Value = value };
            _index.Add(boxed, _used);
            _used++;
            _version++;
        }
    }

    /// <summary>Finds the value of <paramref name="key"/>. Throws a TypeError for unhashable keys, as Python does.</summary>
    public bool TryGetValue(object? key, out object? value)
    {
        if (_index.TryGetValue(key ?? NoneKey, out var slot))
        {
            value = _entries[slot].Value;
            return true;
        }

        value = null;
        return false;
    }

    /// <summary>True when <paramref name="key"/> is present.</summary>
    public bool ContainsKey(object? key) => _index.ContainsKey(key ?? NoneKey);

    /// <summary>Removes <paramref name="key"/>; false when it was absent.</summary>
    public bool Remove(object? key, out object? value)
    {
        if (!_index.Remove(key ?? NoneKey, out var slot))
        {
            value = null;
            return false;
        }

        value = _entries[slot].Value;
        _entries[slot] = new Entry { Deleted = true };
        _version++;
        if (_index.Count == 0)
        {
            _used = 0;
        }

        return true;
    }

    /// <summary>Removes every entry.</summary>
    public void Clear()
    {
        _index.Clear();
        Array.Clear(_entries, 0, _used);
        _used = 0;
        _version++;
    }

    /// <summary>The last inserted entry, as <c>popitem()</c> needs it; false when empty.</summary>
    public bool TryGetLast(out KeyValuePair<object?, object?> pair)
    {
        for (var i = _used - 1; i >= 0; i--)
        {
            if (!_entries[i].Deleted)
            {
                pair = new KeyValuePair<object?, object?>(_entries[i].Key, _entries[i].Value);
                return true;
            }
        }

        pair = default;
        return false;
    }

    /// <summary>The keys in insertion order (a snapshot).</summary>
    public List<object?> KeysList()
    {
        var keys = new List<object?>(Count);
        foreach (var pair in this)
        {
            keys.Add(pair.Key);
        }

        return keys;
    }

    /// <summary>Iterates entries in insertion order. Changing the size while iterating throws, as in Python.</summary>
    public Enumerator GetEnumerator() => new(this);

    IEnumerator<KeyValuePair<object?, object?>> IEnumerable<KeyValuePair<object?, object?>>.GetEnumerator() => GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    /// <summary>Python equality: same keys with equal values, in any order.</summary>
    public override bool Equals(object? obj) => PyOps.Equals(this, obj);

    /// <summary>Dicts are unhashable in Python; this throws a TypeError.</summary>
    public override int GetHashCode() => PyOps.GetHashCode(this);

    /// <summary>Python's <c>repr()</c>, e.g. <c>{'a': 1}</c>.</summary>
    public override string ToString() => PyOps.Repr(this);

    private void Grow()
    {
        if (_index.Count < _used / 2)
        {
            // Many tombstones: compact in place rather than growing.
            var write = 0;
            for (var read = 0; read < _used; read++)
            {
                if (!_entries[read].Deleted)
                {
                    _entries[write] = _entries[read];
                    _index[_entries[write].Key ?? NoneKey] = write;
                    write++;
                }
            }

            Array.Clear(_entries, write, _used - write);
            _used = write;
            if (_used < _entries.Length)
            {
                return;
            }
        }

        Array.Resize(ref _entries, Math.Max(4, _entries.Length * 2));
    }

    /// <summary>Enumerates a <see cref="PyDict"/> without allocating.</summary>
    public struct Enumerator : IEnumerator<KeyValuePair<object?, object?>>
    {
        private readonly PyDict _dict;
        private readonly int _version;
        private int _position;

        internal Enumerator(PyDict dict)
        {
            _dict = dict;
            _version = dict._version;
            _position = -1;
            Current = default;
        }

        /// <inheritdoc />
        public KeyValuePair<object?, object?> Current { get; private set; }

        readonly object IEnumerator.Current => Current;

        /// <inheritdoc />
        public bool MoveNext()
        {
            if (_version != _dict._version)
            {
                throw new TemplateException(ErrorKind.TemplateRuntimeError, "dictionary changed size during iteration");
            }

            while (++_position < _dict._used)
            {
                ref var entry = ref _dict._entries[_position];
                if (!entry.Deleted)
                {
                    Current = new KeyValuePair<object?, object?>(entry.Key, entry.Value);
                    return true;
                }
            }

            return false;
        }

        /// <inheritdoc />
        public void Reset() => _position = -1;

        /// <inheritdoc />
        public readonly void Dispose()
        {
        }
    }

    private sealed class KeyComparer : IEqualityComparer<object>
    {
        public static readonly KeyComparer Instance = new();

        public new bool Equals(object? x, object? y)
        {
            if (ReferenceEquals(x, y))
            {
                return true;
            }

            if (x is string sx)
            {
                return y is string sy && string.Equals(sx, sy, StringComparison.Ordinal);
            }

            return PyOps.Equals(ReferenceEquals(x, NoneKey) ? null : x, ReferenceEquals(y, NoneKey) ? null : y);
        }

        public int GetHashCode(object obj) =>
            obj is string s ? s.GetHashCode(StringComparison.Ordinal) : ReferenceEquals(obj, NoneKey) ? 0 : PyOps.GetHashCode(obj);
    }
}
