namespace Cedule.Core.Selection;

/// <summary>What a selection method receives for one criterion.</summary>
public sealed class SelectorMethodInput
{
    /// <summary>Creates an input.</summary>
    public SelectorMethodInput(IReadOnlyList<string> arguments, object? value, string? rootProjectName)
    {
        Arguments = arguments;
        Value = value;
        Text = value as string ?? Cedule.Jinja.Values.PyOps.ToStr(value);
        RootProjectName = rootProjectName;
    }

    /// <summary>The dotted arguments after the method name (<c>["meta", "owner"]</c> for <c>config.meta.owner</c>).</summary>
    public IReadOnlyList<string> Arguments { get; }

    /// <summary>
    /// The value: always a string on the command line; in selectors.yml whatever YAML made of it
    /// (<c>value: true</c> is a bool), which only <c>config</c> compares as such.
    /// </summary>
    public object? Value { get; }

    /// <summary>The value as Python's <c>str()</c> would print it, for the methods that match text.</summary>
    public string Text { get; }

    /// <summary>The root project's name, which <c>package:this</c> stands for; null when unknown.</summary>
    public string? RootProjectName { get; }
}
