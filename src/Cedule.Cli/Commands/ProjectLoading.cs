using System.CommandLine;
using System.Text.Json;
using Cedule.Core;
using Cedule.Core.Context;
using Cedule.Core.Diagnostics;
using Cedule.Core.Parsing;
using Cedule.Core.Project;
using Cedule.Jinja.Values;

namespace Cedule.Cli.Commands;

/// <summary>
/// The options every project command shares (<c>--project-dir</c>, the target, <c>--vars</c>) and
/// the parse they lead to. Target facts come from profiles.yml, or from <c>--target-type</c> alone
/// (no profile, no connection), which is how the control plane parses.
/// </summary>
internal static class ProjectLoading
{
    private sealed record Options(
        Option<DirectoryInfo?> ProjectDir,
        Option<string?> TargetType,
        Option<string?> Target,
        Option<string> TargetSchema,
        Option<string?> TargetDatabase,
        Option<string?> Vars,
        Option<DirectoryInfo?> ProfilesDir);

    private static readonly System.Runtime.CompilerServices.ConditionalWeakTable<Command, Options> ByCommand = [];

    public static void AddOptions(Command command)
    {
        var options = new Options(
            new Option<DirectoryInfo?>("--project-dir") { Description = "The dbt project folder (default: the current folder)." },
            new Option<string?>("--target-type")
            {
                Description = "Parse for this adapter type (duckdb, postgres, sqlserver, fabric) without reading profiles.yml, as the control plane does.",
            },
            new Option<string?>("--target", "-t") { Description = "The profile target to use (default: the profile's 'target:'; 'dev' with --target-type)." },
            new Option<string>("--target-schema") { Description = "With --target-type: the target's default schema.", DefaultValueFactory = _ => "main" },
            new Option<string?>("--target-database") { Description = "With --target-type: the target's default database." },
            new Option<string?>("--vars") { Description = "Variables as a JSON or YAML mapping, overriding the project's." },
            new Option<DirectoryInfo?>("--profiles-dir") { Description = "Folder of profiles.yml (default: CEDULE_PROFILES_DIR, the project folder, then ~/.dbt)." });
        foreach (var option in (Option[])[options.ProjectDir, options.TargetType, options.Target, options.TargetSchema, options.TargetDatabase, options.Vars, options.ProfilesDir])
        {
            command.Options.Add(option);
        }

        ByCommand.Add(command, options);
    }

    /// <summary>The project folder the command runs on.</summary>
    public static string ProjectDirectory(System.CommandLine.ParseResult parse) =>
        parse.GetValue(ByCommand.GetValue(parse.CommandResult.Command, _ => throw new InvalidOperationException()).ProjectDir)?.FullName
        ?? Directory.GetCurrentDirectory();

    /// <summary>Parses the project; on a usage problem prints it and returns null. Project diagnostics are printed.</summary>
    public static (Core.Parsing.ParseResult Result, string Directory, TargetFacts Target)? Load(
        System.CommandLine.ParseResult parse, TextWriter error, CancellationToken cancellationToken, Action<string>? log = null, bool printWarnings = true)
    {
        var options = ByCommand.GetValue(parse.CommandResult.Command, _ => throw new InvalidOperationException("project options were not added"));
        var dir = ProjectDirectory(parse);
        PyDict vars;
        try
        {
            vars = ParseVars(parse.GetValue(options.Vars));
        }
        catch (Exception e) when (e is JsonException or ProjectException)
        {
            error.WriteLine($"cedule: --vars is not a JSON or YAML mapping: {e.Message}");
            return null;
        }

        try
        {
            var target = parse.GetValue(options.TargetType) is { } type
                ? new TargetFacts(parse.GetValue(options.Target) ?? "dev", type, parse.GetValue(options.TargetDatabase), parse.GetValue(options.TargetSchema)!)
                : FactsFromProfile(dir, parse.GetValue(options.Target), parse.GetValue(options.ProfilesDir)?.FullName);
            var result = new ProjectParser(new ParseOptions { Target = target, Vars = vars, Log = log }).Parse(dir, cancellationToken);
            foreach (var diagnostic in result.Diagnostics)
            {
                if (diagnostic.Severity == Severity.Error || printWarnings)
                {
                    error.WriteLine(diagnostic.ToString());
                }
            }

            return result.IsValid || parse.CommandResult.Command.Name == "parse" ? (result, dir, target) : null;
        }
        catch (ProjectException e)
        {
            foreach (var diagnostic in e.Diagnostics)
            {
                error.WriteLine(diagnostic.ToString());
            }

            if (e.Diagnostics.Any(d => d.Code == DiagnosticCodes.ProfilesConfig))
            {
                error.WriteLine("(to parse without a profile, give the target's facts: --target-type duckdb --target-schema main)");
            }

            return null;
        }
    }

