using Cedule.Core.Execution;

namespace Cedule.Engine.Tests;

public abstract partial class EngineScenarioTests
{
    [Fact]
    public async Task ViewAndTable_FirstRunThenRerun_ReplaceInPlaceWithoutLeftovers()
    {
        RawTable("orders", "id integer, amount integer", "(1, 10), (2, 20)");
        Sources("orders");
        Write("models/stg_orders.sql", "select id, amount from {{ source('raw', 'orders') }}");
        Write("models/orders.sql", "{{ config(materialized='table') }}\nselect id, amount * 2 as doubled from {{ ref('stg_orders') }}");

        var first = await BuildOk();
        Exec($"insert into {Schema}_raw.orders values (3, 30)");
        var second = await BuildOk();

        Assert.Equal(NodeStatus.Success, Status(first, Model("orders")));
        Assert.Equal(NodeStatus.Success, Status(second, Model("orders")));
        Assert.Equal("view", RelationType("stg_orders"));
        Assert.Equal("table", RelationType("orders"));
        Assert.Equal(["1|20", "2|40", "3|60"], Rows($"select id, doubled from {Schema}.orders order by id"));
        Assert.Equal(["orders", "stg_orders"], Relations());
    }

    [Fact]
    public async Task Table_RerunChangesColumns_ReplacesTheTable()
    {
        Write("models/t.sql", "{{ config(materialized='table') }}\nselect 1 as a");
        await BuildOk();
        Write("models/t.sql", "{{ config(materialized='table') }}\nselect 2 as b, 'x' as c");

        await BuildOk();

        Assert.Equal(["2|x"], Rows($"select b, c from {Schema}.t"));
    }

    [Fact]
    public async Task Materialized_ViewBecomesTableAndBack_SwapsTheRelationType()
    {
        Write("models/m.sql", "select 1 as a");
        await BuildOk();
        Write("models/m.sql", "{{ config(materialized='table') }}\nselect 1 as a");
        await BuildOk();
        Assert.Equal("table", RelationType("m"));
        Write("models/m.sql", "select 1 as a");

        await BuildOk();

        Assert.Equal("view", RelationType("m"));
        Assert.Equal(["m"], Relations());
    }

    [Fact]
    public async Task Ephemeral_ChainIntoModelStartingWithWithAndLeadingComment_CompilesToValidSql()
    {
        Write("models/base.sql", "{{ config(materialized='ephemeral') }}\nselect 1 as id union all select 2 as id");
        Write("models/doubled.sql", "{{ config(materialized='ephemeral') }}\nwith b as (select id from {{ ref('base') }})\nselect id, id * 2 as d from b");
        Write("models/final.sql",
            "{{ config(materialized='table') }}\n-- a leading comment\n/* and a block one */\nwith extra as (select 3 as id, 6 as d)\n" +
            "select id, d from {{ ref('doubled') }}\nunion all select id, d from extra");
        Write("models/plain.sql", "select count(*) as n from {{ ref('doubled') }}");

        var outcome = await BuildOk();

        Assert.Equal(["1|2", "2|4", "3|6"], Rows($"select id, d from {Schema}.final order by id"));
        Assert.Equal(["2"], Rows($"select n from {Schema}.plain"));
        Assert.DoesNotContain(outcome.Results, r => r.UniqueId.Contains("base", StringComparison.Ordinal) || r.UniqueId.Contains("doubled", StringComparison.Ordinal));
        var compiled = Result(outcome, Model("final")).CompiledSql!;
        Assert.StartsWith("-- a leading comment", compiled, StringComparison.Ordinal);
        Assert.True(compiled.IndexOf("__dbt__cte__base", StringComparison.Ordinal) < compiled.IndexOf("__dbt__cte__doubled as", StringComparison.Ordinal), compiled);
        Assert.Equal(["final", "plain"], Relations());
    }

    [Fact]
    public async Task CustomMaterialization_InProjectMacros_IsUsed()
    {
        Write("macros/audited.sql", """
            {% materialization audited_table, default %}
              {%- set target_relation = this.incorporate(type='table') -%}
              {%- do adapter.drop_relation(target_relation) -%}
              {%- call statement('main') -%}
                {{ get_create_table_as_sql(False, target_relation, sql) }}
              {%- endcall -%}
              {%- call statement('audit') -%}
                insert into {{ target_relation }} select -1 as id
              {%- endcall -%}
              {%- do adapter.commit() -%}
              {{ return({'relations': [target_relation]}) }}
            {% endmaterialization %}
            """);
        Write("models/m.sql", "{{ config(materialized='audited_table') }}\nselect 1 as id");

        await BuildOk();
        await BuildOk();

        Assert.Equal(["-1", "1"], Rows($"select id from {Schema}.m order by id"));
    }

    [Fact]
    public async Task Materialization_Unknown_ErrorsWithItsName()
    {
        Write("models/m.sql", "{{ config(materialized='nonexistent_kind') }}\nselect 1 as id");

        var outcome = await Build();

        var result = Result(outcome, Model("m"));
        Assert.Equal(NodeStatus.Error, result.Status);
        Assert.Contains("nonexistent_kind", result.Message, StringComparison.Ordinal);
    }

    /// <summary>
    /// Builds table <c>t</c> and view <c>v</c> on it, then rebuilds <c>t</c> alone with new rows;
    /// returns the relations left and, when <c>v</c> is still there, what it reads.
    /// </summary>
    protected async Task<(List<string> Relations, List<string>? ViewRows)> RebuildTableUnderAView()
    {
        Write("models/t.sql", "{{ config(materialized='table') }}\nselect {{ var('n', 1) }} as n");
        Write("models/v.sql", "select n from {{ ref('t') }}");
        await BuildOk(which: "run");
        Write("dbt_project.yml", $"name: {Name}\nprofile: {Name}\nconfig-version: 2\nvars:\n  n: 2\n");

        await BuildOk(select: "t", which: "run");

        var relations = Relations();
        return (relations, relations.Contains("v") ? Rows($"select n from {Schema}.v") : null);
    }
}
