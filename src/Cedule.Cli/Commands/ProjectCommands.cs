using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using Cedule.Core.Diagnostics;
using Cedule.Core.Manifest;
using Cedule.Core.Packages;

namespace Cedule.Cli.Commands;

/// <summary>
/// <c>cedule parse</c> and <c>cedule deps</c>: the engine on a project folder, without a server.
/// Parsing needs only the target's facts, never a connection, which is how the control plane
/// parses pushed projects.
/// </summary>
internal static class ProjectCommands
{
    public static Command Parse()
    {
        var command = new Command("parse", "Parse the project and write target/manifest.json; every problem is reported with its file, line and column.");
        ProjectLoading.AddOptions(command);
        command.SetAction((parse, cancellationToken) =>
        {
            var output = parse.InvocationConfiguration.Output;
            var error = parse.InvocationConfiguration.Error;
            var clock = Stopwatch.StartNew();
            var loaded = ProjectLoading.Load(parse, error, cancellationToken, line => output.WriteLine(line));
            if (loaded is null)
            {
                return Task.FromResult(CeduleCommand.UsageError);
            }

            var (result, dir, target) = loaded.Value;
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
        var mirror = new Option<DirectoryInfo?>("--packages-mirror") { Description = "A package mirror folder (<org>/<name>/<version>/) for hub packages; default CEDULE_PACKAGES_MIRROR. Without one, hub packages come from the package hub (CEDULE_HUB_URL, default https://hub.getdbt.com)." };
        var mirrorTo = new Option<DirectoryInfo?>("--mirror-to") { Description = "Also copy every resolved hub package into this mirror folder, for offline machines." };
        var projectDir = new Option<DirectoryInfo?>("--project-dir") { Description = "The dbt project folder (default: the current folder)." };
        var command = new Command("deps", "Install the packages of packages.yml (local, git, hub) into dbt_packages/.") { projectDir, mirror, mirrorTo };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var output = parse.InvocationConfiguration.Output;
            var error = parse.InvocationConfiguration.Error;
            var dir = parse.GetValue(projectDir)?.FullName ?? Directory.GetCurrentDirectory();
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

    private static string RenderEnvVars(string text)
    {
        var env = new Cedule.Jinja.Environment();
        env.AddGlobal("env_var", Cedule.Core.Context.EnvVarFunction.Create(System.Environment.GetEnvironmentVariable));
        return env.FromString(text, "packages.yml").Render();
    }
}
