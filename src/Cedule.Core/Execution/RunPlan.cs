using Cedule.Core.Graph;

namespace Cedule.Core.Execution;

/// <summary>
/// The nodes a command runs and the order constraints between them: an edge between two selected
/// nodes whenever one is upstream of the other through unselected nodes (ephemeral models, nodes
/// outside the selection), and, in <c>build</c>, from each test to the children of the models it
/// tests, so that a dataset whose tests fail is not built upon.
/// </summary>
public sealed class RunPlan
{
    private readonly Dictionary<string, List<string>> _upstream = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<string>> _downstream = new(StringComparer.Ordinal);

    /// <summary>Builds the plan of <paramref name="selected"/> (runnable nodes only) over the project graph.</summary>
    /// <param name="dag">The project's graph.</param>
    /// <param name="selected">Unique ids to run: models (not ephemeral), seeds, snapshots, tests.</param>
    /// <param name="testsGateChildren">True for <c>build</c>: children of a tested model wait for its tests.</param>
    public RunPlan(Dag dag, IEnumerable<string> selected, bool testsGateChildren)
    {
        ArgumentNullException.ThrowIfNull(dag);
        var set = new HashSet<string>(selected, StringComparer.Ordinal);
        Nodes = [.. dag.TopologicalOrder.Where(set.Contains)];
        foreach (var id in Nodes)
        {
            _upstream[id] = [];
            _downstream[id] = [];
        }

        foreach (var id in Nodes)
        {
            foreach (var parent in NearestSelected(dag, id, set))
            {
                AddEdge(parent, id);
            }
        }

        if (testsGateChildren)
        {
            AddTestEdges(dag, set);
        }
    }

    /// <summary>The nodes, in a topological order.</summary>
    public IReadOnlyList<string> Nodes { get; }

    /// <summary>Selected nodes that must finish before <paramref name="uniqueId"/> starts.</summary>
    public IReadOnlyList<string> Upstream(string uniqueId) => _upstream[uniqueId];

    /// <summary>Selected nodes that wait for <paramref name="uniqueId"/>.</summary>
    public IReadOnlyList<string> Downstream(string uniqueId) => _downstream[uniqueId];

    private void AddEdge(string from, string to)
    {
        if (!_downstream[from].Contains(to))
        {
            _downstream[from].Add(to);
            _upstream[to].Add(from);
        }
    }

    /// <summary>Selected ancestors reached without passing through another selected node.</summary>
    private static HashSet<string> NearestSelected(Dag dag, string id, HashSet<string> selected)
    {
        var found = new HashSet<string>(StringComparer.Ordinal);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var stack = new Stack<string>(dag.GetParents(id));
        while (stack.Count > 0)
        {
            var parent = stack.Pop();
            if (!seen.Add(parent))
            {
                continue;
            }

            if (selected.Contains(parent))
            {
                found.Add(parent);
            }
            else
            {
                foreach (var grand in dag.GetParents(parent))
                {
                    stack.Push(grand);
                }
            }
        }

        return found;
    }

    /// <summary>dbt build: a test gates a child of its models when every model the test reads is upstream of that child.</summary>
    private void AddTestEdges(Dag dag, HashSet<string> selected)
    {
        foreach (var test in Nodes.Where(n => n.StartsWith("test.", StringComparison.Ordinal)))
        {
            var testedModels = dag.GetParents(test);
            var candidates = testedModels.SelectMany(dag.GetChildren)
                .Where(c => selected.Contains(c) && !c.StartsWith("test.", StringComparison.Ordinal))
                .Distinct(StringComparer.Ordinal);
            foreach (var child in candidates)
            {
                var ancestors = dag.GetAncestors(child).ToHashSet(StringComparer.Ordinal);
                if (testedModels.All(ancestors.Contains))
                {
                    AddEdge(test, child);
                }
            }
        }
    }
}
