using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Cedule.Core;
using Cedule.Core.Context;
using Cedule.Core.Diagnostics;
using Cedule.Core.Manifest;
using Cedule.Core.Packages;
using Cedule.Core.Parsing;
using Cedule.Jinja.Values;

namespace Cedule.Cli.Commands;

/// <summary>
/// <c>cedule parse</c> and <c>cedule deps</c>: the engine on a project folder, without a server.
/// Parsing needs only the target's facts, never a connection, which is how the control plane
/// parses pushed projects.
/// </summary>
internal static class ProjectCommands
{
    private static readonly Option<DirectoryInfo?> ProjectDir = new("--project-dir") { Description = "The dbt project folder (default: the current folder)." };

    public static Command Parse()
    {
        var targetType = new Option<string?>("--target-type")
        {
            Description = "Parse for this adapter type (duckdb, postgres, sqlserver, fabric) without reading profiles.yml, as the control plane does.",
        };
        var targetName = new Option<string?>("--target") { Description = "The profile target to use (default: the profile's 'target:'; 'dev' with --target-type)." };
        var targetSchema = new Option<string>("--target-schema") { Description = "With --target-type: the target's default schema.", DefaultValueFactory = _ => "main" };
        var profilesDir = new Option<DirectoryInfo?>("--profiles-dir") { Description = "Folder of profiles.yml (default: CEDULE_PROFILES_DIR, the project folder, then ~/.dbt)." };
        var targetDatabase = new Option<string?>("--target-database") { Description = "The target's default database." };
        var vars = new Option<string?>("--vars") { Description = "Variables as a JSON object (YAML flow mappings work too), overriding the project's." };
        var command = new Command("parse", "Parse the project and write target/manifest.json; every problem is reported with its file, line and column.")
        {
            ProjectDir, targetType, targetName, targetSchema, targetDatabase, vars, profilesDir,
        };
        command.SetAction((parse, cancellationToken) =>
        {
            var output = parse.InvocationConfiguration.Output;
            var error = parse.InvocationConfiguration.Error;
            var dir = parse.GetValue(ProjectDir)?.FullName ?? Directory.GetCurrentDirectory();
            TargetFacts target;
            try
            {
                target = parse.GetValue(targetType) is { } type
                    ? new TargetFacts(parse.GetValue(targetName) ?? "dev", type, parse.GetValue(targetDatabase), parse.GetValue(targetSchema)!)
                    : FactsFromProfile(dir, parse.GetValue(targetName), parse.GetValue(profilesDir)?.FullName);
            }
            catch (ProjectException e)
            {
                foreach (var diagnostic in e.Diagnostics)
                {
                    error.WriteLine(diagnostic.ToString());
                }

                error.WriteLine("(to parse without a profile, give the target's facts: --target-type duckdb --target-schema main)");
                return Task.FromResult(CeduleCommand.UsageError);
            }

            PyDict cliVars;
            try
            {
                cliVars = ParseVars(parse.GetValue(vars));
            }
            catch (Exception e) when (e is JsonException or ProjectException)
            {
                error.WriteLine($"cedule parse: --vars is not a JSON or YAML mapping: {e.Message}");
                return Task.FromResult(CeduleCommand.UsageError);
            }

            var clock = Stopwatch.StartNew();
            Cedule.Core.Parsing.ParseResult result;
            try
            {
                result = new ProjectParser(new ParseOptions { Target = target, Vars = cliVars, Log = line => output.WriteLine(line) })
                    .Parse(dir, cancellationToken);
            }
            catch (ProjectException e)
            {
                foreach (var diagnostic in e.Diagnostics)
                {
                    error.WriteLine(diagnostic.ToString());
                }

                return Task.FromResult(CeduleCommand.UsageError);
            }

            foreach (var diagnostic in result.Diagnostics)
            {
                (diagnostic.Severity == Severity.Error ? error : output).WriteLine(diagnostic.ToString());
            }

            var targetDir = Path.Combine(dir, result.Root.TargetPath);
            Directory.CreateDirectory(targetDir);
            using (var stream = File.Create(Path.Combine(targetDir, "manifest.json")))
            {
                ManifestWriter.Write(result, target, stream);
            }

            var counts = result.EnabledNodes.GroupBy(n => n.ResourceType, StringComparer.Ordinal)
                .OrderBy(g => g.Key, StringComparer.Ordinal)
                .Select(g => string.Create(CultureInfo.InvariantCulture, $"{g.Count()} {g.Key}{(g.Count() > 1 ? "s" : string.Empty)}"));
            var errors = result.Diagnostics.Count(d => d.Severity == Severity.Error);
            output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"Parsed {result.Root.Name}: {string.Join(", ", counts)}, {result.Macros.Count} macros in {clock.Elapsed.TotalMilliseconds:0} ms; {errors} error(s). Wrote {Path.Combine(result.Root.TargetPath, "manifest.json")}"));
            return Task.FromResult(result.IsValid ? 0 : CeduleCommand.UsageError);
        });
        return command;
    }

    public static Command Deps()
    {
        var mirror = new Option<DirectoryInfo?>("--packages-mirror") { Description = "A package mirror folder (<org>/<name>/<version>/) for hub packages; default CEDULE_PACKAGES_MIRROR." };
        var mirrorTo = new Option<DirectoryInfo?>("--mirror-to") { Description = "Also copy every resolved hub package into this mirror folder, for offline machines." };
        var command = new Command("deps", "Install the packages of packages.yml (local, git, hub) into dbt_packages/.") { ProjectDir, mirror, mirrorTo };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var output = parse.InvocationConfiguration.Output;
            var error = parse.InvocationConfiguration.Error;
            var dir = parse.GetValue(ProjectDir)?.FullName ?? Directory.GetCurrentDirectory();
            var options = new PackageInstallOptions
            {
                MirrorTo = parse.GetValue(mirrorTo)?.FullName,
                Log = line => output.WriteLine(line),
                Render = text => RenderEnvVars(text),
            };
            if (parse.GetValue(mirror) is { } mirrorDir)
            {
                options = options with { MirrorDirectory = mirrorDir.FullName };
            }

            try
            {
                var installed = await new PackageInstaller(options).InstallAsync(dir, cancellationToken).ConfigureAwait(false);
                output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"Installed {installed.Count} package(s)."));
                return 0;
            }
            catch (ProjectException e)
            {
                foreach (var diagnostic in e.Diagnostics)
                {
                    error.WriteLine(diagnostic.ToString());
                }

                return 1;
            }
        });
        return command;
    }

    private static TargetFacts FactsFromProfile(string projectDir, string? targetName, string? profilesDir)
    {
        var projectFile = Path.Combine(projectDir, Cedule.Core.Project.ProjectFile.FileName);
        if (!File.Exists(projectFile))
        {
            throw new ProjectException(Diagnostic.Error(DiagnosticCodes.MissingFile,
                $"no {Cedule.Core.Project.ProjectFile.FileName} in {projectDir}: is this a dbt project folder? (use --project-dir)",
                SourceLocation.InFile(Cedule.Core.Project.ProjectFile.FileName)));
        }

        var project = Cedule.Core.Project.ProjectFile.Read(File.ReadAllText(projectFile), Cedule.Core.Project.ProjectFile.FileName);
        var profile = project.Profile ?? project.Name;
        return Cedule.Core.Project.ProfilesFile.Resolve(profile, targetName, profilesDir, projectDir, System.Environment.GetEnvironmentVariable).Facts;
    }

    private static string RenderEnvVars(string text)
    {
        var env = new Cedule.Jinja.Environment();
        env.AddFunction("env_var", (_, args) =>
        {
            var name = PyOps.ToStr(args.Get(0, "var"));
            return System.Environment.GetEnvironmentVariable(name) ?? (args.Has(1, "default")
                ? args.Get(1, "default")
                : throw new Cedule.Jinja.TemplateException(Cedule.Jinja.ErrorKind.HostError, $"Env var required but not provided: '{name}'"));
        });
        return env.FromString(text, "packages.yml").Render();
    }

    private static PyDict ParseVars(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return new PyDict();
        }

        return Cedule.Core.Yaml.YamlValues.ToValue(Cedule.Core.Yaml.YamlReader.Read(text, "--vars")) as PyDict
            ?? throw new JsonException("expected a mapping such as {\"key\": \"value\"}");
    }
}
