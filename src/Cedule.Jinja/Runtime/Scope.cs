namespace Cedule.Jinja.Runtime;

/// <summary>
/// One level of template variables: a loop iteration, a macro call, a <c>with</c> body or a
/// template's top level. Small linear storage, because a scope rarely holds more than a few
/// names and interned names usually compare by reference.
/// </summary>
internal sealed class Scope
{
    private string[] names;
    private object?[] values;
    private int count;

    public Scope(Frame frame, Scope? parent, int capacity = 4)
        : this(frame, frame.Template, parent, capacity)
    {
    }

    public Scope(Frame frame, Template template, Scope? parent, int capacity = 4)
    {
        Frame = frame;
        Template = template;
        Parent = parent;
        names = capacity == 0 ? [] : new string[capacity];
        values = capacity == 0 ? [] : new object?[capacity];
    }

    /// <summary>The template execution this scope belongs to (for locations, blocks and outer lookups).</summary>
    public Frame Frame { get; }

    public Scope? Parent { get; }

    /// <summary>The template whose code runs in this scope: errors are located in it.</summary>
    public Template Template { get; set; }

    public int Count => count;

    public string NameAt(int index) => names[index];

    public object? ValueAt(int index) => values[index];

    public bool TryGetLocal(string name, out object? value)
    {
        var local = names;
        for (var i = 0; i < count; i++)
        {
            var candidate = local[i];
            if ((object)candidate == name || string.Equals(candidate, name, StringComparison.Ordinal))
            {
                value = values[i];
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
            var candidate = names[i];
            if ((object)candidate == name || string.Equals(candidate, name, StringComparison.Ordinal))
            {
                values[i] = value;
                return;
            }
        }

        if (count == names.Length)
        {
            var size = Math.Max(4, count * 2);
            Array.Resize(ref names, size);
            Array.Resize(ref values, size);
        }

        names[count] = name;
        values[count] = value;
        count++;
    }

    /// <summary>Forgets every name, so a loop can reuse one scope for all its iterations.</summary>
    public void Clear()
    {
        Array.Clear(values, 0, count);
        count = 0;
    }
}
