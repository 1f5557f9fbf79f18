using Cedule.Core.Diagnostics;
using Cedule.Core.Graph;
using Cedule.Core.Selection.Methods;

namespace Cedule.Core.Selection;

/// <summary>
/// Evaluates a parsed selection over a graph, as dbt-core 1.9's <c>NodeSelector</c>: methods
/// first, then graph operators, then the indirect selection of tests, then set operations.
/// Only enabled nodes take part, and graph operators do not walk through disabled ones.
/// </summary>
internal sealed class SelectionEngine
{
    private readonly Dag _dag;
    private readonly bool[] _members;
    private readonly SelectionCriteria _criteria;
    private readonly List<Diagnostic> _diagnostics;
    private readonly HashSet<string> _resolving = new(StringComparer.Ordinal);
    private bool[]? _sources;
    private string? _rootProject;

    public SelectionEngine(Dag dag, SelectionCriteria criteria, List<Diagnostic> diagnostics)
    {
        _dag = dag;
        _criteria = criteria;
        _diagnostics = diagnostics;
        _members = new bool[dag.Count];
        for (var i = 0; i < dag.Count; i++)
        {
            _members[i] = dag.NodeAt(i).IsEnabled;
        }
    }

    /// <summary>
    /// What a spec selects: <see cref="Outcome.Direct"/> is the selection; <see cref="Outcome.Pending"/>
    /// holds tests kept aside by cautious or buildable selection because a parent was missing,
    /// which an enclosing union may still complete.
    /// </summary>
    internal sealed class Outcome(bool[] direct, bool[]? pending = null, bool[]? buildable = null)
    {
        public bool[] Direct { get; } = direct;

        public bool[]? Pending { get; set; } = pending;

        /// <summary>The pending tests that were deferred in buildable mode (the others were cautious).</summary>
        public bool[]? Buildable { get; set; } = buildable;
    }

    /// <param name="spec">The spec.</param>
    /// <param name="greedy">True inside an exclusion: every criterion expands eagerly, because
    /// dbt documents that a test with any excluded parent is excluded, whatever the mode.</param>
    public Outcome Evaluate(SelectorSpec spec, bool greedy) => spec switch
    {
        CriterionSpec criterion => EvaluateCriterion(criterion, greedy),
        SetSpec set => EvaluateSet(set, greedy),
        SelectorReferenceSpec reference => EvaluateReference(reference, greedy),
        _ => throw new ArgumentOutOfRangeException(nameof(spec)),
    };

    private Outcome EvaluateReference(SelectorReferenceSpec reference, bool greedy)
    {
        if (!_criteria.Selectors.TryGet(reference.Name, out var definition))
        {
            _diagnostics.Add(Diagnostic.Error(
                DiagnosticCodes.SelectorDefinition,
                $"no selector named '{reference.Name}' in selectors.yml{NodeSelector.Known(_criteria.Selectors)}",
                reference.Location));
            return Empty();
        }

        if (!_resolving.Add(reference.Name))
        {
            _diagnostics.Add(Diagnostic.Error(DiagnosticCodes.SelectorDefinition, $"selector '{reference.Name}' refers to itself", reference.Location));
            return Empty();
        }

        var outcome = Evaluate(definition.Spec, greedy);
        _resolving.Remove(reference.Name);
        return outcome;
    }

    private Outcome EvaluateCriterion(CriterionSpec criterion, bool greedy)
    {
        if (!_criteria.Methods.TryGet(criterion.Method, out var method))
        {
            _diagnostics.Add(Diagnostic.Error(
                DiagnosticCodes.SelectorSyntax,
                $"invalid selector '{criterion.Raw}': '{criterion.Method}' is not a valid method name",
                criterion.Location));
            return Empty();
        }

        var input = new SelectorMethodInput(criterion.Arguments, criterion.Value, _criteria.RootProjectName ?? (_rootProject ??= InferRootProject()));
        if (!method.TryCreateMatcher(input, out var matcher, out var error))
        {
            _diagnostics.Add(Diagnostic.Error(
                method is UnsupportedMethod ? DiagnosticCodes.SelectorUnsupported : DiagnosticCodes.SelectorSyntax,
                $"invalid selector '{criterion.Raw}': {error}",
                criterion.Location));
            return Empty();
        }

        var collected = new bool[_dag.Count];
        for (var i = 0; i < collected.Length; i++)
        {
            collected[i] = _members[i] && matcher(_dag.NodeAt(i));
        }

        var selected = NodeSet.Copy(collected);
        if (criterion.ChildrensParents)
        {
            var family = NodeSet.Copy(collected);
            _dag.Walk(NodeSet.Members(collected), upstream: false, null, _members, family);
            var parents = new bool[_dag.Count];
            _dag.Walk(NodeSet.Members(family), upstream: true, null, _members, parents);
            NodeSet.UnionWith(selected, family);
            NodeSet.UnionWith(selected, parents);
        }

        if (criterion.Parents)
        {
            _dag.Walk(NodeSet.Members(collected), upstream: true, criterion.ParentsDepth, _members, selected);
        }

        if (criterion.Children)
        {
            _dag.Walk(NodeSet.Members(collected), upstream: false, criterion.ChildrenDepth, _members, selected);
        }

        var mode = greedy ? IndirectSelection.Eager : criterion.IndirectSelection ?? _criteria.IndirectSelection;
        return mode == IndirectSelection.Empty ? new Outcome(selected) : Expand(selected, mode);
    }

