using Cedule.Core.Context;
using Cedule.Core.Diagnostics;
using Cedule.Core.Manifest;
using Cedule.Core.Project;
using Cedule.Jinja;
using Cedule.Jinja.Values;

namespace Cedule.Core.Parsing;

/// <summary>
/// Parses a dbt project and its installed packages into nodes, without a database connection.
/// The steps are listed in this folder's README; every problem is collected, none stops the
/// others, so one pass reports them all.
/// </summary>
public sealed partial class ProjectParser
{
    private readonly ParseOptions _options;
    private readonly List<Diagnostic> _diagnostics = [];
    private readonly Jinja.Environment _env;

    /// <summary>Creates a parser.</summary>
    public ProjectParser(ParseOptions options)
    {
        _options = options;
        _env = new Jinja.Environment(new EnvironmentOptions { MaxFuel = 50_000_000 });
        DbtBlockTags.Register(_env);
    }

    /// <summary>Parses the project in <paramref name="projectDir"/>.</summary>
    public ParseResult Parse(string projectDir, CancellationToken cancellationToken = default)
    {
        projectDir = Path.GetFullPath(projectDir);
        var rootFile = Path.Combine(projectDir, ProjectFile.FileName);
        if (!File.Exists(rootFile))
        {
            throw new ProjectException(Diagnostic.Error(DiagnosticCodes.MissingFile,
                $"no {ProjectFile.FileName} in {projectDir}: is this a dbt project folder? (use --project-dir)", SourceLocation.InFile(ProjectFile.FileName)));
        }

        var root = ReadProject(rootFile, ProjectFile.FileName);
        var packages = new List<PackageSource> { new(root, projectDir, string.Empty) };
        var installDir = Path.Combine(projectDir, root.PackagesInstallPath);
        if (Directory.Exists(installDir))
        {
            foreach (var dir in Directory.GetDirectories(installDir).Order(StringComparer.Ordinal))
            {
                var file = Path.Combine(dir, ProjectFile.FileName);
                if (File.Exists(file))
                {
                    var relative = Path.GetRelativePath(projectDir, dir).Replace('\\', '/');
                    packages.Add(new PackageSource(ReadProject(file, relative + "/" + ProjectFile.FileName), dir, relative));
                }
            }
        }

        var projects = packages.ToDictionary(p => p.Name, p => p.Project, StringComparer.Ordinal);
        var macros = new MacroRegistry(root.Name, _options.Target.AdapterChain);
        foreach (var dispatch in root.Dispatch)
        {
            macros.SetDispatchOrder(dispatch.MacroNamespace, dispatch.SearchOrder);
        }

        var context = new ProjectContext(root, projects, _options.Target, macros, _options.Vars, _options.Environment, _options.Log);
        var macroIds = new List<string>();

        // Cedule's own (dbt's) macros first: a project or package macro of the same name wins by
        // the lookup order (package, root project, then dbt), as in dbt.
        Dialects.DialectMacros.Register(macros);
        macroIds.AddRange(Dialects.DialectMacros.Macros.Select(m => $"macro.{MacroRegistry.InternalPackage}.{m.Key}"));
        var docs = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var package in packages)
        {
            LoadMacros(package, macros, macroIds, docs, cancellationToken);
        }

        var properties = new PropertyFiles(this, context, docs);
        foreach (var package in packages)
        {
            properties.Read(package);
        }

        var nodes = new List<ManifestNode>();
        foreach (var package in packages)
        {
            cancellationToken.ThrowIfCancellationRequested();
            nodes.AddRange(ParseFileNodes(package, root, context, properties, cancellationToken));
        }