    /// <summary>Parses the project and resolves its profile, for a command that connects; null (after printing why) on a usage or project error.</summary>
    public static (Core.Parsing.ParseResult Result, string Directory, ResolvedProfile Profile)? LoadWithProfile(
        System.CommandLine.ParseResult parse, TextWriter error, CancellationToken cancellationToken)
    {
        var loaded = Load(parse, error, cancellationToken, printWarnings: false);
        if (loaded is null)
        {
            return null;
        }

        try
        {
            return (loaded.Value.Result, loaded.Value.Directory, ResolveProfile(parse, loaded.Value.Result.Root));
        }
        catch (ProjectException e)
        {
            foreach (var diagnostic in e.Diagnostics)
            {
                error.WriteLine(diagnostic.ToString());
            }

            return null;
        }
    }

    /// <summary>The full profile (connection settings and secrets) for a command that connects.</summary>
    /// <exception cref="ProjectException">No profiles.yml, profile or target.</exception>
    public static ResolvedProfile ResolveProfile(System.CommandLine.ParseResult parse, ProjectFile root)
    {
        var options = ByCommand.GetValue(parse.CommandResult.Command, _ => throw new InvalidOperationException("project options were not added"));
        return ProfilesFile.Resolve(root.Profile ?? root.Name, parse.GetValue(options.Target), parse.GetValue(options.ProfilesDir)?.FullName,
            ProjectDirectory(parse), System.Environment.GetEnvironmentVariable);
    }

    /// <summary>
    /// The unique ids a selection picks among <paramref name="resourceTypes"/>, in graph order;
    /// null (after printing why) when the selection is invalid.
    /// </summary>
    public static IReadOnlyList<string>? Select(
        Core.Selection.SelectorDefinitions selectors, Core.Parsing.ParseResult result, Core.Graph.Dag dag, string[] select, string[] exclude, string? selector,
        IEnumerable<Core.Graph.NodeType> resourceTypes, TextWriter error)
    {
        var diagnostics = new List<Diagnostic>();
        diagnostics.AddRange(selectors.Diagnostics);
        var selection = Core.Selection.NodeSelector.Select(dag, new Core.Selection.SelectionCriteria
        {
            Select = select,
            Exclude = exclude,
            Selector = selector,
            Selectors = selectors,
            ResourceTypes = [.. resourceTypes],
            RootProjectName = result.Root.Name,
        });
        diagnostics.AddRange(selection.Diagnostics);
        foreach (var diagnostic in diagnostics)
        {
            error.WriteLine(diagnostic.ToString());
        }

        return diagnostics.Any(d => d.Severity == Severity.Error) ? null : selection.UniqueIds;
    }

    /// <summary>The project's selectors.yml, rendered as dbt renders it (call after <see cref="Load"/>, which has checked --vars).</summary>
    public static Core.Selection.SelectorDefinitions Selectors(System.CommandLine.ParseResult parse, string directory, TargetFacts target)
    {
        var options = ByCommand.GetValue(parse.CommandResult.Command, _ => throw new InvalidOperationException("project options were not added"));
        return Core.Selection.SelectorsFile.Load(directory, target, ParseVars(parse.GetValue(options.Vars)), System.Environment.GetEnvironmentVariable);
    }

    private static TargetFacts FactsFromProfile(string projectDir, string? targetName, string? profilesDir) =>
        ProfileOf(projectDir, targetName, profilesDir).Facts;

    /// <summary>The profile a project folder's dbt_project.yml names, for commands that need it without a parse.</summary>
    /// <exception cref="ProjectException">No dbt_project.yml, no profiles.yml, or no such profile or target.</exception>
    public static ResolvedProfile ProfileOf(string projectDir, string? targetName, string? profilesDir)
    {
        var projectFile = Path.Combine(projectDir, ProjectFile.FileName);
        if (!File.Exists(projectFile))
        {
            throw new ProjectException(Diagnostic.Error(DiagnosticCodes.MissingFile,
                $"no {ProjectFile.FileName} in {projectDir}: is this a dbt project folder? (use --project-dir)",
                SourceLocation.InFile(ProjectFile.FileName)));
        }

        var project = ProjectFile.Read(File.ReadAllText(projectFile), ProjectFile.FileName);
        return ProfilesFile.Resolve(project.Profile ?? project.Name, targetName, profilesDir, projectDir, System.Environment.GetEnvironmentVariable);
    }

    private static PyDict ParseVars(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return new PyDict();
        }

        return Core.Yaml.YamlValues.ToValue(Core.Yaml.YamlReader.Read(text, "--vars")) as PyDict
            ?? throw new JsonException("expected a mapping such as {\"key\": \"value\"}");
    }
}
