using System.Text;
using Cedule.Core.Configs;
using Cedule.Core.Context;
using Cedule.Core.Diagnostics;
using Cedule.Core.Manifest;
using Cedule.Core.Project;
using Cedule.Jinja;
using Cedule.Jinja.Values;

namespace Cedule.Core.Parsing;

public sealed partial class ProjectParser
{
    private static readonly Dictionary<string, string> DefaultMaterialization = new(StringComparer.Ordinal)
    {
        ["model"] = "view",
        ["analysis"] = "view",
        ["seed"] = "seed",
        ["snapshot"] = "snapshot",
        ["test"] = "test",
    };

    /// <summary>Config precedence, least specific first: defaults, the package's project file, the root project file, property files.</summary>
    private static void ApplyConfig(ManifestNode node, ProjectFile root, ProjectFile own, PropertyFiles properties, Func<ProjectFile, ProjectConfigTree> tree)
    {
        node.Config["enabled"] = true;
        if (DefaultMaterialization.TryGetValue(node.ResourceType, out var materialized))
        {
            node.Config["materialized"] = materialized;
        }

        if (node.ResourceType == "test")
        {
            node.Config["severity"] = "ERROR";
        }

        tree(own).ApplyTo(node.Config, node.Fqn);
        if (!ReferenceEquals(own, root))
        {
            tree(root).ApplyTo(node.Config, node.Fqn);
        }

        properties.ApplyPatch(node);
    }

    /// <summary>Database, schema and alias through generate_*_name, the project's own macros when it overrides them.</summary>
    private void FinishRelation(ManifestNode node, ProjectContext context)
    {
        var target = context.Target;
        var customSchema = node.Config.TryGetValue("schema", out var s) && s is not null ? PyOps.ToStr(s) : null;
        var customDatabase = node.Config.TryGetValue("database", out var d) && d is not null ? PyOps.ToStr(d) : null;
        var customAlias = node.Config.TryGetValue("alias", out var a) && a is not null ? PyOps.ToStr(a) : null;

        node.Schema = CallOverride(context, node, "generate_schema_name", customSchema)
            ?? (customSchema is null ? target.Schema : target.Schema + "_" + customSchema.Trim());
        node.Database = CallOverride(context, node, "generate_database_name", customDatabase)
            ?? customDatabase ?? target.Database;
        if (node.ResourceType == "snapshot")
        {
            // dbt's legacy snapshot configs name the schema and database exactly, bypassing generate_*_name.
            node.Schema = node.Config.TryGetValue("target_schema", out var ts) && ts is not null ? PyOps.ToStr(ts) : node.Schema;
            node.Database = node.Config.TryGetValue("target_database", out var td) && td is not null ? PyOps.ToStr(td) : node.Database;
        }
        node.Alias = CallOverride(context, node, "generate_alias_name", customAlias)
            ?? customAlias ?? (node.Version is null ? node.Name : node.Name + "_v" + PropertyFiles.VersionText(node.Version).Replace('.', '_'));
    }

    private string? CallOverride(ProjectContext context, ManifestNode node, string macroName, string? custom)
    {
        if (!context.Macros.TryResolve(context.Root.Name, macroName, out _, out var package) || package == MacroRegistry.InternalPackage)
        {
            return null;
        }

        var parse = new ParseContext(context, node);
        var vars = new Dictionary<string, object?>(StringComparer.Ordinal)
        {
            ["__custom"] = custom,
            ["__node"] = new PyDict
            {
                ["name"] = node.Name,
                ["unique_id"] = node.UniqueId,
                ["resource_type"] = node.ResourceType,
                ["package_name"] = node.PackageName,
                ["fqn"] = node.Fqn.Cast<object?>().ToList(),
                ["path"] = node.Path,
                ["original_file_path"] = node.OriginalFilePath,
                ["config"] = node.Config,
                ["version"] = node.Version,
            },
        };
        try
        {
            var output = new StringBuilder();
            _env.FromString($"{{{{ {macroName}(__custom, __node) }}}}", macroName).RenderTo(output, vars, parse.Resolver);
            return output.ToString().Trim();
        }
        catch (TemplateException e)
        {
            ReportTemplateError(e, node.OriginalFilePath, $"{macroName} for '{node.Name}'");
            return null;
        }
    }