        nodes.AddRange(properties.BuildSources(root));
        nodes.AddRange(properties.BuildGenericTests(nodes, root, context));
        nodes.AddRange(properties.BuildExposures(root, context));
        nodes.AddRange(properties.BuildUnitTests(nodes));
        nodes.AddRange(properties.BuildSemanticResources(context));
        properties.ReportUnusedPatches();
        ReportUnusedConfigPaths(root, nodes);
        ResolveDependencies(nodes, root);
        nodes.Sort((a, b) => string.CompareOrdinal(a.UniqueId, b.UniqueId));
        macroIds.Sort(StringComparer.Ordinal);
        return new ParseResult(root, nodes, macroIds, [.. _diagnostics]) { Context = context, Environment = _env, Directory = projectDir };
    }

    internal void Report(Diagnostic diagnostic) => _diagnostics.Add(diagnostic);

    /// <summary>
    /// dbt warns about dbt_project.yml config paths that apply to no resource: usually a folder
    /// renamed or misspelled, whose configs silently stopped applying.
    /// </summary>
    private void ReportUnusedConfigPaths(ProjectFile root, List<ManifestNode> nodes)
    {
        var sections = new (string Name, Configs.ProjectConfigTree Tree, string[] Types)[]
        {
            ("models", root.Models, ["model"]),
            ("seeds", root.Seeds, ["seed"]),
            ("snapshots", root.Snapshots, ["snapshot"]),
            ("data_tests", root.DataTests, ["test"]),
            ("sources", root.Sources, ["source"]),
            ("analyses", root.Analyses, ["analysis"]),
            ("exposures", root.Exposures, ["exposure"]),
        };
        foreach (var (name, tree, types) in sections)
        {
            var fqns = nodes.Where(n => types.Contains(n.ResourceType, StringComparer.Ordinal)).Select(n => n.Fqn).ToList();
            foreach (var path in tree.Paths())
            {
                if (!fqns.Exists(fqn => fqn.Count >= path.Count && path.Select((part, i) => part == fqn[i]).All(same => same)))
                {
                    Report(Diagnostic.Warning(DiagnosticCodes.UnusedConfigPath,
                        $"the configuration path {name}.{string.Join('.', path)} in {ProjectFile.FileName} applies to no resource (a renamed or misspelled folder?)",
                        SourceLocation.InFile(root.Path)));
                }
            }
        }
    }

    internal Jinja.Environment Env => _env;

    /// <summary>Reports a template error at its line and column inside <paramref name="displayPath"/>.</summary>
    internal void ReportTemplateError(TemplateException e, string displayPath, string what)
    {
        var line = e.HasLocation ? e.Line : 0;
        var column = e.HasLocation ? e.Column : 0;
        var message = $"{what}: {e.Kind}: {e.Detail}";
        if (e.TemplateName is { } name && !string.Equals(name, displayPath, StringComparison.Ordinal) && e.HasLocation)
        {
            message += $" (in {name}:{e.Line}:{e.Column})";
            line = 0;
            column = 0;
        }

        Report(Diagnostic.Error(DiagnosticCodes.TemplateError, message, new SourceLocation(displayPath, line, column)));
    }

    private ProjectFile ReadProject(string file, string displayPath)
    {
        var renderer = new Jinja.Environment();
        renderer.AddGlobal("env_var", EnvVarFunction.Create(_options.Environment));
        renderer.AddFunction("var", (_, args) =>
        {
            var name = PyOps.ToStr(args.Get(0, "name"));
            return _options.Vars.TryGetValue(name, out var value) ? value
                : args.Has(1, "default") ? args.Get(1, "default")
                : throw new TemplateException(ErrorKind.HostError, $"Required var '{name}' not found: pass it with --vars");
        });
        try
        {
            return ProjectFile.Read(File.ReadAllText(file), displayPath, (text, keyPath) =>
                NativeValue(renderer.FromString(text, displayPath).Render()));
        }
        catch (TemplateException e)
        {
            throw new ProjectException(Diagnostic.Error(DiagnosticCodes.ProjectConfig, $"{e.Kind}: {e.Detail}", SourceLocation.InFile(displayPath)));
        }
    }

    /// <summary>dbt renders YAML values "natively": a rendered <c>True</c>, <c>5</c> or <c>[1, 2]</c> becomes that value.</summary>
    internal static object? NativeValue(string rendered)
    {
        var text = rendered.Trim();
        return text switch
        {
            "True" or "true" => true,
            "False" or "false" => false,
            "None" or "none" => null,
            _ when long.TryParse(text, System.Globalization.NumberStyles.AllowLeadingSign, System.Globalization.CultureInfo.InvariantCulture, out var l) => l,
            _ => rendered,
        };
    }
}
