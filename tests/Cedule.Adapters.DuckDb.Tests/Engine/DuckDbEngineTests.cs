using Cedule.Core.Execution.Adapters;
using Cedule.Engine.Tests;

namespace Cedule.Adapters.DuckDb.Tests.Engine;

/// <summary>The engine scenarios on a DuckDB file per test.</summary>
public sealed class DuckDbEngineTests : EngineScenarioTests
{
    protected override string AdapterType => "duckdb";

    protected override IAdapterDriver Driver { get; } = new DuckDbDriver();

    protected override string SlowQuery => "select sum(a.range * b.range) as v from range(1000000) a cross join range(1000000) b";

    protected override IEnumerable<string> TargetSettings(string schema) =>
        ["type: duckdb", $"path: '{Path.Combine(Dir, "warehouse.duckdb")}'", $"schema: {schema}", "threads: 2", "password: \"{{ env_var('DBT_ENV_SECRET_PW') }}\""];

    protected override (IEnumerable<string> Settings, string[] Named) BrokenTarget(string schema) =>
        (["type: duckdb", "path: '/proc/no/such/folder/warehouse.duckdb'", $"schema: {schema}", "password: \"{{ env_var('DBT_ENV_SECRET_PW') }}\""],
            ["/proc/no/such/folder/warehouse.duckdb"]);

    [Fact]
    public async Task Table_RebuiltAlone_DependentViewKeepsWorkingBecauseDuckDbBindsViewsByName()
    {
        var (relations, viewRows) = await RebuildTableUnderAView();

        Assert.Equal(["t", "v"], relations);
        Assert.Equal(["2"], viewRows);
    }
}
