using Cedule.Core.Diagnostics;
using Cedule.Core.Graph;

namespace Cedule.Core.Selection;

/// <summary>
/// Resolves <c>--resource-type</c> and <c>--exclude-resource-type</c> values the way dbt 1.9's
/// <c>resource_types_from_args</c> does, with each command's sets of types.
/// </summary>
public static class ResourceTypeArguments
{
    /// <summary>What <c>dbt build</c> runs (its runner map): models, seeds, snapshots, tests, unit tests, saved queries.</summary>
    public static IReadOnlySet<NodeType> Build { get; } = new HashSet<NodeType>
    {
        NodeType.Model, NodeType.Seed, NodeType.Snapshot, NodeType.Test, NodeType.UnitTest, NodeType.SavedQuery,
    };

    /// <summary>What <c>dbt ls</c> lists by default: every graph type except analyses and operations.</summary>
    public static IReadOnlySet<NodeType> ListDefault { get; } = new HashSet<NodeType>
    {
        NodeType.Model, NodeType.Snapshot, NodeType.Seed, NodeType.Test, NodeType.Source, NodeType.Exposure, NodeType.Metric,
        NodeType.SavedQuery, NodeType.SemanticModel, NodeType.UnitTest,
    };

    /// <summary>What <c>dbt ls --resource-type all</c> lists: the defaults and analyses.</summary>
    public static IReadOnlySet<NodeType> ListAll { get; } = new HashSet<NodeType>(ListDefault) { NodeType.Analysis };

    /// <summary>
    /// The types to keep: <paramref name="defaults"/> when no type is given, else the given types
    /// (<c>all</c> and <c>default</c> expand to the command's sets), minus the excluded ones.
    /// Unknown names are reported in <paramref name="diagnostics"/>.
    /// </summary>
    public static IReadOnlySet<NodeType> Resolve(
        IReadOnlyList<string> resourceTypes,
        IReadOnlyList<string> excludeResourceTypes,
        IReadOnlySet<NodeType> all,
        IReadOnlySet<NodeType> defaults,
        List<Diagnostic> diagnostics)
    {
        ArgumentNullException.ThrowIfNull(resourceTypes);
        ArgumentNullException.ThrowIfNull(excludeResourceTypes);
        ArgumentNullException.ThrowIfNull(diagnostics);
        var result = new HashSet<NodeType>(resourceTypes.Count == 0 ? defaults : []);
        foreach (var name in resourceTypes)
        {
            // dbt's click choice is case-insensitive.
            switch (name.ToLowerInvariant())
            {
                case "all":
                    result.UnionWith(all);
                    break;
                case "default":
                    result.UnionWith(defaults);
                    break;
                default:
                    if (Parse(name, "--resource-type", diagnostics) is { } type)
                    {
                        result.Add(type);
                    }

                    break;
            }
        }

        foreach (var name in excludeResourceTypes)
        {
            if (Parse(name, "--exclude-resource-type", diagnostics) is { } type)
            {
                result.Remove(type);
            }
        }

        return result;
    }

    private static NodeType? Parse(string name, string option, List<Diagnostic> diagnostics)
    {
        if (NodeTypeNames.TryParse(name.ToLowerInvariant(), out var type) && type is not NodeType.Operation)
        {
            return type;
        }

        diagnostics.Add(Diagnostic.Error(
            DiagnosticCodes.SelectorSyntax,
            $"invalid {option} '{name}': expected one of metric, semantic_model, saved_query, source, analysis, model, test, unit_test, exposure, snapshot, seed, default, all",
            SourceLocation.InFile(option)));
        return null;
    }
}
