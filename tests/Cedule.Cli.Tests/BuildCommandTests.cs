using System.Text.Json;
using Cedule.Adapters.DuckDb;
using Cedule.Core.Context;
using Cedule.Core.Project;
using Cedule.Jinja.Values;

namespace Cedule.Cli.Tests;

/// <summary><c>cedule build</c> end to end on a real DuckDB file: views, tables, ephemeral CTEs, hooks, tests, skips.</summary>
public sealed class BuildCommandTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("cedule-cli-build-").FullName;

    public BuildCommandTests()
    {
        Write("profiles.yml", $"shop:\n  target: dev\n  outputs:\n    dev:\n      type: duckdb\n      path: '{Path.Combine(_dir, "warehouse.duckdb")}'\n      schema: main\n      threads: 2\n");
        Write("dbt_project.yml", "name: shop\nprofile: shop\nconfig-version: 2\nmodels:\n  shop:\n    marts:\n      +materialized: table\n");
        Write("models/sources.yml", """
            version: 2
            sources:
              - name: raw
                schema: raw
                tables:
                  - name: orders
            models:
              - name: orders
                columns:
                  - name: order_id
                    data_tests: [unique, not_null]
                  - name: status
                    data_tests:
                      - accepted_values:
                          values: ['paid']
                          config:
                            severity: warn
            """);
        Write("models/staging/stg_orders.sql", "select id as order_id, amount, status from {{ source('raw', 'orders') }}");
        Write("models/staging/paid_orders.sql", "{{ config(materialized='ephemeral') }}\nselect * from {{ ref('stg_orders') }} where status = 'paid'");
        Write("models/marts/orders.sql", "-- orders, with the paid ones flagged\nwith paid as (select order_id from {{ ref('paid_orders') }})\nselect o.*, o.order_id in (select order_id from paid) as is_paid from {{ ref('stg_orders') }} o");
        Write("models/marts/revenue.sql",
            "{{ config(post_hook=\"insert into main.audit select '{{ this.identifier }}', count(*) from {{ this }}\") }}\n" +
            "{% set n = run_query('select count(*) as n from ' ~ ref('orders')) %}\n" +
            "select sum(amount) as revenue, {{ n.columns[0].values()[0] if execute else 0 }} as orders_seen from {{ ref('orders') }} where is_paid");
        Write("tests/no_negative_amounts.sql", "select * from {{ ref('orders') }} where amount < 0");
        Seed("create schema raw", "create table raw.orders (id integer, amount decimal(10,2), status varchar)",
            "insert into raw.orders values (1, 10.5, 'paid'), (2, 20, 'paid'), (3, 5, 'refunded')",
            "create table main.audit (model varchar, n bigint)");
    }

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Fact]
    public async Task Build_ProjectWithEphemeralHooksAndTests_BuildsEverythingAndWarnsOnly()
    {
        var (exitCode, output) = await Build();

        Assert.True(exitCode == 0, output);
        Assert.Equal(0.0 + 30.5, Convert.ToDouble(Query("select revenue from main.revenue"), System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(3L, Convert.ToInt64(Query("select orders_seen from main.revenue"), System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal("revenue", Query("select model from main.audit"));
        Assert.Equal("VIEW", Query("select table_type from information_schema.tables where table_name = 'stg_orders'"));
        var compiled = File.ReadAllText(Path.Combine(_dir, "target", "compiled", "shop", "models", "marts", "orders.sql"));
        Assert.StartsWith("-- orders", compiled, StringComparison.Ordinal);
        Assert.Contains("with __dbt__cte__paid_orders as (", compiled, StringComparison.Ordinal);
        Assert.Contains("),\npaid as", compiled, StringComparison.Ordinal);
        var statuses = Statuses();
        Assert.Equal("success", statuses["model.shop.orders"]);
        Assert.Equal("success", statuses["model.shop.revenue"]);
        Assert.Equal("pass", statuses["test.shop.no_negative_amounts"]);
        Assert.Equal("warn", statuses.Single(s => s.Key.StartsWith("test.shop.accepted_values_orders_status", StringComparison.Ordinal)).Value);
        Assert.DoesNotContain(statuses.Keys, k => k.Contains("paid_orders", StringComparison.Ordinal));
        Assert.Contains("WARN=1", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Build_Twice_ReplacesTablesAndViewsInPlace()
    {
        Assert.Equal(0, (await Build()).ExitCode);
        Seed("insert into raw.orders values (4, 100, 'paid')");

        var (exitCode, output) = await Build();

        Assert.True(exitCode == 0, output);
        Assert.Equal(130.5, Convert.ToDouble(Query("select revenue from main.revenue"), System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(0L, Convert.ToInt64(Query("select count(*) from information_schema.tables where table_name like '%__dbt_%'"), System.Globalization.CultureInfo.InvariantCulture));
    }

    [Fact]
    public async Task Build_ErrorSeverityTestFails_SkipsTheModelsChildrenAndExitsOne()
    {
        Seed("insert into raw.orders values (1, 1, 'paid')");

        var (exitCode, output) = await Build();

        Assert.Equal(1, exitCode);
        var statuses = Statuses();
        Assert.Equal("fail", statuses.Single(s => s.Key.StartsWith("test.shop.unique_orders_order_id", StringComparison.Ordinal)).Value);
        Assert.Equal("skipped", statuses["model.shop.revenue"]);
        Assert.Contains("Failure in test.shop.unique_orders_order_id", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Run_TemplateErrorInModel_ReportsFileLineAndColumnAndSkipsDownstream()
    {
        Write("models/marts/orders.sql", "select *\nfrom {{ ref('stg_orders') }}\nwhere {% if execute %}{{ 1 / 0 }}{% endif %} true");

        var (exitCode, output) = await CliRunner.RunAsync("run", "--project-dir", _dir, "--profiles-dir", _dir);

        Assert.Equal(1, exitCode);
        Assert.Contains("models/marts/orders.sql:3:", output, StringComparison.Ordinal);
        Assert.Equal("skipped", Statuses()["model.shop.revenue"]);
    }

    [Fact]
    public async Task Run_SelectOneModel_RunsOnlyIt()
    {
        var (exitCode, output) = await CliRunner.RunAsync("run", "--project-dir", _dir, "--profiles-dir", _dir, "--select", "stg_orders");

        Assert.True(exitCode == 0, output);
        Assert.Equal(["model.shop.stg_orders"], Statuses().Keys);
    }

    private Task<(int ExitCode, string Output)> Build() =>
        CliRunner.RunAsync("build", "--project-dir", _dir, "--profiles-dir", _dir);

    private Dictionary<string, string> Statuses()
    {
        using var results = JsonDocument.Parse(File.ReadAllText(Path.Combine(_dir, "target", "run_results.json")));
        return results.RootElement.GetProperty("results").EnumerateArray()
            .ToDictionary(r => r.GetProperty("unique_id").GetString()!, r => r.GetProperty("status").GetString()!, StringComparer.Ordinal);
    }

    private void Write(string path, string text)
    {
        var full = Path.Combine(_dir, path);
        Directory.CreateDirectory(Path.GetDirectoryName(full)!);
        File.WriteAllText(full, text);
    }

    private ResolvedProfile Profile() => new(
        new TargetFacts("dev", "duckdb", "warehouse", "main"),
        new PyDict { ["type"] = "duckdb", ["path"] = Path.Combine(_dir, "warehouse.duckdb"), ["schema"] = "main" },
        [], Path.Combine(_dir, "profiles.yml"));

    private void Seed(params string[] statements)
    {
        using var connection = new DuckDbDriver().Open(Profile());
        foreach (var sql in statements)
        {
            connection.Execute(sql, fetch: false);
        }
    }

    private object? Query(string sql)
    {
        using var connection = new DuckDbDriver().Open(Profile());
        return connection.Execute(sql, fetch: true).Table!.Rows[0][0];
    }
}
