using Cedule.Core.Configs;
using Cedule.Core.Context;
using Cedule.Core.Diagnostics;
using Cedule.Core.Manifest;
using Cedule.Jinja.Values;

namespace Cedule.Core.Parsing;

/// <summary>
/// The semantic layer's resources (dbt 1.6+): semantic models, metrics and saved queries. Cedule
/// does not query them; it parses them so that a project using them parses, checks what dbt checks
/// first (required keys, what each names exists), and writes them to the manifest's
/// <c>semantic_models</c>, <c>metrics</c> and <c>saved_queries</c> with their dependencies: a
/// semantic model on its model, a metric on the semantic models of its measures or on its input
/// metrics, a saved query on its metrics.
/// </summary>
internal sealed partial class PropertyFiles
{
    private static readonly string[] MetricTypes = ["simple", "ratio", "cumulative", "derived", "conversion"];

    public IEnumerable<ManifestNode> BuildSemanticResources(ProjectContext projectContext)
    {
        var built = new List<ManifestNode>();
        var measures = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var definition in _named.Where(d => d.ResourceType == "semantic_model"))
        {
            if (Required(definition, "model") is not { } model)
            {
                continue;
            }

            var node = NewResource(definition, ["model", "defaults", "entities", "dimensions", "measures", "primary_entity", "label"]);
            EvaluateReference(node, PyOps.ToStr(model), definition.File, projectContext);
            foreach (var measure in Names(Get(definition.Body, "measures")))
            {
                measures.TryAdd(measure, node.UniqueId);
            }

            built.Add(node);
        }

        var metricDefinitions = _named.Where(d => d.ResourceType == "metric").ToList();
        var metricIds = metricDefinitions.ToDictionary(d => PyOps.ToStr(d.Body["name"]), d => $"metric.{d.Package}.{PyOps.ToStr(d.Body["name"])}", StringComparer.Ordinal);
        foreach (var definition in metricDefinitions)
        {
            if (Required(definition, "type") is not { } type || Required(definition, "label") is null)
            {
                continue;
            }

            var node = NewResource(definition, ["type", "type_params", "label", "filter", "time_granularity"]);
            if (!MetricTypes.Contains(PyOps.ToStr(type), StringComparer.Ordinal))
            {
                parser.Report(Diagnostic.Error(DiagnosticCodes.YamlShape,
                    $"metric '{node.Name}' has type '{PyOps.ToStr(type)}', not one of {string.Join(", ", MetricTypes)}", definition.Location));
                continue;
            }

            var typeParams = Get(definition.Body, "type_params") as PyDict ?? new PyDict();
            var conversion = Get(typeParams, "conversion_type_params") as PyDict ?? new PyDict();
            foreach (var measure in Names(Get(typeParams, "measure")).Concat(Names(Get(conversion, "base_measure"))).Concat(Names(Get(conversion, "conversion_measure"))))
            {
                Depend(node, measures, measure, "measure", definition);
            }

            foreach (var metric in Names(Get(typeParams, "numerator")).Concat(Names(Get(typeParams, "denominator"))).Concat(Names(Get(typeParams, "metrics"))))
            {
                Depend(node, metricIds, metric, "metric", definition);
            }

            built.Add(node);
        }

        foreach (var definition in _named.Where(d => d.ResourceType == "saved_query"))
        {
            if (Required(definition, "query_params") is not PyDict queryParams)
            {
                continue;
            }

            var node = NewResource(definition, ["query_params", "exports", "label"]);
            foreach (var metric in Names(Get(queryParams, "metrics")))
            {
                Depend(node, metricIds, metric, "metric", definition);
            }

            built.Add(node);
        }

        return built;
    }

    /// <summary>
    /// A node for a property-file resource: its project-file configs (<paramref name="projectTree"/>),
    /// then the <paramref name="configKeys"/> written beside <c>config:</c>, then <c>config:</c>;
    /// <paramref name="fields"/> are copied as written.
    /// </summary>
    private ManifestNode NewResource(NamedDefinition definition, string[] fields, string[]? configKeys = null, ProjectConfigTree? projectTree = null)
    {
        var name = PyOps.ToStr(definition.Body["name"]);
        var fqn = new List<string> { definition.Package };
        fqn.AddRange(definition.Folders);
        fqn.Add(name);
        var node = new ManifestNode
        {
            UniqueId = $"{definition.ResourceType}.{definition.Package}.{name}",
            ResourceType = definition.ResourceType,
            PackageName = definition.Package,
            Name = name,
            Path = definition.File,
            OriginalFilePath = definition.File,
            Fqn = fqn,
            PatchPath = definition.File,
        };
        node.Config["enabled"] = true;
        projectTree?.ApplyTo(node.Config, fqn);
        foreach (var key in configKeys ?? [])
        {
            if (Get(definition.Body, key) is { } value)
            {
                ConfigMerge.Apply(node.Config, key, value);
            }
        }

        if (Get(definition.Body, "config") is PyDict config)
        {
            ConfigMerge.Apply(node.Config, config);
        }

        node.Description = Get(definition.Body, "description") is { } d ? RenderDescription(PyOps.ToStr(d), definition.File) : string.Empty;
        foreach (var field in fields)
        {
            node.Properties[field] = Get(definition.Body, field);
        }

        return node;
    }

    private object? Required(NamedDefinition definition, string key)
    {
        var value = Get(definition.Body, key);
        if (value is null)
        {
            parser.Report(Diagnostic.Error(DiagnosticCodes.YamlShape,
                $"{definition.ResourceType.Replace('_', ' ')} '{PyOps.ToStr(definition.Body["name"])}' needs '{key}'", definition.Location));
        }

        return value;
    }

    private void Depend(ManifestNode node, Dictionary<string, string> known, string name, string what, NamedDefinition definition)
    {
        if (known.TryGetValue(name, out var id))
        {
            node.DependsOnNodes.Add(id);
        }
        else
        {
            parser.Report(Diagnostic.Error(DiagnosticCodes.RefNotFound,
                $"{definition.ResourceType.Replace('_', ' ')} '{node.Name}' uses the {what} '{name}', which no {(what == "measure" ? "semantic model defines" : "metric is named")}",
                definition.Location));
        }
    }

    private static object? Get(PyDict dict, string key) => dict.TryGetValue(key, out var value) ? value : null;

    /// <summary>The names a value lists: <c>x</c>, <c>{name: x}</c>, or a list of either.</summary>
    private static IEnumerable<string> Names(object? value) => value switch
    {
        null => [],
        string s => [s],
        PyDict d => Get(d, "name") is { } n ? [PyOps.ToStr(n)] : [],
        List<object?> list => list.SelectMany(Names),
        _ => [],
    };
}
