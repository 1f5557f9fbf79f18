using System.Collections.Concurrent;
using Cedule.Core.Manifest;
using Cedule.Jinja.Values;

namespace Cedule.Core.Execution;

public sealed partial class ExecutionSession
{
    private readonly ConcurrentDictionary<string, PyDict> _nodeDicts = new(StringComparer.Ordinal);

    /// <summary>A node as templates see it (<c>model</c>, the values of <c>graph.nodes</c>): dbt's manifest fields.</summary>
    internal PyDict NodeDict(ManifestNode node) => _nodeDicts.GetOrAdd(node.UniqueId, _ =>
    {
        var dict = new PyDict
        {
            ["unique_id"] = node.UniqueId,
            ["name"] = node.Name,
            ["alias"] = node.Alias ?? node.Name,
            ["database"] = node.Database ?? Target.Database,
            ["schema"] = node.Schema ?? Target.Schema,
            ["package_name"] = node.PackageName,
            ["resource_type"] = node.ResourceType,
            ["path"] = node.Path,
            ["original_file_path"] = node.OriginalFilePath,
            ["fqn"] = node.Fqn.Select(f => (object?)f).ToList(),
            ["config"] = node.Config,
            ["tags"] = node.Tags.Select(t => (object?)t).ToList(),
            ["meta"] = node.Config.TryGetValue("meta", out var meta) ? meta : new PyDict(),
            ["raw_code"] = node.RawCode,
            ["description"] = node.Description,
            ["columns"] = node.Columns,
            ["refs"] = node.Refs.Select(r => (object?)new PyDict { ["name"] = r.Name, ["package"] = r.Package, ["version"] = r.Version }).ToList(),
            ["sources"] = node.Sources.Select(s => (object?)new List<object?> { s.Source, s.Table }).ToList(),
            ["depends_on"] = new PyDict
            {
                ["nodes"] = node.DependsOnNodes.Select(d => (object?)d).ToList(),
                ["macros"] = node.DependsOnMacros.Select(d => (object?)d).ToList(),
            },
        };
        if (node.ResourceType == "source")
        {
            dict["source_name"] = node.SourceName;
            dict["identifier"] = node.Identifier ?? node.Name;
        }

        if (node.TestMetadata is { } test)
        {
            dict["test_metadata"] = new PyDict { ["name"] = test.Name, ["namespace"] = test.Namespace, ["kwargs"] = test.Kwargs };
            dict["column_name"] = node.ColumnName;
            dict["attached_node"] = node.AttachedNode;
        }

        if (node.Version is not null)
        {
            dict["version"] = node.Version;
        }

        return dict;
    });

    /// <summary>dbt's <c>graph</c>: nodes (models, seeds, snapshots, tests, analyses), sources and exposures by unique id.</summary>
    private PyDict BuildGraph()
    {
        var nodes = new PyDict();
        var sources = new PyDict();
        var exposures = new PyDict();
        foreach (var node in _nodes.Values.OrderBy(n => n.UniqueId, StringComparer.Ordinal))
        {
            var target = node.ResourceType switch
            {
                "source" => sources,
                "exposure" => exposures,
                _ => nodes,
            };
            target[node.UniqueId] = NodeDict(node);
        }

        return new PyDict
        {
            ["nodes"] = nodes,
            ["sources"] = sources,
            ["exposures"] = exposures,
            ["metrics"] = new PyDict(),
            ["groups"] = new PyDict(),
            ["semantic_models"] = new PyDict(),
        };
    }
}
