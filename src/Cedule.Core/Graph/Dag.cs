using System.Diagnostics.CodeAnalysis;
using Cedule.Core.Diagnostics;

namespace Cedule.Core.Graph;

/// <summary>
/// The dependency graph of a project's nodes: parents, children, a deterministic topological
/// order, levels for parallel execution, cycles and missing dependencies reported as
/// diagnostics. Built once per parse and read-only afterwards, so it is safe to share between
/// threads. Inside, nodes are numbered by the ordinal order of their unique ids and edges are
/// flat integer arrays, because selection and scheduling walk it in hot loops.
/// </summary>
public sealed partial class Dag
{
    private readonly GraphNode[] _nodes;
    private readonly Dictionary<string, int> _index;
    private readonly int[] _parentStart;
    private readonly int[] _parents;
    private readonly int[] _childStart;
    private readonly int[] _children;
    private readonly Diagnostic[] _diagnostics;

    private Dag(GraphNode[] nodes, Dictionary<string, int> index, int[] parentStart, int[] parents, List<Diagnostic> diagnostics)
    {
        _nodes = nodes;
        _index = index;
        _parentStart = parentStart;
        _parents = parents;
        (_childStart, _children) = Invert(nodes.Length, parentStart, parents);
        (_topo, _rank, _level) = SortTopologically();
        if (_topo.Length < nodes.Length)
        {
            diagnostics.AddRange(FindCycles());
        }

        _diagnostics = [.. diagnostics];
        UniqueIds = Array.ConvertAll(nodes, n => n.UniqueId);
    }

    /// <summary>The nodes, ordered by unique id (ordinal).</summary>
    public IReadOnlyList<GraphNode> Nodes => _nodes;

    /// <summary>The unique ids, ordered by ordinal comparison.</summary>
    public IReadOnlyList<string> UniqueIds { get; }

    /// <summary>How many nodes the graph has.</summary>
    public int Count => _nodes.Length;

    /// <summary>Problems found while building: duplicate ids, dependencies on unknown ids (their edge is dropped), cycles.</summary>
    public IReadOnlyList<Diagnostic> Diagnostics => _diagnostics;

    /// <summary>True when the graph has at least one cycle; <see cref="TopologicalOrder"/> then omits the nodes on or below a cycle.</summary>
    public bool HasCycles => _topo.Length < _nodes.Length;

    /// <summary>
    /// Builds a graph. Never throws for a bad project: a duplicate unique id keeps its first node,
    /// an unknown dependency drops its edge, and both are reported in <see cref="Diagnostics"/>
    /// with the cycles.
    /// </summary>
    public static Dag Build(IEnumerable<GraphNode> nodes)
    {
        ArgumentNullException.ThrowIfNull(nodes);
        var diagnostics = new List<Diagnostic>();

        // Stable sort, so the first of two duplicates in input order is the one kept.
        var sorted = nodes.OrderBy(n => n.UniqueId, StringComparer.Ordinal).ToList();
        var unique = new List<GraphNode>(sorted.Count);
        foreach (var node in sorted)
        {
            if (unique.Count > 0 && string.Equals(unique[^1].UniqueId, node.UniqueId, StringComparison.Ordinal))
            {
                diagnostics.Add(Diagnostic.Error(
                    DiagnosticCodes.DuplicateNode,
                    $"Two nodes have the unique id '{node.UniqueId}' ({FileOf(unique[^1])} and {FileOf(node)}); the second is ignored.",
                    SourceLocation.InFile(FileOf(node))));
                continue;
            }

            unique.Add(node);
        }

        var array = unique.ToArray();
        var index = new Dictionary<string, int>(array.Length, StringComparer.Ordinal);
        for (var i = 0; i < array.Length; i++)
        {
            index[array[i].UniqueId] = i;
        }

        var parentStart = new int[array.Length + 1];
        var parents = new List<int>(array.Length * 2);
        var seen = new int[array.Length];
        for (var i = 0; i < array.Length; i++)
        {
            parentStart[i] = parents.Count;
            var stamp = i + 1;
            foreach (var dependency in array[i].DependsOn)
            {
                if (!index.TryGetValue(dependency, out var parent))
                {
                    diagnostics.Add(Diagnostic.Error(
                        DiagnosticCodes.DependencyNotFound,
                        $"'{array[i].UniqueId}' depends on '{dependency}', which is not in the graph (missing or disabled).",
                        SourceLocation.InFile(FileOf(array[i]))));
                    continue;
                }

                if (seen[parent] != stamp)
                {
                    seen[parent] = stamp;
                    parents.Add(parent);
                }
            }
        }

        parentStart[array.Length] = parents.Count;
        return new Dag(array, index, parentStart, [.. parents], diagnostics);
    }

