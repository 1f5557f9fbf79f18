namespace Cedule.Core.Graph;

public sealed partial class Dag
{
    /// <summary>
    /// Every node upstream of a node, up to <paramref name="maxDepth"/> edges away (all when
    /// null), in topological order. The node itself is not included.
    /// </summary>
    public IReadOnlyList<string> GetAncestors(string uniqueId, int? maxDepth = null) =>
        Walk(uniqueId, upstream: true, maxDepth);

    /// <summary>
    /// Every node downstream of a node, up to <paramref name="maxDepth"/> edges away (all when
    /// null), in topological order. The node itself is not included.
    /// </summary>
    public IReadOnlyList<string> GetDescendants(string uniqueId, int? maxDepth = null) =>
        Walk(uniqueId, upstream: false, maxDepth);

    /// <summary>
    /// Marks in <paramref name="found"/> the nodes reachable from <paramref name="seeds"/> within
    /// <paramref name="maxDepth"/> steps, layer by layer, moving only through nodes allowed by
    /// <paramref name="members"/> (null allows all). A seed is marked only when another seed
    /// reaches it, as dbt's <c>select_parents</c>/<c>select_children</c> do.
    /// </summary>
    internal void Walk(IEnumerable<int> seeds, bool upstream, int? maxDepth, bool[]? members, bool[] found)
    {
        var frontier = new List<int>(seeds);
        var next = new List<int>();
        var start = upstream ? _parentStart : _childStart;
        var edges = upstream ? _parents : _children;
        for (var depth = 0; frontier.Count > 0 && (maxDepth is null || depth < maxDepth); depth++)
        {
            next.Clear();
            foreach (var node in frontier)
            {
                for (var k = start[node]; k < start[node + 1]; k++)
                {
                    var other = edges[k];
                    if (!found[other] && (members is null || members[other]))
                    {
                        found[other] = true;
                        next.Add(other);
                    }
                }
            }

            (frontier, next) = (next, frontier);
        }
    }

    private string[] Walk(string uniqueId, bool upstream, int? maxDepth)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(maxDepth ?? 0, nameof(maxDepth));
        var i = IndexOfOrThrow(uniqueId);
        var found = new bool[_nodes.Length];
        Walk([i], upstream, maxDepth, null, found);
        found[i] = false;
        return InTopologicalOrder(Enumerable.Range(0, found.Length).Where(k => found[k]));
    }

    /// <summary>
    /// The longest chain of dependent nodes when each takes the given time: the lower bound of a
    /// run's wall-clock duration with unlimited parallelism. Nodes on or below a cycle are
    /// ignored. Ties go to the smaller unique id, so the answer is deterministic.
    /// </summary>
    public CriticalPath GetCriticalPath(Func<GraphNode, TimeSpan> duration)
    {
        ArgumentNullException.ThrowIfNull(duration);
        if (_topo.Length == 0)
        {
            return new CriticalPath([], TimeSpan.Zero);
        }

        var finish = new long[_nodes.Length];
        var previous = new int[_nodes.Length];
        var end = -1;
        foreach (var node in _topo)
        {
            var best = -1;
            foreach (var parent in ParentsOf(node))
            {
                if (best < 0 || finish[parent] > finish[best] || (finish[parent] == finish[best] && parent < best))
                {
                    best = parent;
                }
            }

            previous[node] = best;
            finish[node] = (best < 0 ? 0 : finish[best]) + duration(_nodes[node]).Ticks;
            if (end < 0 || finish[node] > finish[end] || (finish[node] == finish[end] && node < end))
            {
                end = node;
            }
        }

        var path = new List<string>();
        for (var node = end; node >= 0; node = previous[node])
        {
            path.Add(_nodes[node].UniqueId);
        }

        path.Reverse();
        return new CriticalPath(path, TimeSpan.FromTicks(finish[end]));
    }
}
