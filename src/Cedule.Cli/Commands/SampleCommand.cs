using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using Cedule.Core.Diagnostics;
using Cedule.Core.Execution.Adapters;
using Cedule.Core.Project;
using Cedule.Samples;

namespace Cedule.Cli.Commands;

/// <summary><c>cedule sample generate</c>: fills a warehouse with the school-board sample's sources.</summary>
internal static class SampleCommand
{
    public static Command Create()
    {
        var size = new Option<SampleSize>("--size") { Description = "small (1,000 students), medium (20,000), large (100,000).", DefaultValueFactory = _ => SampleSize.Small };
        var projectDir = new Option<DirectoryInfo?>("--project-dir") { Description = "The sample project whose profile says where to write (default: the current folder)." };
        var target = new Option<string?>("--target", "-t") { Description = "The profile target (default: the profile's 'target:')." };
        var profilesDir = new Option<DirectoryInfo?>("--profiles-dir") { Description = "Folder of profiles.yml (default: CEDULE_PROFILES_DIR, the project folder, then ~/.dbt)." };
        var generate = new Command("generate", "Write the sample's source tables (schemas gpi and paie) into the profile's database; same size, same rows, every time.")
        {
            size, projectDir, target, profilesDir,
        };
        generate.SetAction((parse, cancellationToken) =>
        {
            var stdout = parse.InvocationConfiguration.Output;
            var stderr = parse.InvocationConfiguration.Error;
            var dir = parse.GetValue(projectDir)?.FullName ?? Directory.GetCurrentDirectory();
            ResolvedProfile profile;
            try
            {
                profile = ProjectLoading.ProfileOf(dir, parse.GetValue(target), parse.GetValue(profilesDir)?.FullName);
            }
            catch (ProjectException e)
            {
                stderr.WriteLine(e.Message);
                return Task.FromResult(CeduleCommand.UsageError);
            }

            var spec = SampleSpec.For(parse.GetValue(size));
            var clock = Stopwatch.StartNew();
            stdout.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"Generating the {parse.GetValue(size).ToString().ToLowerInvariant()} school board ({spec.Students:N0} students, {spec.Schools} schools, {spec.SchoolDays} days) into {profile.Facts.Type} ({profile.Facts.Name})"));
            var board = new SchoolBoard(spec);
            try
            {
                // A relative DuckDB path is relative to the current folder, as in dbt-duckdb and cedule build.
                using var connection = Drivers.All.Get(profile.Facts.Type).Open(profile, cancellationToken);
                SchoolDataGenerator.Load(connection, profile.Facts.Type, board, line => stdout.WriteLine("  " + line), cancellationToken);
            }
            catch (DatabaseException e)
            {
                stderr.WriteLine("Database Error: " + e.Message);
                return Task.FromResult(1);
            }

            stdout.WriteLine(string.Create(CultureInfo.InvariantCulture, $"Done in {clock.Elapsed.TotalSeconds:0.0} s."));
            return Task.FromResult(0);
        });
        return new Command("sample", "The school-board sample project's data.") { generate };
    }
}
