namespace Cedule.Jinja.Runtime;

/// <summary>
/// One level of template variables: a loop iteration, a macro call, a <c>with</c> body or a
/// template's top level. Small linear storage, because a scope rarely holds more than a few
/// names and interned names usually compare by reference. Names and values sit side by side in
/// one array, allocated on the first assignment: many scopes (set and filter blocks, else
/// bodies) never hold a name, and a loop's holds exactly its targets and <c>loop</c>.
/// </summary>
internal sealed class Scope
{
    private Entry[] entries;
    private int count;

    public Scope(Frame frame, Scope? parent, int capacity = 0)
        : this(frame, frame.Template, parent, capacity)
    {
    }

    public Scope(Frame frame, Template template, Scope? parent, int capacity = 0)
    {
        Frame = frame;
        Template = template;
        Parent = parent;
        entries = capacity == 0 ? [] : new Entry[capacity];
    }

    /// <summary>The template execution this scope belongs to (for locations, blocks and outer lookups).</summary>
    public Frame Frame { get; private set; }

    public Scope? Parent { get; private set; }

    /// <summary>The template whose code runs in this scope: errors are located in it.</summary>
    public Template Template { get; set; }

    public int Count => count;

    public string NameAt(int index) => entries[index].Name;

    public object? ValueAt(int index) => entries[index].Value;

    public bool TryGetLocal(string name, out object? value)
    {
        var local = entries;
        for (var i = 0; i < count; i++)
        {
            var candidate = local[i].Name;
            if ((object)candidate == name || string.Equals(candidate, name, StringComparison.Ordinal))
            {
                value = local[i].Value;
                return true;
            }
        }

        value = null;
        return false;
    }

    public void Set(string name, object? value)
    {
        for (var i = 0; i < count; i++)
        {
            var candidate = entries[i].Name;
            if ((object)candidate == name || string.Equals(candidate, name, StringComparison.Ordinal))
            {
                entries[i].Value = value;
                return;
            }
        }

        if (count == entries.Length)
        {
            Array.Resize(ref entries, Math.Max(4, count * 2));
        }

        entries[count] = new Entry(name, value);
        count++;
    }

    /// <summary>Empties the scope and moves it under <paramref name="parent"/>, for a loop that reuses it on its next run.</summary>
    public void Rebind(Frame frame, Template template, Scope parent)
    {
        Clear();
        Frame = frame;
        Template = template;
        Parent = parent;
    }

    /// <summary>Forgets every name, so a loop can reuse one scope for all its iterations.</summary>
    public void Clear()
    {
        Array.Clear(entries, 0, count);
        count = 0;
    }

    private struct Entry(string name, object? value)
    {
        public readonly string Name = name;
        public object? Value = value;
    }
}
