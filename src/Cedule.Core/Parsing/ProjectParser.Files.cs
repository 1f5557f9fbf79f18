using System.Text;
using Cedule.Core.Context;
using Cedule.Core.Diagnostics;
using Cedule.Core.Manifest;
using Cedule.Core.Project;
using Cedule.Jinja;

namespace Cedule.Core.Parsing;

public sealed partial class ProjectParser
{
    private void LoadMacros(PackageSource package, MacroRegistry macros, List<string> ids, Dictionary<string, string> docs, CancellationToken cancellationToken)
    {
        // Generic tests ({% test %}) may live in test folders too; docs blocks anywhere in docs paths.
        var folders = package.Project.MacroPaths.Concat(package.Project.TestPaths).Distinct(StringComparer.Ordinal).ToList();
        foreach (var (full, original, _) in package.Files(folders, ".sql"))
        {
            cancellationToken.ThrowIfCancellationRequested();
            var text = File.ReadAllText(full);
            if (!text.Contains("{%", StringComparison.Ordinal))
            {
                continue;
            }

            var display = package.Display(original);
            try
            {
                var template = _env.FromString(text, display);
                foreach (var (name, macro) in template.GetMacros())
                {
                    macros.Add(package.Name, name, macro);
                    ids.Add($"macro.{package.Name}.{name}");
                }
            }
            catch (TemplateException e)
            {
                // A singular test is a plain query: only files that define something are macro files.
                if (package.Project.MacroPaths.Any(p => original.StartsWith(p + "/", StringComparison.Ordinal)))
                {
                    ReportTemplateError(e, display, "macro file");
                }
            }
        }

        foreach (var (full, original, _) in package.Files(package.Project.DocsPaths, ".md"))
        {
            try
            {
                foreach (var block in _env.FromString(File.ReadAllText(full), package.Display(original)).BlockTags)
                {
                    if (block.Header.TagName == "docs" && block.RawBody is not null)
                    {
                        docs[block.Header.Name] = block.RawBody.Trim();
                    }
                }
            }
            catch (TemplateException e)
            {
                ReportTemplateError(e, package.Display(original), "docs file");
            }
        }
    }

    private IEnumerable<ManifestNode> ParseFileNodes(PackageSource package, ProjectFile root, ProjectContext context, PropertyFiles properties, CancellationToken cancellationToken)
    {
        var project = package.Project;
        var modelFiles = package.Files(project.ModelPaths, ".sql").ToList();
        var modelNames = modelFiles.Select(f => Path.GetFileNameWithoutExtension(f.Full)).ToHashSet(StringComparer.Ordinal);
        foreach (var (full, original, inResource) in modelFiles)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var version = properties.FindVersion(package.Name, Path.GetFileNameWithoutExtension(full), modelNames);
            yield return ParseSqlNode(package, root, context, properties, "model", full, original, inResource, p => p.Models, version);
        }

        foreach (var (full, original, inResource) in package.Files(project.AnalysisPaths, ".sql"))
        {
            yield return ParseSqlNode(package, root, context, properties, "analysis", full, original, inResource, p => p.Analyses);
        }

        foreach (var (full, original, inResource) in package.Files(project.TestPaths, ".sql"))
        {
            var text = File.ReadAllText(full);
            if (text.Contains("{% test ", StringComparison.Ordinal) || text.Contains("{%- test ", StringComparison.Ordinal))
            {
                continue; // a generic test definition, loaded as a macro
            }

            yield return ParseSqlNode(package, root, context, properties, "test", full, original, inResource, p => p.DataTests);
        }

        foreach (var (full, original, inResource) in package.Files(project.SeedPaths, ".csv"))
        {
            var node = NewNode(package, "seed", original, inResource);
            ApplyConfig(node, root, package.Project, properties, p => p.Seeds);
            CheckSeed(node, full, package.Display(original));
            FinishRelation(node, context);
            yield return node;
        }