    // dbt's expand_selection: the tests right below the selection join it, or wait as pending.
    private Outcome Expand(bool[] selected, IndirectSelection mode)
    {
        var direct = NodeSet.Copy(selected);
        bool[]? pending = null;
        bool[]? selectedAndParents = null;
        for (var i = 0; i < selected.Length; i++)
        {
            if (!selected[i])
            {
                continue;
            }

            foreach (var child in _dag.ChildrenOf(i))
            {
                if (direct[child] || !_members[child] || !NodeKinds.CanBeSelectedIndirectly(_dag.NodeAt(child).ResourceType))
                {
                    continue;
                }

                if (mode == IndirectSelection.Eager || ParentsWithin(child, selected))
                {
                    direct[child] = true;
                }
                else if (mode == IndirectSelection.Buildable && ParentsWithin(child, selectedAndParents ??= SelectedAndParents(selected, withSources: true)))
                {
                    direct[child] = true;
                }
                else
                {
                    (pending ??= new bool[selected.Length])[child] = true;
                }
            }
        }

        return new Outcome(direct, pending, mode == IndirectSelection.Buildable ? pending : null);
    }

    private Outcome EvaluateSet(SetSpec set, bool greedy)
    {
        var problems = _diagnostics.Count;
        var outcomes = new List<Outcome>(set.Components.Count);
        for (var k = 0; k < set.Components.Count; k++)
        {
            var exclusion = set.Operation == SetOperation.Difference && k > 0;
            outcomes.Add(Evaluate(set.Components[k], greedy || exclusion));
        }

        if (outcomes.Count == 0)
        {
            return WarnIfEmpty(set, Empty(), problems);
        }

        var direct = NodeSet.Copy(outcomes[0].Direct);
        var all = All(outcomes[0]);
        var buildable = outcomes[0].Buildable is { } first ? NodeSet.Copy(first) : null;
        for (var k = 1; k < outcomes.Count; k++)
        {
            var other = outcomes[k];
            switch (set.Operation)
            {
                case SetOperation.Union:
                    NodeSet.UnionWith(direct, other.Direct);
                    NodeSet.UnionWith(all, All(other));
                    if (other.Buildable is { } b)
                    {
                        NodeSet.UnionWith(buildable ??= new bool[direct.Length], b);
                    }

                    break;
                case SetOperation.Intersection:
                    NodeSet.IntersectWith(direct, other.Direct);
                    NodeSet.IntersectWith(all, All(other));
                    if (other.Buildable is { } c)
                    {
                        NodeSet.UnionWith(buildable ??= new bool[direct.Length], c);
                    }

                    break;
                default:
                    NodeSet.ExceptWith(direct, other.Direct);
                    NodeSet.ExceptWith(all, All(other));
                    break;
            }
        }

        NodeSet.ExceptWith(all, direct);
        var outcome = new Outcome(direct, NodeSet.IsEmpty(all) ? null : all, buildable);
        Incorporate(outcome);
        return WarnIfEmpty(set, outcome, problems);
    }

    // dbt's incorporate_indirect_nodes: a pending test joins once all its parents are selected
    // (cautious), or selected or upstream of the selection (buildable).
    private void Incorporate(Outcome outcome)
    {
        if (outcome.Pending is not { } pending)
        {
            return;
        }

        var direct = outcome.Direct;
        bool[]? selectedAndParents = null;
        for (var i = 0; i < pending.Length; i++)
        {
            if (!pending[i] || _dag.NodeAt(i).ResourceType == NodeType.UnitTest)
            {
                continue;
            }

            var isBuildable = outcome.Buildable?[i] == true;
            if (ParentsWithin(i, direct)
                || (isBuildable && ParentsWithin(i, selectedAndParents ??= SelectedAndParents(direct, withSources: false))))
            {
                direct[i] = true;
                pending[i] = false;
            }
        }

        if (NodeSet.IsEmpty(pending))
        {
            outcome.Pending = null;
        }
    }

    // A term that already failed needs no second message saying it matched nothing.
    private Outcome WarnIfEmpty(SetSpec set, Outcome outcome, int problemsBefore)
    {
        if (set.ExpectExists && _diagnostics.Count == problemsBefore && NodeSet.IsEmpty(outcome.Direct))
        {
            _diagnostics.Add(Diagnostic.Warning(
                DiagnosticCodes.SelectorNoMatch,
                $"the selection criterion '{set.Raw}' does not match any enabled nodes",
                set.Location));
        }

        return outcome;
    }

    private bool ParentsWithin(int node, bool[] set)
    {
        foreach (var parent in _dag.ParentsOf(node))
        {
            if (!set[parent])
            {
                return false;
            }
        }

        return true;
    }

    // The selection, its ancestors and, when expanding (as dbt does there), every source.
    private bool[] SelectedAndParents(bool[] selected, bool withSources)
    {
        var result = NodeSet.Copy(selected);
        _dag.Walk(NodeSet.Members(selected), upstream: true, null, _members, result);
        if (withSources)
        {
            NodeSet.UnionWith(result, _sources ??= Sources());
        }

        return result;
    }

    private bool[] Sources()
    {
        var sources = new bool[_dag.Count];
        for (var i = 0; i < sources.Length; i++)
        {
            sources[i] = _dag.NodeAt(i).ResourceType == NodeType.Source;
        }

        return sources;
    }

    private static bool[] All(Outcome outcome)
    {
        var all = NodeSet.Copy(outcome.Direct);
        if (outcome.Pending is { } pending)
        {
            NodeSet.UnionWith(all, pending);
        }

        return all;
    }

    private Outcome Empty() => new(new bool[_dag.Count]);

    // The root project is the package whose files sit at the project's root.
    private string? InferRootProject() =>
        _dag.Nodes.FirstOrDefault(n => n.PackageRootPath.Length == 0 && n.ResourceType != NodeType.Source)?.PackageName
        ?? _dag.Nodes.FirstOrDefault(n => n.PackageRootPath.Length == 0)?.PackageName;
}
