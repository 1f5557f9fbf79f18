using Cedule.Core.Execution;

namespace Cedule.Engine.Tests;

public abstract partial class EngineScenarioTests
{
    private const string EventsModel = """
        {{ config(materialized='incremental', incremental_strategy=var('strategy'), unique_key=var('key', none)) }}
        select id, part, val, updated from {{ source('raw', 'events') }}
        {% if is_incremental() %}where updated > (select max(updated) from {{ this }}){% endif %}
        """;

    private void EventsProject(string strategy, string? key)
    {
        RawTable("events", "id integer, part integer, val varchar(10), updated integer", "(1, 1, 'a', 1), (2, 1, 'b', 1), (2, 2, 'c', 1)");
        Sources("events");
        var keyVar = key is null ? string.Empty : $"\n  key: {key}";
        Write("dbt_project.yml", $"name: {Name}\nprofile: {Name}\nconfig-version: 2\nvars:\n  strategy: '{strategy}'{keyVar}\n");
        Write("models/events.sql", EventsModel);
    }

    private void ChangeEvents() =>
        Exec($"insert into {Schema}_raw.events values (1, 1, 'a2', 2), (3, 1, 'd', 2)");

    [Theory]
    [InlineData("append", null, "1|1|a|1 1|1|a2|2 2|1|b|1 2|2|c|1 3|1|d|2")]
    [InlineData("delete+insert", "id", "1|1|a2|2 2|1|b|1 2|2|c|1 3|1|d|2")]
    [InlineData("delete+insert", "[id, part]", "1|1|a2|2 2|1|b|1 2|2|c|1 3|1|d|2")]
    [InlineData("merge", "[id, part]", "1|1|a2|2 2|1|b|1 2|2|c|1 3|1|d|2")]
    public async Task Incremental_SecondRunWithNewAndChangedRows_AppliesTheStrategy(string strategy, string? key, string expected)
    {
        EventsProject(strategy, key);
        await BuildOk();
        Assert.Equal(3, Count($"select count(*) from {Schema}.events"));
        ChangeEvents();

        var outcome = await BuildOk();

        Assert.Equal(expected.Split(' '), Rows($"select id, part, val, updated from {Schema}.events order by id, part, updated"));
        Assert.Equal(["events"], Relations());
        Assert.Contains("updated > (select max(updated)", Result(outcome, Model("events")).CompiledSql, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Incremental_MergeWithSingleKey_UpdatesMatchedRows()
    {
        RawTable("events", "id integer, part integer, val varchar(10), updated integer", "(1, 1, 'a', 1), (2, 1, 'b', 1)");
        Sources("events");
        Write("dbt_project.yml", $"name: {Name}\nprofile: {Name}\nconfig-version: 2\nvars:\n  strategy: merge\n  key: id\n");
        Write("models/events.sql", EventsModel);
        await BuildOk();
        ChangeEvents();

        await BuildOk();

        Assert.Equal(["1|a2", "2|b", "3|d"], Rows($"select id, val from {Schema}.events order by id"));
    }

    [Fact]
    public async Task Incremental_FullRefresh_RebuildsFromScratch()
    {
        EventsProject("append", null);
        await BuildOk();
        Exec($"delete from {Schema}_raw.events where id = 2");
        ChangeEvents();
        await BuildOk();
        Assert.Equal(5, Count($"select count(*) from {Schema}.events"));

        var outcome = await BuildOk(fullRefresh: true);

        Assert.Equal(["1|a", "1|a2", "3|d"], Rows($"select id, val from {Schema}.events order by id, updated"));
        Assert.DoesNotContain("max(updated)", Result(outcome, Model("events")).CompiledSql, StringComparison.Ordinal);
        Assert.Equal(["events"], Relations());
    }

    [Fact]
    public async Task Incremental_FullRefreshConfigFalse_WinsOverTheFlag()
    {
        EventsProject("append", null);
        Write("models/events.sql", EventsModel.Replace("unique_key=var('key', none)", "full_refresh=false", StringComparison.Ordinal));
        await BuildOk();
        ChangeEvents();

        await BuildOk(fullRefresh: true);

        Assert.Equal(5, Count($"select count(*) from {Schema}.events"));
    }

    [Fact]
    public async Task Incremental_InvalidStrategy_ErrorsNamingTheValidOnes()
    {
        EventsProject("insert_overwrite", null);

        var outcome = await Build();

        var result = Result(outcome, Model("events"));
        Assert.Equal(NodeStatus.Error, result.Status);
        Assert.Contains("insert_overwrite", result.Message, StringComparison.Ordinal);
    }

    private async Task SchemaChangeProject(string onSchemaChange)
    {
        RawTable("wide", "id integer, a integer, b integer, c integer", "(1, 1, 1, 1)");
        Sources("wide");
        Write("models/inc.sql", $"{{{{ config(materialized='incremental', on_schema_change='{onSchemaChange}') }}}}\nselect id, a, b from {{{{ source('raw', 'wide') }}}}\n{{% if is_incremental() %}}where id > (select max(id) from {{{{ this }}}}){{% endif %}}");
        await BuildOk();
        Exec($"insert into {Schema}_raw.wide values (2, 2, 2, 2)");
        Write("models/inc.sql", $"{{{{ config(materialized='incremental', on_schema_change='{onSchemaChange}') }}}}\nselect id, a, c from {{{{ source('raw', 'wide') }}}}\n{{% if is_incremental() %}}where id > (select max(id) from {{{{ this }}}}){{% endif %}}");
    }

    private List<string> Columns(string identifier)
    {
        using var connection = Connect();
        return [.. connection.GetColumns(null, Schema, identifier).Select(c => c.Name.ToLowerInvariant())];
    }

    [Fact]
    public async Task OnSchemaChange_Ignore_WritesOnlyTheExistingColumns()
    {
        await SchemaChangeProject("ignore");

        await BuildOk();

        Assert.Equal(["id", "a", "b"], Columns("inc"));
        Assert.Equal(["1|1|1", "2|2|null"], Rows($"select id, a, b from {Schema}.inc order by id"));
    }

    [Fact]
    public async Task OnSchemaChange_AppendNewColumns_AddsTheNewColumnAndKeepsTheOld()
    {
        await SchemaChangeProject("append_new_columns");

        await BuildOk();

        Assert.Equal(["id", "a", "b", "c"], Columns("inc"));
        Assert.Equal(["1|1|1|null", "2|2|null|2"], Rows($"select id, a, b, c from {Schema}.inc order by id"));
    }

    [Fact]
    public async Task OnSchemaChange_SyncAllColumns_AddsAndDropsColumns()
    {
        await SchemaChangeProject("sync_all_columns");

        await BuildOk();

        Assert.Equal(["id", "a", "c"], Columns("inc"));
        Assert.Equal(["1|1|null", "2|2|2"], Rows($"select id, a, c from {Schema}.inc order by id"));
    }

    [Fact]
    public async Task OnSchemaChange_Fail_ErrorsAndLeavesTheTableUnchanged()
    {
        await SchemaChangeProject("fail");

        var outcome = await Build();

        var result = Result(outcome, Model("inc"));
        Assert.Equal(NodeStatus.Error, result.Status);
        Assert.Contains("out of sync", result.Message, StringComparison.Ordinal);
        Assert.Equal(["id", "a", "b"], Columns("inc"));
        Assert.Equal(1, Count($"select count(*) from {Schema}.inc"));
        Assert.Equal(["inc"], Relations());
    }
}