    /// <summary>True when the graph has a node with this unique id.</summary>
    public bool Contains(string uniqueId) => _index.ContainsKey(uniqueId);

    /// <summary>Finds a node by unique id.</summary>
    public bool TryGetNode(string uniqueId, [NotNullWhen(true)] out GraphNode? node)
    {
        if (_index.TryGetValue(uniqueId, out var i))
        {
            node = _nodes[i];
            return true;
        }

        node = null;
        return false;
    }

    /// <summary>The node with this unique id; throws <see cref="KeyNotFoundException"/> if absent.</summary>
    public GraphNode this[string uniqueId] => _nodes[IndexOfOrThrow(uniqueId)];

    /// <summary>The direct parents of a node that are in the graph, in the order of its <see cref="GraphNode.DependsOn"/>.</summary>
    public IReadOnlyList<string> GetParents(string uniqueId)
    {
        var i = IndexOfOrThrow(uniqueId);
        return IdsOf(_parents.AsSpan(_parentStart[i], _parentStart[i + 1] - _parentStart[i]));
    }

    /// <summary>The direct children of a node, ordered by unique id.</summary>
    public IReadOnlyList<string> GetChildren(string uniqueId)
    {
        var i = IndexOfOrThrow(uniqueId);
        return IdsOf(_children.AsSpan(_childStart[i], _childStart[i + 1] - _childStart[i]));
    }

    internal int IndexOf(string uniqueId) => _index.TryGetValue(uniqueId, out var i) ? i : -1;

    internal GraphNode NodeAt(int index) => _nodes[index];

    internal ReadOnlySpan<int> ParentsOf(int index) =>
        _parents.AsSpan(_parentStart[index], _parentStart[index + 1] - _parentStart[index]);

    internal ReadOnlySpan<int> ChildrenOf(int index) =>
        _children.AsSpan(_childStart[index], _childStart[index + 1] - _childStart[index]);

    internal static string FileOf(GraphNode node) =>
        node.PackageRootPath.Length == 0 ? node.OriginalFilePath : $"{node.PackageRootPath.TrimEnd('/')}/{node.OriginalFilePath}";

    private int IndexOfOrThrow(string uniqueId) =>
        _index.TryGetValue(uniqueId, out var i) ? i : throw new KeyNotFoundException($"No node '{uniqueId}' in the graph.");

    private string[] IdsOf(ReadOnlySpan<int> indices)
    {
        var ids = new string[indices.Length];
        for (var k = 0; k < indices.Length; k++)
        {
            ids[k] = _nodes[indices[k]].UniqueId;
        }

        return ids;
    }

    private static (int[] Start, int[] Children) Invert(int count, int[] parentStart, int[] parents)
    {
        var start = new int[count + 1];
        foreach (var parent in parents)
        {
            start[parent + 1]++;
        }

        for (var i = 0; i < count; i++)
        {
            start[i + 1] += start[i];
        }

        var fill = start[..count];
        var children = new int[parents.Length];

        // Children are appended in increasing node order, so each list comes out sorted by unique id.
        for (var child = 0; child < count; child++)
        {
            for (var k = parentStart[child]; k < parentStart[child + 1]; k++)
            {
                children[fill[parents[k]]++] = child;
            }
        }

        return (start, children);
    }
}
