using Cedule.Core.Context;
using Cedule.Core.Diagnostics;
using Cedule.Core.Manifest;
using Cedule.Core.Packages;
using Cedule.Core.Parsing;
using Cedule.Jinja.Values;

namespace Cedule.Core.Tests.Parsing;

/// <summary>Parses a centre project that consumes a core package, in the comptoir's style.</summary>
public sealed class ProjectParserTests : IDisposable
{
    private static readonly TargetFacts DuckDb = new("dev", "duckdb", "warehouse", "main");
    private readonly string _dir = Directory.CreateTempSubdirectory("cedule-parse-test-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private async Task<ParseResult> ParseFixtureAsync(ParseOptions? options = null)
    {
        var fixture = Path.Combine(AppContext.BaseDirectory, "Fixtures", "comptoir_style");
        foreach (var file in Directory.EnumerateFiles(fixture, "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(_dir, Path.GetRelativePath(fixture, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }

        var centre = Path.Combine(_dir, "centre");
        await new PackageInstaller().InstallAsync(centre, TestContext.Current.CancellationToken);
        return new ProjectParser(options ?? new ParseOptions { Target = DuckDb, Environment = _ => null }).Parse(centre, TestContext.Current.CancellationToken);
    }

    private static ManifestNode Node(ParseResult result, string uniqueId) => result.Nodes.Single(n => n.UniqueId == uniqueId);

    [Fact]
    public async Task Parse_CentreWithCorePackage_IsValidAndEnablesFoldersAsConfigured()
    {
        var result = await ParseFixtureAsync();

        Assert.True(result.IsValid, string.Join("\n", result.Diagnostics));
        var enabled = result.EnabledNodes.Where(n => n.ResourceType == "model").Select(n => n.UniqueId).Order(StringComparer.Ordinal);
        Assert.Equal(
        [
            "model.core.i_absences", "model.core.i_eleves", "model.core.stg_eleves", "model.core.tdb_absenteisme",
            "model.css_demo.custom_centre_model", "model.css_demo.stg_absences",
        ], enabled);
        Assert.False(Node(result, "model.core.stg_absences").IsEnabled);
    }

    [Fact]
    public async Task Parse_UnqualifiedRef_PrefersTheRootProjectsOverride()
    {
        var result = await ParseFixtureAsync();

        var dashboard = Node(result, "model.core.tdb_absenteisme");
        Assert.Equal(["model.core.stg_eleves", "model.css_demo.stg_absences"], dashboard.DependsOnNodes);
        Assert.Equal(["model.core.i_absences"], Node(result, "model.css_demo.stg_absences").DependsOnNodes);
    }

    [Fact]
    public async Task Parse_Configs_FollowDbtPrecedenceAndMergeRules()
    {
        var result = await ParseFixtureAsync();

        var dashboard = Node(result, "model.core.tdb_absenteisme");
        Assert.Equal("table", dashboard.Materialized);
        Assert.Equal(["dashboard"], dashboard.Tags);
        Assert.Equal("tdb", dashboard.Schema); // the centre's generate_schema_name override
        var stg = Node(result, "model.css_demo.stg_absences");
        Assert.Equal("table", stg.Materialized); // in-file config() beats the project file
        Assert.Equal(["override"], stg.Tags);
        Assert.Equal("main", stg.Schema);
        var eleves = Node(result, "model.core.stg_eleves");
        Assert.Equal("staging", eleves.Schema);
        Assert.Equal("[\"{{ core.create_index(this, ['eleve_id']) }}\"]", PyOps.Repr(eleves.Config["post_hook"]));
    }

    [Fact]
    public async Task Parse_Dispatch_RecordsTheAdapterSpecificMacro()
    {
        var result = await ParseFixtureAsync();

        var macros = Node(result, "model.core.tdb_absenteisme").DependsOnMacros;
        Assert.Contains("macro.core.safe_divide", macros);
        Assert.Contains("macro.core.duckdb__safe_divide", macros);

        var postgres = new ProjectParser(new ParseOptions { Target = DuckDb with { Type = "postgres" }, Environment = _ => null })
            .Parse(Path.Combine(_dir, "centre"), TestContext.Current.CancellationToken).Nodes
            .Single(n => n.UniqueId == "model.core.tdb_absenteisme").DependsOnMacros;
        Assert.Contains("macro.core.default__safe_divide", postgres);
    }

    [Fact]
    public async Task Parse_PropertyFiles_DescribeNodesOfOtherPackagesAndGenerateTests()
    {
        var result = await ParseFixtureAsync();

        var eleves = Node(result, "model.core.stg_eleves");
        Assert.Equal("Les élèves actifs de l'année scolaire.", eleves.Description);
        Assert.Equal("Modèle propre au centre", Node(result, "model.css_demo.custom_centre_model").Description);

        var tests = result.EnabledNodes.Where(n => n.ResourceType == "test").ToList();
        Assert.Equal(
        [
            "accepted_values_stg_eleves_statut__actif__inactif",
            "not_null_stg_eleves_eleve_id",
            "source_not_null_gpi_e_ele_fiche",
            "unique_stg_eleves_eleve_id",
        ], tests.Select(t => t.Name).Where(n => !n.StartsWith("relationships", StringComparison.Ordinal)).Order(StringComparer.Ordinal));
        // Past 64 characters dbt names a test by its truncated identifier and the MD5 of the full name.
        Assert.Matches("^relationships_[0-9a-f]{32}$", Assert.Single(tests, t => t.Name.StartsWith("relationships", StringComparison.Ordinal)).Name);
        var accepted = tests.Single(t => t.Name.StartsWith("accepted_values", StringComparison.Ordinal));
        Assert.Equal("warn", accepted.Config["severity"]);
        Assert.Equal("model.core.stg_eleves", accepted.AttachedNode);
        var relationships = tests.Single(t => t.Name.StartsWith("relationships", StringComparison.Ordinal));
        Assert.Equal(["model.css_demo.custom_centre_model", "model.core.stg_eleves"], relationships.DependsOnNodes);
    }

    [Fact]
    public async Task Parse_Sources_RenderSchemaFromRootVars()
    {
        var result = await ParseFixtureAsync();

        var source = Node(result, "source.core.gpi.e_absences");
        Assert.Equal("gpi_prod", source.Schema);
        Assert.Equal("abs_journalieres", source.Identifier);
        Assert.Equal(["source.core.gpi.e_absences"], Node(result, "model.core.i_absences").DependsOnNodes);
    }

    [Fact]
    public async Task Parse_Exposure_DependsOnWhatItsDependsOnNames()
    {
        var result = await ParseFixtureAsync();

        var exposure = Node(result, "exposure.core.tdb_absenteisme_pbi");
        Assert.Equal(["model.core.tdb_absenteisme", "source.core.gpi.e_ele"], exposure.DependsOnNodes);
        Assert.Equal("dashboard", exposure.Config["type"]);
        Assert.Equal("Rapport Power BI", exposure.Description);
    }

    [Fact]
    public async Task Parse_EnabledFromCliVar_RendersToANativeBoolean()
    {
        var result = await ParseFixtureAsync(new ParseOptions
        {
            Target = DuckDb,
            Environment = _ => null,
            Vars = new PyDict { ["tdb_enabled"] = false },
        });

        Assert.False(Node(result, "model.core.tdb_absenteisme").IsEnabled);
    }

    [Fact]
    public async Task Parse_DataTestsConfigByFolder_AppliesToTestsDefinedInThatFolderAndWarnsOnUnusedPaths()
    {
        await ParseFixtureAsync();
        var centre = Path.Combine(_dir, "centre");
        File.AppendAllText(Path.Combine(centre, "dbt_project.yml"),
            "\ndata_tests:\n  core:\n    staging:\n      +severity: warn\n    stagging:\n      +tags: [typo]\n");

        var result = new ProjectParser(new ParseOptions { Target = DuckDb, Environment = _ => null }).Parse(centre, TestContext.Current.CancellationToken);

        var unique = result.Nodes.Single(n => n.Name == "unique_stg_eleves_eleve_id");
        Assert.Equal(["core", "staging", "unique_stg_eleves_eleve_id"], unique.Fqn);
        Assert.Equal("warn", unique.Config["severity"]);
        Assert.Equal("ERROR", result.Nodes.Single(n => n.Name == "source_not_null_gpi_e_ele_fiche").Config["severity"]);
        var warning = Assert.Single(result.Diagnostics, d => d.Code == DiagnosticCodes.UnusedConfigPath);
        Assert.Contains("data_tests.core.stagging", warning.Message, StringComparison.Ordinal);
        Assert.True(result.IsValid);
    }

    [Fact]
    public async Task Parse_ManyProblems_ReportsEveryOneWithItsLocation()
    {
        var result = await ParseFixtureAsync();
        var centre = Path.Combine(_dir, "centre");
        File.WriteAllText(Path.Combine(centre, "models", "broken_ref.sql"), "select * from {{ ref('stg_eleve') }}");
        File.WriteAllText(Path.Combine(centre, "models", "broken_syntax.sql"), "select 1\n{% if true %}\nselect {{ 1 + }}\n");
        File.WriteAllText(Path.Combine(centre, "models", "broken_source.sql"), "select * from {{ source('gpi', 'e_el') }}");

        var broken = new ProjectParser(new ParseOptions { Target = DuckDb, Environment = _ => null }).Parse(centre, TestContext.Current.CancellationToken);

        Assert.True(result.IsValid);
        Assert.False(broken.IsValid);
        var refError = Assert.Single(broken.Diagnostics, d => d.Code == DiagnosticCodes.RefNotFound);
        Assert.Equal("models/broken_ref.sql", refError.Location.Path);
        Assert.Contains("'stg_eleve'", refError.Message, StringComparison.Ordinal);
        Assert.Contains("did you mean 'stg_eleves'", refError.Message, StringComparison.Ordinal);
        var syntax = Assert.Single(broken.Diagnostics, d => d.Code == DiagnosticCodes.TemplateError);
        Assert.Equal("models/broken_syntax.sql", syntax.Location.Path);
        Assert.Equal(3, syntax.Location.Line);
        var sourceError = Assert.Single(broken.Diagnostics, d => d.Code == DiagnosticCodes.SourceNotFound);
        Assert.Contains("'gpi.e_ele'", sourceError.Message, StringComparison.Ordinal);
    }
}
