using System.CommandLine;
using System.Globalization;
using Cedule.Adapters.DuckDb;
using Cedule.Adapters.Postgres;
using Cedule.Cli;
using Cedule.Core.Context;
using Cedule.Core.Execution.Adapters;
using Cedule.Core.Project;
using Cedule.Jinja.Values;
using Cedule.TestSupport;
using Npgsql;

namespace Cedule.Samples.Tests;

/// <summary>
/// The sample end to end, on DuckDB and on PostgreSQL: generate the small board, install the core
/// package, <c>cedule build</c>, then compare the dashboards' numbers with what the generator
/// implies, computed here in C# from <see cref="SchoolBoard"/>.
/// </summary>
public sealed class SampleBuildTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("cedule-sample-").FullName;
    private readonly SchoolBoard _board = new(SampleSpec.For(SampleSize.Small));

    public SampleBuildTests() => CopyDirectory(Path.Combine(RepositoryRoot(), "samples", "school-dashboards"), _dir);

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Fact]
    public async Task Build_OnDuckDb_PublishesTheNumbersTheGeneratorImplies()
    {
        var settings = new PyDict { ["type"] = "duckdb", ["path"] = Path.Combine(_dir, "sample.duckdb"), ["schema"] = "main", ["threads"] = 4L };
        await BuildAndCheck(settings, "main", new DuckDbDriver());
    }

    [Fact]
    public async Task Build_OnPostgres_PublishesTheNumbersTheGeneratorImplies()
    {
        var builder = new NpgsqlConnectionStringBuilder(await TestPostgres.CreateDatabaseAsync("sample", TestContext.Current.CancellationToken));
        var settings = new PyDict
        {
            ["type"] = "postgres", ["host"] = builder.Host, ["port"] = (long)builder.Port, ["user"] = builder.Username,
            ["password"] = builder.Password, ["dbname"] = builder.Database, ["schema"] = "public", ["threads"] = 4L,
        };
        await BuildAndCheck(settings, "public", new PostgresDriver());
    }

    private async Task BuildAndCheck(PyDict settings, string schema, IAdapterDriver driver)
    {
        var centre = Path.Combine(_dir, "centre");
        File.WriteAllText(Path.Combine(_dir, "profiles.yml"), "tdb:\n  target: test\n  outputs:\n    test:\n" +
            string.Concat(settings.Select(kv => $"      {kv.Key}: '{PyOps.ToStr(kv.Value)}'\n")));

        var generate = await Cli("sample", "generate", "--size", "small", "--project-dir", centre, "--profiles-dir", _dir);
        Assert.True(generate.ExitCode == 0, generate.Output);
        var deps = await Cli("deps", "--project-dir", centre);
        Assert.True(deps.ExitCode == 0, deps.Output);
        var build = await Cli("build", "--project-dir", centre, "--profiles-dir", _dir);
        Assert.True(build.ExitCode == 0, build.Output);
        Assert.Contains("WARN=1 ERROR=0 SKIP=0", build.Output, StringComparison.Ordinal);

        var profile = new ResolvedProfile(new TargetFacts("test", PyOps.ToStr(settings["type"]), null, schema), settings, [], Path.Combine(_dir, "profiles.yml"));
        using var connection = driver.Open(profile);
        var rows = Query(connection, $"select ordre_ens, nb_eleves from {schema}_effectifs.eff_report_effectif_css");
        foreach (var order in new[] { "primaire", "secondaire" })
        {
            var expected = _board.Students.LongCount(s => s.School.Order == order && s.LeftAfterDay is null);
            Assert.Equal(expected, Convert.ToInt64(rows.Single(r => (string)r[0]! == order)[1], CultureInfo.InvariantCulture));
        }

        var attendance = _board.Attendance().ToList();
        foreach (var row in Query(connection, $"select eco, jours_eleves, jours_absences, taux_absence from {schema}_absenteisme.abs_report_taux_ecole"))
        {
            var school = attendance.Where(a => a.SchoolCode == (string)row[0]!).ToList();
            var absences = school.Count(a => a.Status == "A");
            Assert.Equal(school.Count, Convert.ToInt64(row[1], CultureInfo.InvariantCulture));
            Assert.Equal(absences, Convert.ToInt64(row[2], CultureInfo.InvariantCulture));
            Assert.Equal(Math.Round((decimal)absences / school.Count, 4, MidpointRounding.AwayFromZero), Convert.ToDecimal(row[3], CultureInfo.InvariantCulture));
        }

        var graduates = _board.Graduates().GroupBy(s => s.School.Code).ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);
        var diplomaRows = Query(connection, $"select eco, nb_eleves_cohorte, nb_diplomes from {schema}_diplomation.dip_report_taux_ecole");
        Assert.NotEmpty(diplomaRows);
        foreach (var row in diplomaRows)
        {
            var eco = (string)row[0]!;
            Assert.Equal(_board.Students.Count(s => s.School.Code == eco && s.Grade == 5), Convert.ToInt32(row[1], CultureInfo.InvariantCulture));
            Assert.Equal(graduates.GetValueOrDefault(eco), Convert.ToInt32(row[2], CultureInfo.InvariantCulture));
        }

        var summary = Query(connection, $"select nb_ecoles, nb_eleves from {schema}_marts.css_report_sommaire").Single();
        Assert.Equal(8L, Convert.ToInt64(summary[0], CultureInfo.InvariantCulture));
        Assert.Equal(_board.Students.LongCount(s => s.LeftAfterDay is null), Convert.ToInt64(summary[1], CultureInfo.InvariantCulture));

        // A second build runs the incremental models incrementally and publishes the same numbers.
        var again = await Cli("build", "--project-dir", centre, "--profiles-dir", _dir);
        Assert.True(again.ExitCode == 0, again.Output);
        Assert.Equal(attendance.Count, Convert.ToInt64(Query(connection, $"select count(*) from {schema}_interfaces.i_gpi_presences").Single()[0], CultureInfo.InvariantCulture));
        Assert.Equal(attendance.Count(a => a.Status == "A"),
            Convert.ToInt64(Query(connection, $"select sum(nb_absents) from {schema}_absenteisme.abs_fact_absences_quotidiennes").Single()[0], CultureInfo.InvariantCulture));
    }

    private static IReadOnlyList<object?[]> Query(IDatabaseConnection connection, string sql) => connection.Execute(sql, fetch: true).Table!.Rows;

    private static async Task<(int ExitCode, string Output)> Cli(params string[] args)
    {
        var output = new StringWriter();
        var parse = CeduleCommand.Build().Parse(args);
        var exitCode = await parse.InvokeAsync(new InvocationConfiguration { Output = output, Error = output });
        return (exitCode, output.ToString());
    }

    private static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (Directory.Exists(Path.Combine(dir.FullName, "samples", "school-dashboards")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("samples/school-dashboards not found above " + AppContext.BaseDirectory);
    }

    private static void CopyDirectory(string from, string to)
    {
        foreach (var file in Directory.EnumerateFiles(from, "*", SearchOption.AllDirectories))
        {
            var relative = Path.GetRelativePath(from, file);
            if (relative.Split(Path.DirectorySeparatorChar).Any(p => p is "target" or "logs" or "dbt_packages") || relative.EndsWith(".duckdb", StringComparison.Ordinal))
            {
                continue;
            }

            var destination = Path.Combine(to, relative);
            Directory.CreateDirectory(Path.GetDirectoryName(destination)!);
            File.Copy(file, destination);
        }
    }
}