        foreach (var (full, original, inResource) in package.Files(project.SnapshotPaths, ".sql"))
        {
            foreach (var node in ParseSnapshots(package, root, context, properties, full, original, inResource))
            {
                yield return node;
            }
        }
    }

    /// <summary>
    /// dbt reads a seed's CSV only when it loads it; Cedule checks it at parse time, so that a
    /// deployment with a broken seed is refused with the line and column instead of failing a run.
    /// </summary>
    private void CheckSeed(ManifestNode node, string full, string display)
    {
        var delimiter = node.Config.TryGetValue("delimiter", out var d) && d is not null ? Jinja.Values.PyOps.ToStr(d) : ",";
        if (delimiter.Length != 1)
        {
            Report(Diagnostic.Error(DiagnosticCodes.SeedFormat,
                $"seed '{node.Name}': delimiter must be one character, not '{delimiter}'", SourceLocation.InFile(node.PatchPath ?? display)));
            return;
        }

        try
        {
            SeedCsv.Read(File.ReadAllText(full), delimiter[0], display, keepRows: false, warn: Report);
        }
        catch (ProjectException e)
        {
            foreach (var diagnostic in e.Diagnostics)
            {
                Report(diagnostic);
            }
        }
    }

    private ManifestNode ParseSqlNode(
        PackageSource package, ProjectFile root, ProjectContext context, PropertyFiles properties,
        string resourceType, string full, string original, string inResource, Func<ProjectFile, Configs.ProjectConfigTree> tree,
        (string Name, object Version)? version = null)
    {
        var node = NewNode(package, resourceType, original, inResource, version?.Name, version?.Version);
        node.RawCode = File.ReadAllText(full);
        ApplyConfig(node, root, package.Project, properties, tree);
        RenderForParse(node, context, package.Display(original), node.RawCode);
        FinishRelation(node, context);
        return node;
    }

    private IEnumerable<ManifestNode> ParseSnapshots(
        PackageSource package, ProjectFile root, ProjectContext context, PropertyFiles properties, string full, string original, string inResource)
    {
        var text = File.ReadAllText(full);
        Template template;
        try
        {
            template = _env.FromString(text, package.Display(original));
        }
        catch (TemplateException e)
        {
            ReportTemplateError(e, package.Display(original), "snapshot");
            yield break;
        }

        foreach (var block in template.BlockTags.Where(b => b.Header.TagName == "snapshot"))
        {
            var node = NewNode(package, "snapshot", original, inResource, block.Header.Name);
            node.RawCode = text;
            ApplyConfig(node, root, package.Project, properties, p => p.Snapshots);
            var parse = new ParseContext(context, node);
            try
            {
                var module = template.MakeModule(null, parse.Resolver);
                if (module.Macros.TryGetValue(block.MacroName!, out var body))
                {
                    var output = new StringBuilder();
                    _env.FromString("{{ __snapshot_body() }}", package.Display(original))
                        .RenderTo(output, new Dictionary<string, object?> { ["__snapshot_body"] = body }, parse.Resolver);
                }

                FinishParse(node, parse);
            }
            catch (TemplateException e)
            {
                ReportTemplateError(e, package.Display(original), $"snapshot '{node.Name}'");
            }

            FinishRelation(node, context);
            yield return node;
        }
    }

    private void RenderForParse(ManifestNode node, ProjectContext context, string display, string code)
    {
        var parse = new ParseContext(context, node);
        try
        {
            _env.FromString(code, display).RenderTo(new StringBuilder(), null, parse.Resolver);
        }
        catch (TemplateException e)
        {
            ReportTemplateError(e, display, $"{node.ResourceType} '{node.Name}'");
        }

        FinishParse(node, parse);
    }

    private static void FinishParse(ManifestNode node, ParseContext parse)
    {
        foreach (var config in parse.ConfigCalls)
        {
            Configs.ConfigMerge.Apply(node.Config, config);
        }

        node.DependsOnMacros.AddRange(parse.MacrosCalled.Order(StringComparer.Ordinal));
    }

    private static ManifestNode NewNode(PackageSource package, string resourceType, string original, string inResource, string? name = null, object? version = null)
    {
        var withoutExtension = inResource[..inResource.LastIndexOf('.')];
        name ??= Path.GetFileName(withoutExtension);
        var folders = withoutExtension.Split('/')[..^1];
        var fqn = new List<string> { package.Name };
        fqn.AddRange(folders);
        fqn.Add(name);
        // A model version is named after its model; its fqn and unique id end with v<version>.
        var suffix = version is null ? string.Empty : ".v" + PropertyFiles.VersionText(version);
        if (version is not null)
        {
            fqn.Add("v" + PropertyFiles.VersionText(version));
        }

        return new ManifestNode
        {
            UniqueId = $"{resourceType}.{package.Name}.{name}{suffix}",
            Version = version,
            ResourceType = resourceType,
            PackageName = package.Name,
            Name = name,
            Path = inResource,
            OriginalFilePath = package.Display(original),
            Fqn = fqn,
        };
    }
}
