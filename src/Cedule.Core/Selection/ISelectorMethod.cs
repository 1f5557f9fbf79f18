using System.Diagnostics.CodeAnalysis;
using Cedule.Core.Graph;

namespace Cedule.Core.Selection;

/// <summary>
/// One selection method (<c>tag:</c>, <c>config.materialized:</c>, …), as one class of dbt-core's
/// <c>selector_methods.py</c>. A method turns its value into a node predicate once per criterion;
/// the selector then runs the predicate over the enabled nodes, so a method never walks the graph
/// itself (graph operators are applied afterwards, the same way for every method).
/// </summary>
public interface ISelectorMethod
{
    /// <summary>The name written before the colon (<c>tag</c>, <c>config</c>).</summary>
    string Name { get; }

    /// <summary>
    /// Builds the predicate for one criterion, or explains why the value (or the dotted
    /// arguments, as <c>materialized</c> in <c>config.materialized</c>) cannot be used.
    /// </summary>
    /// <param name="input">The criterion's value and arguments.</param>
    /// <param name="matcher">The predicate, when the input is valid.</param>
    /// <param name="error">A message naming what is wrong, when it is not.</param>
    bool TryCreateMatcher(
        SelectorMethodInput input,
        [NotNullWhen(true)] out Func<GraphNode, bool>? matcher,
        [NotNullWhen(false)] out string? error);
}
