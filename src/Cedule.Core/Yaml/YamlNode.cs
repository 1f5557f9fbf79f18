namespace Cedule.Core.Yaml;

/// <summary>
/// A node of a YAML document with its position, so that every problem found in a property file
/// or a project file can name the file, line and column. Anchors, aliases and merge keys
/// (<c>&lt;&lt;: *base</c>) are already resolved.
/// </summary>
public abstract class YamlNode
{
    private protected YamlNode(SourceLocation location) => Location = location;

    /// <summary>Where the node starts.</summary>
    public SourceLocation Location { get; }
}

/// <summary>A scalar: its text as written, whether it was quoted, and its explicit tag if any.</summary>
public sealed class YamlScalar : YamlNode
{
    /// <summary>Creates a scalar.</summary>
    public YamlScalar(string text, bool isQuoted, string? tag, SourceLocation location)
        : base(location)
    {
        Text = text;
        IsQuoted = isQuoted;
        Tag = tag;
    }

    /// <summary>The scalar's text after YAML unescaping.</summary>
    public string Text { get; }

    /// <summary>True for single- or double-quoted and block scalars: their text is always a string.</summary>
    public bool IsQuoted { get; }

    /// <summary>An explicit tag such as <c>!!str</c>, or null.</summary>
    public string? Tag { get; }
}

/// <summary>A sequence of nodes.</summary>
public sealed class YamlSequence : YamlNode
{
    /// <summary>Creates a sequence.</summary>
    public YamlSequence(IReadOnlyList<YamlNode> items, SourceLocation location)
        : base(location) => Items = items;

    /// <summary>The items, in order.</summary>
    public IReadOnlyList<YamlNode> Items { get; }
}

/// <summary>A mapping whose keys keep their written order and position.</summary>
public sealed class YamlMapping : YamlNode
{
    /// <summary>Creates a mapping.</summary>
    public YamlMapping(IReadOnlyList<KeyValuePair<YamlScalar, YamlNode>> entries, SourceLocation location)
        : base(location) => Entries = entries;

    /// <summary>The entries, in written order (a later duplicate key wins on lookup, as in PyYAML).</summary>
    public IReadOnlyList<KeyValuePair<YamlScalar, YamlNode>> Entries { get; }

    /// <summary>Finds the value of a key (the last one written wins).</summary>
    public YamlNode? this[string key]
    {
        get
        {
            for (var i = Entries.Count - 1; i >= 0; i--)
            {
                if (string.Equals(Entries[i].Key.Text, key, StringComparison.Ordinal))
                {
                    return Entries[i].Value;
                }
            }

            return null;
        }
    }
}
