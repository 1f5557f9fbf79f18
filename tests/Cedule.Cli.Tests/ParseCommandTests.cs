using System.Text.Json;

namespace Cedule.Cli.Tests;

public sealed class ParseCommandTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("cedule-cli-parse-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private void Write(string path, string text)
    {
        var full = Path.Combine(_dir, path);
        Directory.CreateDirectory(Path.GetDirectoryName(full)!);
        File.WriteAllText(full, text);
    }

    [Fact]
    public async Task Parse_ValidProject_WritesManifestWithDependencies()
    {
        Write("dbt_project.yml", "name: jaffle\nconfig-version: 2\nmodels:\n  jaffle:\n    marts:\n      +materialized: table\n");
        Write("models/staging/stg_orders.sql", "select 1 as id");
        Write("models/marts/orders.sql", "select * from {{ ref('stg_orders') }}");

        var (exitCode, output) = await CliRunner.RunAsync("parse", "--project-dir", _dir, "--target-type", "postgres", "--target-schema", "analytics");

        Assert.Equal(0, exitCode);
        Assert.Contains("2 models", output, StringComparison.Ordinal);
        using var manifest = JsonDocument.Parse(File.ReadAllText(Path.Combine(_dir, "target", "manifest.json")));
        var orders = manifest.RootElement.GetProperty("nodes").GetProperty("model.jaffle.orders");
        Assert.Equal("table", orders.GetProperty("config").GetProperty("materialized").GetString());
        Assert.Equal("analytics", orders.GetProperty("schema").GetString());
        Assert.Equal("model.jaffle.stg_orders", orders.GetProperty("depends_on").GetProperty("nodes")[0].GetString());
        Assert.Equal("postgres", manifest.RootElement.GetProperty("metadata").GetProperty("adapter_type").GetString());
    }

    [Fact]
    public async Task Parse_BrokenProject_ExitsTwoAndNamesFileLineAndColumn()
    {
        Write("dbt_project.yml", "name: jaffle\nconfig-version: 2\n");
        Write("models/a.sql", "select 1\nfrom {{ ref('b' }}\n");

        var (exitCode, output) = await CliRunner.RunAsync("parse", "--project-dir", _dir, "--target-type", "duckdb");

        Assert.Equal(2, exitCode);
        Assert.Matches(@"models/a\.sql:2:\d+: error CED1201", output);
    }

    [Fact]
    public async Task Parse_WithProfilesYml_TakesTargetFactsFromTheProfile()
    {
        Write("dbt_project.yml", "name: jaffle\nprofile: jaffle_pg\nconfig-version: 2\n");
        Write("models/a.sql", "select '{{ target.type }}' as t, '{{ target.schema }}' as s");
        Write("conf/profiles.yml", "jaffle_pg:\n  target: ci\n  outputs:\n    ci:\n      type: postgres\n      dbname: entrepot\n      schema: ci_schema\n      threads: 2\n");

        var (exitCode, output) = await CliRunner.RunAsync("parse", "--project-dir", _dir, "--profiles-dir", Path.Combine(_dir, "conf"));

        Assert.Equal(0, exitCode);
        using var manifest = JsonDocument.Parse(File.ReadAllText(Path.Combine(_dir, "target", "manifest.json")));
        Assert.Equal("postgres", manifest.RootElement.GetProperty("metadata").GetProperty("adapter_type").GetString());
        Assert.Equal("ci_schema", manifest.RootElement.GetProperty("nodes").GetProperty("model.jaffle.a").GetProperty("schema").GetString());
    }

    [Fact]
    public async Task Parse_NoProfileAndNoTargetFacts_ExitsTwoAndExplainsBothWays()
    {
        Write("dbt_project.yml", "name: jaffle\nconfig-version: 2\n");

        var (exitCode, output) = await CliRunner.RunAsync("parse", "--project-dir", _dir, "--profiles-dir", Path.Combine(_dir, "nowhere"));

        Assert.Equal(2, exitCode);
        Assert.Contains("profiles.yml", output, StringComparison.Ordinal);
        Assert.Contains("--target-type", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Parse_NotAProject_ExitsTwoWithAHint()
    {
        var (exitCode, output) = await CliRunner.RunAsync("parse", "--project-dir", _dir);

        Assert.Equal(2, exitCode);
        Assert.Contains("--project-dir", output, StringComparison.Ordinal);
    }
}
