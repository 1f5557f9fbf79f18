using Cedule.Core.Execution;

namespace Cedule.Engine.Tests;

public abstract partial class EngineScenarioTests
{
    [Fact]
    public async Task Hooks_PrePostAndRunHooks_RunInOrderWithResultsAndSchemas()
    {
        Write("dbt_project.yml", $$$"""
            name: {{{Name}}}
            profile: {{{Name}}}
            config-version: 2
            on-run-start:
              - "create table if not exists {{{Schema}}}_audit.events (seq integer, what varchar(200))"
              - "insert into {{{Schema}}}_audit.events values (1, 'start {{ invocation_id | length }}')"
            on-run-end:
              - "insert into {{{Schema}}}_audit.events values (9, 'end {% for r in results %}{{ r.node.name }}={{ r.status }};{% endfor %} {{ schemas | join(',') }}')"
            models:
              {{{Name}}}:
                +post-hook:
                  - sql: "insert into {{{Schema}}}_audit.events values (5, 'outside {{ this.identifier }}')"
                    transaction: false
            """);
        Exec($"create schema if not exists {Schema}_audit");
        Write("models/m.sql", $$$"""
            {{ config(materialized='table',
                pre_hook="insert into {{{Schema}}}_audit.events values (2, 'pre {{ this.identifier }}')",
                post_hook=["insert into {{{Schema}}}_audit.events select 3, 'post ' || cast(count(*) as varchar(10)) from {{ this }}"]) }}
            select 1 as id union all select 2 as id
            """);

        var outcome = await BuildOk(which: "run");

        Assert.Equal(
            ["1|start 36", "2|pre m", "3|post 2", "5|outside m", $"9|end m=success; {Schema}"],
            Rows($"select seq, what from {Schema}_audit.events order by seq"));
        Assert.Equal(3, outcome.Results.Count(r => r.UniqueId.StartsWith($"operation.{Name}.", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task Hooks_FailingPreHook_ErrorsTheModelAndLeavesItUnbuilt()
    {
        Write("models/m.sql", "{{ config(materialized='table', pre_hook='select * from no_such_table_anywhere') }}\nselect 1 as id");
        Write("models/child.sql", "select * from {{ ref('m') }}");

        var outcome = await Build(which: "run");

        Assert.Equal(NodeStatus.Error, Status(outcome, Model("m")));
        Assert.Contains("no_such_table_anywhere", Result(outcome, Model("m")).Message, StringComparison.OrdinalIgnoreCase);
        Assert.Equal(NodeStatus.Skipped, Status(outcome, Model("child")));
        Assert.Empty(Relations());
    }

    [Fact]
    public async Task Hooks_FailingOnRunStart_SkipsEveryNode()
    {
        Write("dbt_project.yml", $"name: {Name}\nprofile: {Name}\nconfig-version: 2\non-run-start:\n  - \"select * from no_such_table_anywhere\"\n");
        Write("models/m.sql", "select 1 as id");

        var outcome = await Build(which: "run");

        Assert.Equal(NodeStatus.Error, Status(outcome, $"operation.{Name}.{Name}-on-run-start-0"));
        Assert.Equal(NodeStatus.Skipped, Status(outcome, Model("m")));
        Assert.Empty(Relations());
    }
}
