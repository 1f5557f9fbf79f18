namespace Cedule.Core.Selection;

/// <summary>A parsed selection: criterion, set operation or reference to a named selector. Immutable.</summary>
internal abstract class SelectorSpec(string raw, SourceLocation location)
{
    /// <summary>The text it was parsed from, for messages.</summary>
    public string Raw { get; } = raw;

    /// <summary>Where it was written (a command-line argument and column, or a selectors.yml position).</summary>
    public SourceLocation Location { get; } = location;
}

/// <summary>One <c>method:value</c> with its graph operators (dbt's <c>SelectionCriteria</c>).</summary>
internal sealed class CriterionSpec(string raw, SourceLocation location) : SelectorSpec(raw, location)
{
    public required string Method { get; init; }

    public IReadOnlyList<string> Arguments { get; init; } = [];

    public required object? Value { get; init; }

    public bool ChildrensParents { get; init; }

    public bool Parents { get; init; }

    public int? ParentsDepth { get; init; }

    public bool Children { get; init; }

    public int? ChildrenDepth { get; init; }

    /// <summary>The criterion's own mode (selectors.yml); null takes the invocation's.</summary>
    public IndirectSelection? IndirectSelection { get; init; }
}

/// <summary>The set operations; a difference has exactly two components, the second removed from the first.</summary>
internal enum SetOperation
{
    Union,
    Intersection,
    Difference,
}

/// <summary>A union, intersection or difference of specs.</summary>
internal sealed class SetSpec(string raw, SourceLocation location, SetOperation operation, IReadOnlyList<SelectorSpec> components)
    : SelectorSpec(raw, location)
{
    public SetOperation Operation { get; } = operation;

    public IReadOnlyList<SelectorSpec> Components { get; } = components;

    /// <summary>True for each space-separated term of <c>--select</c>/<c>--exclude</c>: selecting nothing is worth a warning.</summary>
    public bool ExpectExists { get; init; }
}

/// <summary><c>selector:name</c> on the command line: the named selector's definition, looked up when selecting.</summary>
internal sealed class SelectorReferenceSpec(string raw, SourceLocation location, string name) : SelectorSpec(raw, location)
{
    public string Name { get; } = name;
}
