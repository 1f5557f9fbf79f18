using System.Text;
using Cedule.Core.Configs;
using Cedule.Core.Context;
using Cedule.Core.Diagnostics;
using Cedule.Core.Manifest;
using Cedule.Core.Yaml;
using Cedule.Jinja;
using Cedule.Jinja.Values;

namespace Cedule.Core.Parsing;

/// <summary>
/// The property files (<c>schema.yml</c> and friends) of every package: patches for models, seeds,
/// snapshots and analyses (descriptions, columns, config, tests), source definitions, and the
/// generic tests they declare. A patch may describe a node of another package, as the comptoir's
/// core documents models that only a centre's project provides.
/// </summary>
internal sealed partial class PropertyFiles(ProjectParser parser, ProjectContext context, Dictionary<string, string> docs)
{
    private static readonly Dictionary<string, string> Sections = new(StringComparer.Ordinal)
    {
        ["models"] = "model",
        ["seeds"] = "seed",
        ["snapshots"] = "snapshot",
        ["analyses"] = "analysis",
    };

    private readonly List<Patch> _patches = [];
    private Dictionary<(string Type, string Name), List<Patch>>? _patchIndex;
    private readonly Dictionary<ManifestNode, PyDict> _bodyOf = new(ReferenceEqualityComparer.Instance);
    private readonly List<SourceDefinition> _sources = [];
    private readonly List<NamedDefinition> _named = [];

    private sealed record Patch(string ResourceType, string Name, string Package, string File, IReadOnlyList<string> Folders, PyDict Body, SourceLocation Location)
    {
        public List<ManifestNode> AppliedTo { get; } = [];

        /// <summary>For a versioned model: its versions, in written order.</summary>
        public List<ModelVersion> Versions { get; } = [];

        /// <summary>For a versioned model: <c>latest_version</c>, or the greatest version.</summary>
        public object? LatestVersion { get; set; }
    }

    /// <summary>Property-file sections whose entries are resources of their own, by resource type.</summary>
    private static readonly Dictionary<string, string> NamedSections = new(StringComparer.Ordinal)
    {
        ["exposures"] = "exposure",
        ["unit_tests"] = "unit_test",
        ["semantic_models"] = "semantic_model",
        ["metrics"] = "metric",
        ["saved_queries"] = "saved_query",
    };

    /// <summary>An entry of a section of <see cref="NamedSections"/>.</summary>
    private sealed record NamedDefinition(string ResourceType, string Package, string File, IReadOnlyList<string> Folders, PyDict Body, SourceLocation Location);

    private sealed record SourceDefinition(string Package, string File, PyDict Source, PyDict Table, IReadOnlyList<string> Folders, SourceLocation Location);

    public void Read(PackageSource package)
    {
        var folders = package.Project.ModelPaths.Concat(package.Project.SeedPaths).Concat(package.Project.SnapshotPaths)
            .Concat(package.Project.AnalysisPaths).Concat(package.Project.TestPaths).Distinct(StringComparer.Ordinal).ToList();
        var files = package.Files(folders, ".yml").Concat(package.Files(folders, ".yaml"));
        foreach (var (full, original, inResource) in files)
        {
            var display = package.Display(original);
            YamlNode? root;
            try
            {
                root = YamlReader.Read(File.ReadAllText(full), display);
            }
            catch (ProjectException e)
            {
                foreach (var diagnostic in e.Diagnostics)
                {
                    parser.Report(diagnostic);
                }

                continue;
            }

            if (root is not YamlMapping mapping)
            {
                continue;
            }

            // Tests defined in the file are named, and configured, by the file's folders under its resource path.
            var resourceFolders = inResource.Split('/')[..^1];
            foreach (var (key, value) in mapping.Entries)
            {
                if (Sections.TryGetValue(key.Text, out var resourceType))
                {
                    ReadPatches(package, display, resourceFolders, resourceType, value);
                }
                else if (key.Text == "sources" && value is YamlSequence sources)
                {
                    ReadSources(package, display, sources, resourceFolders);
                }
                else if (NamedSections.TryGetValue(key.Text, out var type) && value is YamlSequence items)
                {
                    foreach (var item in items.Items)
                    {
                        if (item is YamlMapping entry && YamlValues.ToValue(entry["name"]) is string)
                        {
                            CheckConfig(type, entry["config"]);
                            _named.Add(new NamedDefinition(type, package.Name, display, resourceFolders, YamlValues.ToDict(entry), entry.Location));
                        }
                        else
                        {
                            parser.Report(Diagnostic.Error(DiagnosticCodes.YamlShape, $"each entry of '{key.Text}' needs a 'name'", item.Location));
                        }
                    }
                }
            }
        }
    }

    private void ReadPatches(PackageSource package, string display, IReadOnlyList<string> folders, string resourceType, YamlNode value)
    {
        if (value is not YamlSequence items)
        {
            if (value is not YamlScalar { Text: "" })
            {
                parser.Report(Diagnostic.Error(DiagnosticCodes.YamlShape, $"'{resourceType}s' must be a list of entries with a 'name'", value.Location));
            }

            return;
        }

        foreach (var item in items.Items)
        {
            if (item is not YamlMapping entry || YamlValues.ToValue(entry["name"]) is not string name)
            {
                parser.Report(Diagnostic.Error(DiagnosticCodes.YamlShape, $"each entry of '{resourceType}s' needs a 'name'", item.Location));
                continue;
            }

            var patch = new Patch(resourceType, name, package.Name, display, folders, YamlValues.ToDict(entry), entry.Location);
            CheckConfigKeys(resourceType, entry);
            if (resourceType == "model")
            {
                ReadVersions(patch, entry);
            }

            _patches.Add(patch);
        }
    }

