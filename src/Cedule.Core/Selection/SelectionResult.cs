using Cedule.Core.Diagnostics;

namespace Cedule.Core.Selection;

/// <summary>The nodes a selection chose, and what was wrong or worth knowing about it.</summary>
public sealed class SelectionResult
{
    internal SelectionResult(IReadOnlyList<string> uniqueIds, IReadOnlyList<Diagnostic> diagnostics, string? selectorName)
    {
        UniqueIds = uniqueIds;
        Diagnostics = diagnostics;
        SelectorName = selectorName;
    }

    /// <summary>The selected unique ids in the graph's topological order; empty when there is an error.</summary>
    public IReadOnlyList<string> UniqueIds { get; }

    /// <summary>Errors (invalid expression, unknown selector or method, unsupported method) and warnings (a criterion matching nothing).</summary>
    public IReadOnlyList<Diagnostic> Diagnostics { get; }

    /// <summary>The selector used: the one asked for, or the default one; null for <c>--select</c>/<c>--exclude</c>.</summary>
    public string? SelectorName { get; }

    /// <summary>True when no diagnostic is an error.</summary>
    public bool Succeeded => Diagnostics.All(d => d.Severity != Severity.Error);
}
