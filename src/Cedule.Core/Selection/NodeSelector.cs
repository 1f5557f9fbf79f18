using Cedule.Core.Diagnostics;
using Cedule.Core.Graph;

namespace Cedule.Core.Selection;

/// <summary>
/// dbt's node selection: turns <see cref="SelectionCriteria"/> into the unique ids to run, in
/// topological order. Follows dbt 1.9's documented behaviour (methods, then graph operators,
/// then set operators; tests pulled in through the nodes they test; exclusion always eager).
/// </summary>
public static class NodeSelector
{
    // dbt's DEFAULT_INCLUDES, used when --select is not given.
    private static readonly string[] DefaultIncludes = ["fqn:*", "source:*", "exposure:*", "metric:*", "semantic_model:*"];

    /// <summary>
    /// Selects nodes. Never throws for bad input: problems are in
    /// <see cref="SelectionResult.Diagnostics"/>, and an error leaves the selection empty so that
    /// nothing runs by accident.
    /// </summary>
    public static SelectionResult Select(Dag dag, SelectionCriteria criteria)
    {
        ArgumentNullException.ThrowIfNull(dag);
        ArgumentNullException.ThrowIfNull(criteria);
        var diagnostics = new List<Diagnostic>();
        var (spec, selectorName) = BuildSpec(criteria, diagnostics);
        if (spec is null || diagnostics.Any(d => d.Severity == Severity.Error))
        {
            return new SelectionResult([], diagnostics, selectorName);
        }

        var engine = new SelectionEngine(dag, criteria, diagnostics);
        var selected = engine.Evaluate(spec, greedy: false).Direct;
        if (diagnostics.Any(d => d.Severity == Severity.Error))
        {
            return new SelectionResult([], diagnostics, selectorName);
        }

        var kept = NodeSet.Members(selected).Where(i => Keeps(criteria, dag.NodeAt(i).ResourceType));
        return new SelectionResult(dag.InTopologicalOrder(kept), diagnostics, selectorName);
    }

    /// <summary>Parses a selection expression alone, to check it (a UI field, an environment's setting) without a graph.</summary>
    public static IReadOnlyList<Diagnostic> Validate(string expression, SelectorMethodRegistry? methods = null)
    {
        var diagnostics = new List<Diagnostic>();
        SelectorExpressionParser.ParseUnion([expression], "--select", methods ?? SelectorMethodRegistry.Default, diagnostics);
        return diagnostics;
    }

    internal static string Known(SelectorDefinitions selectors) =>
        selectors.Selectors.Count == 0
            ? " (none is defined)"
            : $" (defined: {string.Join(", ", selectors.Selectors.Select(s => s.Name))})";

    private static (SelectorSpec? Spec, string? SelectorName) BuildSpec(SelectionCriteria criteria, List<Diagnostic> diagnostics)
    {
        if (criteria.Selector is { } name)
        {
            if (criteria.Select.Count > 0 || criteria.Exclude.Count > 0)
            {
                diagnostics.Add(Diagnostic.Warning(
                    DiagnosticCodes.SelectorDefinition,
                    $"--select and --exclude are ignored because --selector {name} is given",
                    SourceLocation.InFile("--selector")));
            }

            if (!criteria.Selectors.TryGet(name, out var definition))
            {
                diagnostics.Add(Diagnostic.Error(
                    DiagnosticCodes.SelectorDefinition,
                    $"no selector named '{name}' in selectors.yml{Known(criteria.Selectors)}",
                    SourceLocation.InFile("--selector")));
                return (null, name);
            }

            return (definition.Spec, name);
        }

        if (criteria.Select.Count == 0 && criteria.Exclude.Count == 0 && criteria.UseDefaultSelector
            && criteria.Selectors.Default is { } defaultSelector)
        {
            return (defaultSelector.Spec, defaultSelector.Name);
        }

        var include = criteria.Select.Count > 0
            ? SelectorExpressionParser.ParseUnion(criteria.Select, "--select", criteria.Methods, diagnostics)
            : WithoutNoMatchWarnings(SelectorExpressionParser.ParseUnion(DefaultIncludes, "--select", criteria.Methods, diagnostics));
        var exclude = SelectorExpressionParser.ParseUnion(criteria.Exclude, "--exclude", criteria.Methods, diagnostics);
        var spec = new SetSpec("--select/--exclude", SourceLocation.InFile("--select"), SetOperation.Difference, [include, exclude]);
        return (spec, null);
    }

    // The default includes may match nothing (a project without sources) without a warning.
    private static SetSpec WithoutNoMatchWarnings(SetSpec union) =>
        new(union.Raw, union.Location, SetOperation.Union,
            [.. union.Components.Select(c => c is SetSpec s ? new SetSpec(s.Raw, s.Location, s.Operation, s.Components) : c)]);

    private static bool Keeps(SelectionCriteria criteria, NodeType type) =>
        (criteria.ResourceTypes is null || criteria.ResourceTypes.Contains(type)) && !criteria.ExcludeResourceTypes.Contains(type);
}
