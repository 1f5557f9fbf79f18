using Cedule.Core.Graph;

namespace Cedule.Core.Selection;

/// <summary>
/// What to select, as the flags of a dbt command give it: <c>--select</c>, <c>--exclude</c>,
/// <c>--selector</c>, <c>--resource-type</c>, <c>--exclude-resource-type</c> and
/// <c>--indirect-selection</c>, with the project's selectors.yml.
/// </summary>
public sealed class SelectionCriteria
{
    /// <summary>The <c>--select</c> values; each may hold several space-separated terms. Empty selects everything (or the default selector).</summary>
    public IReadOnlyList<string> Select { get; init; } = [];

    /// <summary>The <c>--exclude</c> values.</summary>
    public IReadOnlyList<string> Exclude { get; init; } = [];

    /// <summary>The <c>--selector</c> name, looked up in <see cref="Selectors"/>; when set, <see cref="Select"/> and <see cref="Exclude"/> are ignored, as in dbt.</summary>
    public string? Selector { get; init; }

    /// <summary>The project's selectors.yml, parsed.</summary>
    public SelectorDefinitions Selectors { get; init; } = SelectorDefinitions.Empty;

    /// <summary>Whether a selector with <c>default: true</c> applies when neither select, exclude nor selector is given (true for dbt's commands).</summary>
    public bool UseDefaultSelector { get; init; } = true;

    /// <summary>Keeps only these types (applied last, like dbt's <c>--resource-type</c> and the command's own types); null keeps every type.</summary>
    public IReadOnlyCollection<NodeType>? ResourceTypes { get; init; }

    /// <summary>Drops these types (<c>--exclude-resource-type</c>).</summary>
    public IReadOnlyCollection<NodeType> ExcludeResourceTypes { get; init; } = [];

    /// <summary>The <c>--indirect-selection</c> mode, for criteria that do not set their own.</summary>
    public IndirectSelection IndirectSelection { get; init; } = IndirectSelection.Eager;

    /// <summary>The root project's name, for <c>package:this</c>; when null, the package of the nodes whose <see cref="GraphNode.PackageRootPath"/> is empty.</summary>
    public string? RootProjectName { get; init; }

    /// <summary>The selection methods.</summary>
    public SelectorMethodRegistry Methods { get; init; } = SelectorMethodRegistry.Default;
}
