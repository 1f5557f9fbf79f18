using Cedule.Core.Diagnostics;

namespace Cedule.Core.Graph;

public sealed partial class Dag
{
    private readonly int[] _topo;
    private readonly int[] _rank;
    private readonly int[] _level;
    private string[]? _topoIds;
    private IReadOnlyList<IReadOnlyList<string>>? _levels;

    /// <summary>
    /// The nodes in dependency order (every node after all its parents). Among nodes that are
    /// ready at the same time the smallest unique id (ordinal) comes first, so the order is the
    /// same on every machine and every run. Nodes on or below a cycle are left out.
    /// </summary>
    public IReadOnlyList<string> TopologicalOrder => _topoIds ??= Array.ConvertAll(_topo, i => _nodes[i].UniqueId);

    /// <summary>
    /// The nodes grouped by level: level 0 holds the roots, level k the nodes whose deepest
    /// parent is on level k-1. Nodes of one level never depend on each other, so they can run in
    /// parallel. Each level is ordered by unique id.
    /// </summary>
    public IReadOnlyList<IReadOnlyList<string>> Levels => _levels ??= BuildLevels();

    /// <summary>A node's level (its longest distance from a root), or -1 when it is on or below a cycle.</summary>
    public int GetLevel(string uniqueId) => _level[IndexOfOrThrow(uniqueId)];

    /// <summary>A node's position in <see cref="TopologicalOrder"/>, or -1 when it is on or below a cycle.</summary>
    internal int RankOf(int index) => _rank[index];

    /// <summary>Sorts node indices by topological rank; unranked (cyclic) nodes go last, by unique id.</summary>
    internal string[] InTopologicalOrder(IEnumerable<int> indices)
    {
        var list = indices.ToArray();
        Array.Sort(list, (a, b) =>
        {
            var ra = _rank[a] < 0 ? int.MaxValue : _rank[a];
            var rb = _rank[b] < 0 ? int.MaxValue : _rank[b];
            return ra != rb ? ra.CompareTo(rb) : a.CompareTo(b);
        });
        return Array.ConvertAll(list, i => _nodes[i].UniqueId);
    }

    // Kahn's algorithm; a min-heap on the node number (ordinal unique-id order) breaks ties.
    private (int[] Topo, int[] Rank, int[] Level) SortTopologically()
    {
        var count = _nodes.Length;
        var inDegree = new int[count];
        var ready = new PriorityQueue<int, int>();
        for (var i = 0; i < count; i++)
        {
            inDegree[i] = _parentStart[i + 1] - _parentStart[i];
            if (inDegree[i] == 0)
            {
                ready.Enqueue(i, i);
            }
        }

        var topo = new List<int>(count);
        var rank = new int[count];
        var level = new int[count];
        Array.Fill(rank, -1);
        while (ready.TryDequeue(out var node, out _))
        {
            rank[node] = topo.Count;
            topo.Add(node);
            for (var k = _childStart[node]; k < _childStart[node + 1]; k++)
            {
                var child = _children[k];
                level[child] = Math.Max(level[child], level[node] + 1);
                if (--inDegree[child] == 0)
                {
                    ready.Enqueue(child, child);
                }
            }
        }

        for (var i = 0; i < count; i++)
        {
            if (rank[i] < 0)
            {
                level[i] = -1;
            }
        }

        return ([.. topo], rank, level);
    }

    private List<IReadOnlyList<string>> BuildLevels()
    {
        var levels = new List<List<string>>();
        for (var i = 0; i < _nodes.Length; i++)
        {
            var l = _level[i];
            if (l < 0)
            {
                continue;
            }

            while (levels.Count <= l)
            {
                levels.Add([]);
            }

            levels[l].Add(_nodes[i].UniqueId);
        }

        return [.. levels];
    }

    // Called only when Kahn's algorithm left nodes behind: finds the strongly connected
    // components among them (iterative Tarjan, no recursion depth limit) and reports, for each
    // component that is a cycle, the shortest cycle through its smallest unique id.
    private List<Diagnostic> FindCycles()
    {
        var count = _nodes.Length;
        var order = new int[count];
        var low = new int[count];
        var onStack = new bool[count];
        Array.Fill(order, -1);
        var stack = new Stack<int>();
        var work = new Stack<(int Node, int Edge)>();
        var components = new List<int[]>();
        var counter = 0;

        for (var root = 0; root < count; root++)
        {
            if (_rank[root] >= 0 || order[root] >= 0)
            {
                continue;
            }

            work.Push((root, _childStart[root]));
            order[root] = low[root] = counter++;
            stack.Push(root);
            onStack[root] = true;
            while (work.Count > 0)
            {
                var (node, edge) = work.Pop();
                if (edge < _childStart[node + 1])
                {
                    work.Push((node, edge + 1));
                    var child = _children[edge];
                    if (_rank[child] >= 0)
                    {
                        continue;
                    }

                    if (order[child] < 0)
                    {
                        order[child] = low[child] = counter++;
                        stack.Push(child);
                        onStack[child] = true;
                        work.Push((child, _childStart[child]));
                    }
                    else if (onStack[child])
                    {
                        low[node] = Math.Min(low[node], order[child]);
                    }

                    continue;
                }

                if (work.Count > 0)
                {
                    var parent = work.Peek().Node;
                    low[parent] = Math.Min(low[parent], low[node]);
                }

                if (low[node] == order[node])
                {
                    var component = new List<int>();
                    int member;
                    do
                    {
                        member = stack.Pop();
                        onStack[member] = false;
                        component.Add(member);
                    }
                    while (member != node);

                    if (component.Count > 1 || HasEdge(node, node))
                    {
                        components.Add([.. component]);
                    }
                }
            }
        }

        var diagnostics = new List<Diagnostic>();
        foreach (var component in components.OrderBy(c => c.Min()))
        {
            var cycle = ShortestCycle(component);
            var first = _nodes[cycle[0]];
            var path = string.Join(" -> ", cycle.Select(i => _nodes[i].UniqueId));
            diagnostics.Add(Diagnostic.Error(
                DiagnosticCodes.Cycle,
                $"Found a cycle: {path}",
                SourceLocation.InFile(FileOf(first))));
        }

        return diagnostics;
    }

    private bool HasEdge(int parent, int child)
    {
        for (var k = _childStart[parent]; k < _childStart[parent + 1]; k++)
        {
            if (_children[k] == child)
            {
                return true;
            }
        }

        return false;
    }

    // Breadth-first from the component's smallest node back to itself, inside the component:
    // the path printed follows the data flow (parent -> child) and ends where it started.
    private List<int> ShortestCycle(int[] component)
    {
        var inComponent = new HashSet<int>(component);
        var start = component.Min();
        var previous = new Dictionary<int, int>();
        var queue = new Queue<int>();
        queue.Enqueue(start);
        var end = -1;
        while (queue.Count > 0 && end < 0)
        {
            var node = queue.Dequeue();
            for (var k = _childStart[node]; k < _childStart[node + 1]; k++)
            {
                var child = _children[k];
                if (child == start)
                {
                    end = node;
                    break;
                }

                if (inComponent.Contains(child) && previous.TryAdd(child, node))
                {
                    queue.Enqueue(child);
                }
            }
        }

        var path = new List<int> { start };
        for (var node = end; node != start; node = previous[node])
        {
            path.Insert(1, node);
        }

        path.Add(start);
        return path;
    }
}
