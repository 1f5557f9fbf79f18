namespace Cedule.Cli.Tests;

public sealed class LsCommandTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("cedule-cli-ls-").FullName;

    public LsCommandTests()
    {
        Write("dbt_project.yml", "name: jaffle\nconfig-version: 2\nmodels:\n  jaffle:\n    marts:\n      +tags: [daily]\n");
        Write("models/staging/stg_orders.sql", "select 1 as id");
        Write("models/staging/stg_customers.sql", "select 1 as id");
        Write("models/marts/orders.sql", "select * from {{ ref('stg_orders') }} join {{ ref('stg_customers') }} using (id)");
        Write("models/marts/schema.yml", "version: 2\nmodels:\n  - name: orders\n    columns:\n      - name: id\n        tests: [unique]\n");
        Write("selectors.yml", "selectors:\n  - name: nightly\n    definition: 'tag:daily'\n");
    }

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private void Write(string path, string text)
    {
        var full = Path.Combine(_dir, path);
        Directory.CreateDirectory(Path.GetDirectoryName(full)!);
        File.WriteAllText(full, text);
    }

    private Task<(int ExitCode, string Output)> Ls(params string[] args) =>
        CliRunner.RunAsync(["ls", "--project-dir", _dir, "--target-type", "duckdb", .. args]);

    [Fact]
    public async Task Ls_UpstreamSelection_ListsNamesInGraphOrder()
    {
        var (exitCode, output) = await Ls("--select", "+orders", "--output", "name", "--resource-type", "model");

        Assert.Equal(0, exitCode);
        Assert.Equal(["stg_customers", "stg_orders", "orders"], output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
    }

    [Fact]
    public async Task Ls_Selector_IncludesTheTestsOfSelectedModels()
    {
        var (exitCode, output) = await Ls("--selector", "nightly");

        Assert.Equal(0, exitCode);
        Assert.Equal(["jaffle.marts.orders", "jaffle.marts.unique_orders_id"], output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
    }

    [Fact]
    public async Task Ls_PathOutputWithExclude_ListsFiles()
    {
        var (exitCode, output) = await Ls("--select", "path:models/staging", "--exclude", "stg_customers", "--output", "path");

        Assert.Equal(0, exitCode);
        Assert.Equal("models/staging/stg_orders.sql", output.Trim());
    }

    [Fact]
    public async Task Ls_InvalidSelector_ExitsTwoWithTheProblem()
    {
        var (exitCode, output) = await Ls("--select", "tag:");

        Assert.Equal(2, exitCode);
        Assert.Contains("CED13", output, StringComparison.Ordinal);
    }
}
