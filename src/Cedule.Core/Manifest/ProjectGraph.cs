using Cedule.Core.Graph;
using Cedule.Core.Parsing;
using Cedule.Jinja.Values;

namespace Cedule.Core.Manifest;

/// <summary>Builds the DAG that selection and execution use from a parse's enabled nodes.</summary>
public static class ProjectGraph
{
    /// <summary>The DAG of the enabled nodes of <paramref name="result"/>.</summary>
    public static Dag Build(ParseResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        return Dag.Build(result.EnabledNodes.Select(ToGraphNode));
    }

    /// <summary>The selection view of one node.</summary>
    public static GraphNode ToGraphNode(ManifestNode node)
    {
        ArgumentNullException.ThrowIfNull(node);
        var type = NodeTypeNames.TryParse(node.ResourceType, out var parsed) ? parsed : NodeType.Model;
        var config = new Dictionary<string, object?>(StringComparer.Ordinal);
        foreach (var (key, value) in node.Config)
        {
            config[PyOps.ToStr(key)] = Plain(value);
        }

        var packageRoot = node.OriginalFilePath.StartsWith("dbt_packages/", StringComparison.Ordinal)
            ? string.Join('/', node.OriginalFilePath.Split('/')[..2])
            : string.Empty;
        return new GraphNode
        {
            UniqueId = node.UniqueId,
            ResourceType = type.Value,
            PackageName = node.PackageName,
            Name = node.Name,
            Fqn = node.Fqn,
            OriginalFilePath = packageRoot.Length == 0 ? node.OriginalFilePath : node.OriginalFilePath[(packageRoot.Length + 1)..],
            PackageRootPath = packageRoot,
            PatchPath = node.PatchPath,
            Path = node.Path,
            Tags = node.Tags,
            Config = config,
            DependsOn = node.DependsOnNodes,
            SourceName = node.SourceName,
            Version = node.Version is null ? null : PropertyFiles.VersionText(node.Version),
            LatestVersion = node.LatestVersion is null ? null : PropertyFiles.VersionText(node.LatestVersion),
            TestKind = node.ResourceType != "test" ? null : node.TestMetadata is null ? TestKind.Singular : TestKind.Generic,
            TestName = node.TestMetadata?.Name,
            TestNamespace = node.TestMetadata?.Namespace,
            AttachedNode = node.AttachedNode,
            ColumnName = node.ColumnName,
        };
    }

    private static object? Plain(object? value) => value switch
    {
        PyDict dict => dict.ToDictionary(p => PyOps.ToStr(p.Key), p => Plain(p.Value), StringComparer.Ordinal),
        List<object?> list => list.Select(Plain).ToList(),
        PyTuple tuple => tuple.Select(Plain).ToList(),
        _ => value,
    };
}