    private void ReadSources(PackageSource package, string display, YamlSequence sources, IReadOnlyList<string> folders)
    {
        foreach (var item in sources.Items)
        {
            if (item is not YamlMapping source || YamlValues.ToValue(source["name"]) is not string)
            {
                parser.Report(Diagnostic.Error(DiagnosticCodes.YamlShape, "each source needs a 'name'", item.Location));
                continue;
            }

            var sourceDict = YamlValues.ToDict(source);
            CheckConfig("source", source["config"]);
            if (source["tables"] is not YamlSequence tables)
            {
                continue;
            }

            foreach (var tableNode in tables.Items)
            {
                if (tableNode is not YamlMapping table || YamlValues.ToValue(table["name"]) is not string)
                {
                    parser.Report(Diagnostic.Error(DiagnosticCodes.YamlShape, "each source table needs a 'name'", tableNode.Location));
                    continue;
                }

                CheckConfigKeys("source", table);
                _sources.Add(new SourceDefinition(package.Name, display, sourceDict, YamlValues.ToDict(table), folders, table.Location));
            }
        }
    }

    /// <summary>Applies the property-file patch for <paramref name="node"/>: the node's own package's first, then the root's, then any.</summary>
    public void ApplyPatch(ManifestNode node)
    {
        // Indexed once all property files are read: a linear scan per node is quadratic on large projects.
        _patchIndex ??= _patches.GroupBy(p => (p.ResourceType, p.Name)).ToDictionary(g => g.Key, g => g.ToList());
        if (!_patchIndex.TryGetValue((node.ResourceType, node.Name), out var candidates))
        {
            return;
        }

        // A versioned model's patch describes its versions only; a version takes the patch that lists it.
        var usable = candidates.Where(p => node.Version is null ? p.Versions.Count == 0 : p.Versions.Exists(mv => mv.Text == VersionText(node.Version))).ToList();
        var patch = usable.Find(p => p.Package == node.PackageName)
            ?? usable.Find(p => p.Package == context.Root.Name)
            ?? usable.FirstOrDefault();
        if (patch is null)
        {
            return;
        }

        patch.AppliedTo.Add(node);
        node.PatchPath = patch.File;
        var version = VersionFor(patch, node);
        var body = version is null ? patch.Body : VersionBody(patch.Body, version.Body);
        _bodyOf[node] = body;
        if (body.TryGetValue("description", out var description) && description is not null)
        {
            node.Description = RenderDescription(PyOps.ToStr(description), patch.File);
        }

        // A version's properties and config go on top of the model's, by dbt's merge rules.
        foreach (var level in version is null ? [patch.Body] : (PyDict[])[patch.Body, version.Body])
        {
            foreach (var key in (string[])["tags", "meta", "docs", "group", "access"])
            {
                if (level.TryGetValue(key, out var value) && value is not null)
                {
                    ConfigMerge.Apply(node.Config, key, value);
                }
            }

            if (level.TryGetValue("config", out var config) && config is PyDict configDict)
            {
                ConfigMerge.Apply(node.Config, configDict);
            }
        }

        if (body.TryGetValue("columns", out var columns) && columns is List<object?> columnList)
        {
            foreach (var column in columnList.OfType<PyDict>())
            {
                if (column.TryGetValue("name", out var columnName) && columnName is not null)
                {
                    var info = new PyDict
                    {
                        ["name"] = PyOps.ToStr(columnName),
                        ["description"] = column.TryGetValue("description", out var d) && d is not null
                            ? RenderDescription(PyOps.ToStr(d), patch.File) : string.Empty,
                        ["data_type"] = column.TryGetValue("data_type", out var t) ? t : null,
                        ["meta"] = column.TryGetValue("meta", out var m) && m is PyDict meta ? meta : new PyDict(),
                        ["tags"] = column.TryGetValue("tags", out var tags) ? ConfigMerge.AsList(tags, "tags") : new List<object?>(),
                    };
                    node.Columns[PyOps.ToStr(columnName)] = info;
                }
            }
        }
    }

    /// <summary>Warns about patches that describe no node (a typo in a name, a deleted model).</summary>
    public void ReportUnusedPatches()
    {
        ReportMissingVersions();
        foreach (var patch in _patches.Where(p => p.AppliedTo.Count == 0 && p.Versions.Count == 0))
        {
            parser.Report(Diagnostic.Warning(DiagnosticCodes.PatchTargetMissing,
                $"{patch.File} describes a {patch.ResourceType} named '{patch.Name}', but no such {patch.ResourceType} exists", patch.Location));
        }
    }

    internal string RenderDescription(string text, string file)
    {
        if (!text.Contains("{{", StringComparison.Ordinal) && !text.Contains("{%", StringComparison.Ordinal))
        {
            return text;
        }

        var env = parser.Env;
        var vars = new Dictionary<string, object?>(StringComparer.Ordinal)
        {
            ["doc"] = new JinjaFunction("doc", (_, args) =>
            {
                var name = PyOps.ToStr(args.Positional.Count > 0 ? args.Positional[^1] : null);
                if (docs.TryGetValue(name, out var body))
                {
                    return body;
                }

                parser.Report(Diagnostic.Error(DiagnosticCodes.DocNotFound, $"doc('{name}') names no docs block", SourceLocation.InFile(file)));
                return string.Empty;
            }),
        };
        try
        {
            var output = new StringBuilder();
            env.FromString(text, file).RenderTo(output, vars, (string name, out object? value) => context.Shared.TryGetValue(name, out value));
            return output.ToString();
        }
        catch (TemplateException e)
        {
            parser.ReportTemplateError(e, file, "description");
            return text;
        }
    }
}
