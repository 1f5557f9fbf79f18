using Cedule.Core.Graph;

namespace Cedule.Core.Selection.Methods;

/// <summary>dbt's families of nodes, which decide what each method searches.</summary>
internal static class NodeKinds
{
    /// <summary>dbt's <c>manifest.nodes</c>: models, seeds, snapshots, data tests, analyses, operations.</summary>
    public static bool IsParsedNode(NodeType type) => type is NodeType.Model or NodeType.Seed or NodeType.Snapshot
        or NodeType.Test or NodeType.Analysis or NodeType.Operation;

    /// <summary>Nodes with a config the <c>config</c> method reads: parsed nodes and sources.</summary>
    public static bool IsConfigurable(NodeType type) => IsParsedNode(type) || type == NodeType.Source;

    /// <summary>Nodes that tests can be indirectly selected through (tests and unit tests are the only ones).</summary>
    public static bool CanBeSelectedIndirectly(NodeType type) => type is NodeType.Test or NodeType.UnitTest;
}