    private void ResolveDependencies(List<ManifestNode> nodes, ProjectFile root)
    {
        var byName = nodes.Where(n => n.ResourceType is "model" or "seed" or "snapshot" or "analysis")
            .GroupBy(n => n.Name, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.ToList(), StringComparer.Ordinal);
        var sources = nodes.Where(n => n.ResourceType == "source")
            .ToDictionary(n => (n.SourceName!, n.Name), n => n);

        foreach (var duplicate in byName.Values.SelectMany(list => list.Where(n => n.IsEnabled && n.ResourceType != "analysis")
                     .GroupBy(n => n.PackageName + "\0" + PropertyFiles.VersionText(n.Version), StringComparer.Ordinal).Where(g => g.Count() > 1)))
        {
            var paths = string.Join(" and ", duplicate.Select(n => n.OriginalFilePath));
            Report(Diagnostic.Error(DiagnosticCodes.DuplicateNode,
                $"two enabled resources named '{duplicate.First().Name}' in package '{duplicate.First().PackageName}': {paths}; rename one or disable it",
                SourceLocation.InFile(duplicate.Last().OriginalFilePath)));
        }

        foreach (var node in nodes)
        {
            foreach (var call in node.Refs)
            {
                var target = ResolveRef(byName, call, node, root);
                if (target is null)
                {
                    if (node.IsEnabled)
                    {
                        var disabled = byName.TryGetValue(call.Name, out var all) ? all.FirstOrDefault(n => !n.IsEnabled) : null;
                        var versions = all?.Where(n => n.IsEnabled && n.Version is not null).Select(n => PropertyFiles.VersionText(n.Version))
                            .Order(Comparer<string>.Create(PropertyFiles.CompareVersions)).ToList() ?? [];
                        Report(call.Version is not null && versions.Count > 0
                            ? Diagnostic.Error(DiagnosticCodes.RefNotFound,
                                $"{node.ResourceType} '{node.Name}' depends on version {PropertyFiles.VersionText(call.Version)} of '{call.Name}', which has no such version (versions: {string.Join(", ", versions)})",
                                SourceLocation.InFile(node.OriginalFilePath))
                            : disabled is not null
                            ? Diagnostic.Error(DiagnosticCodes.RefToDisabled,
                                $"{node.ResourceType} '{node.Name}' depends on '{call.Name}', which is disabled ({disabled.OriginalFilePath})",
                                SourceLocation.InFile(node.OriginalFilePath))
                            : Diagnostic.Error(DiagnosticCodes.RefNotFound,
                                $"{node.ResourceType} '{node.Name}' depends on a node named '{call.Name}' which was not found{Suggest(call.Name, byName.Keys)}",
                                SourceLocation.InFile(node.OriginalFilePath)));
                    }

                    continue;
                }

                AddDependency(node, target.UniqueId);
            }

            foreach (var (source, table) in node.Sources)
            {
                if (sources.TryGetValue((source, table), out var sourceNode))
                {
                    AddDependency(node, sourceNode.UniqueId);
                }
                else if (node.IsEnabled)
                {
                    var known = sources.Keys.Select(k => $"{k.Item1}.{k.Item2}");
                    Report(Diagnostic.Error(DiagnosticCodes.SourceNotFound,
                        $"{node.ResourceType} '{node.Name}' depends on a source named '{source}.{table}' which was not found{Suggest($"{source}.{table}", known)}",
                        SourceLocation.InFile(node.OriginalFilePath)));
                }
            }
        }
    }

    private static void AddDependency(ManifestNode node, string uniqueId)
    {
        if (!node.DependsOnNodes.Contains(uniqueId, StringComparer.Ordinal))
        {
            node.DependsOnNodes.Add(uniqueId);
        }
    }

    /// <summary>dbt's ref resolution: the named package; else the root project, then the caller's own package, then any package; disabled nodes are skipped.</summary>
    private static ManifestNode? ResolveRef(Dictionary<string, List<ManifestNode>> byName, RefCall call, ManifestNode from, ProjectFile root)
    {
        if (!byName.TryGetValue(call.Name, out var candidates))
        {
            return null;
        }

        // An unpinned ref names the latest version of a versioned model; a pinned one, that version.
        var version = call.Version is null ? null : PropertyFiles.VersionText(call.Version);
        var enabled = candidates.Where(n => n.IsEnabled && n.ResourceType != "analysis"
            && (version is null
                ? n.Version is null || PropertyFiles.VersionText(n.Version) == PropertyFiles.VersionText(n.LatestVersion)
                : n.Version is not null && PropertyFiles.VersionText(n.Version) == version)).ToList();
        if (call.Package is not null)
        {
            return enabled.FirstOrDefault(n => n.PackageName == call.Package);
        }

        return enabled.FirstOrDefault(n => n.PackageName == root.Name)
            ?? enabled.FirstOrDefault(n => n.PackageName == from.PackageName)
            ?? enabled.FirstOrDefault();
    }

    private static string Suggest(string name, IEnumerable<string> known)
    {
        var close = known.Select(k => (Name: k, Distance: Levenshtein(name, k)))
            .Where(x => x.Distance <= Math.Max(2, name.Length / 3))
            .OrderBy(x => x.Distance).ThenBy(x => x.Name, StringComparer.Ordinal)
            .Take(3).Select(x => $"'{x.Name}'").ToList();
        return close.Count == 0 ? string.Empty : $"; did you mean {string.Join(" or ", close)}?";
    }

    private static int Levenshtein(string a, string b)
    {
        var previous = new int[b.Length + 1];
        var current = new int[b.Length + 1];
        for (var j = 0; j <= b.Length; j++)
        {
            previous[j] = j;
        }

        for (var i = 1; i <= a.Length; i++)
        {
            current[0] = i;
            for (var j = 1; j <= b.Length; j++)
            {
                var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                current[j] = Math.Min(Math.Min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + cost);
            }

            (previous, current) = (current, previous);
        }

        return previous[b.Length];
    }
}
