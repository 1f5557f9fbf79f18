using Cedule.Core.Execution;
using Cedule.Jinja.Values;

namespace Cedule.Engine.Tests;

public abstract partial class EngineScenarioTests
{
    [Fact]
    public async Task Context_RunQueryStatementLoadResultAndPrintTable_FeedTheModel()
    {
        RawTable("numbers", "n integer, label varchar(10)", "(1, 'one'), (2, 'two'), (3, 'three')");
        Sources("numbers");
        Write("macros/helpers.sql", "{% macro sum_of(values) %}{{ return(values | sum) }}{% endmacro %}");
        Write("models/m.sql", """
            {% set q = run_query("select n, label from " ~ source('raw', 'numbers') ~ " order by n") %}
            {% call statement('labels', fetch_result=True) %}select label from {{ source('raw', 'numbers') }} where n > 1 order by n{% endcall %}
            {% set labels = load_result('labels') %}
            {% if execute %}
              {% do q.print_table() %}
              {% do log('rows=' ~ (q.rows | length) ~ ' first=' ~ q.rows[0]['label'], info=True) %}
              {% do print('printed ' ~ q.columns[1].values() | join('/')) %}
            {% endif %}
            {% if execute %}
            select {{ sum_of(q.columns[0].values()) }} as total,
                   '{{ labels['data'] | map(attribute=0) | join(',') }}' as labels,
                   '{{ labels['table'].columns['label'].values()[0] }}' as first_label,
                   {{ labels['response'].rows_affected if labels['response'].rows_affected is not none else -1 }} >= -1 as has_response
            {% else %}
            select 1 as total
            {% endif %}
            """);

        await BuildOk();

        Assert.Equal(["6|two,three|two|true"], Rows($"select total, labels, first_label, has_response from {Schema}.m"));
        var text = string.Join("\n", Logs.Select(l => l.Message));
        Assert.Contains("rows=3 first=one", text, StringComparison.Ordinal);
        Assert.Contains("printed one/two/three", text, StringComparison.Ordinal);
        Assert.Contains("three", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Context_RunVariables_AreThoseOfTheRun()
    {
        Write("models/a.sql", "select 1 as id");
        Write("models/m.sql", """
            {{ config(materialized='table') }}
            select '{{ invocation_id }}' as invocation_id,
                   '{{ run_started_at.strftime("%Y") }}' as year,
                   '{{ flags.FULL_REFRESH }}|{{ flags.WHICH }}' as flags,
                   '{{ selected_resources | sort | join(",") }}' as selected,
                   '{{ model.unique_id }}|{{ model.config.materialized }}' as model,
                   '{{ graph.nodes["model.p.a"].name if execute else "" }}' as from_graph,
                   '{{ this.schema }}.{{ this.identifier }}' as this_name,
                   '{{ target.type }}' as target_type
            """);
        var session = Session(which: "run");

        var outcome = await Build(which: "run", session: session);

        Assert.False(outcome.HasFailures, Describe(outcome));
        var row = Rows($"select invocation_id, year, flags, selected, model, from_graph, this_name, target_type from {Schema}.m").Single().Split('|');
        Assert.Equal(session.Options.InvocationId, row[0]);
        Assert.Equal(session.Options.RunStartedAt.Year.ToString(System.Globalization.CultureInfo.InvariantCulture), row[1]);
        Assert.Equal(["False", "run"], row[2..4]);
        Assert.Equal("model.p.m|table", string.Join('|', row[5..7]));
        Assert.Equal("a", row[7]);
        Assert.Equal($"{Schema}.m", row[8]);
        Assert.Equal(AdapterType, row[9]);
    }

    [Fact]
    public async Task Context_AdapterMethods_IntrospectAndChangeTheDatabase()
    {
        Write("models/base.sql", "{{ config(materialized='table') }}\nselect 1 as id, 'x' as name");
        Write("macros/probe.sql", """
            {% macro probe() %}
              {% set base = adapter.get_relation(database=this.database, schema=this.schema, identifier='base') %}
              {% set missing = adapter.get_relation(database=this.database, schema=this.schema, identifier='nope') %}
              {% set cols = adapter.get_columns_in_relation(base) | map(attribute='name') | map('lower') | join(',') %}
              {% set extra = api.Relation.create(database=this.database, schema=this.schema ~ '_extra', identifier='made') %}
              {% do adapter.create_schema(extra) %}
              {% set schema_there = adapter.check_schema_exists(this.database, this.schema ~ '_extra') %}
              {% set listed = adapter.list_schemas(this.database) | map('lower') | list %}
              {% call statement('mk') %}create table {{ extra }} as select 1 as one{% endcall %}
              {% set renamed = extra.incorporate(path={'identifier': 'renamed'}) %}
              {% do adapter.rename_relation(extra, renamed) %}
              {% set after_rename = adapter.list_relations_without_caching(api.Relation.create(database=this.database, schema=this.schema ~ '_extra')) | map(attribute='identifier') | list %}
              {% do adapter.drop_relation(renamed) %}
              {% set after_drop = adapter.get_relation(database=this.database, schema=this.schema ~ '_extra', identifier='renamed') %}
              {% do adapter.commit() %}
              {{ return([base.type, missing is none, cols, schema_there, (this.schema ~ '_extra') in listed, after_rename | join(','), after_drop is none, adapter.quote('a b'), adapter.dispatch('greeting')()] | join('|')) }}
            {% endmacro %}
            {% macro default__greeting() %}{{ return('default') }}{% endmacro %}
            {% macro duckdb__greeting() %}{{ return('duckdb') }}{% endmacro %}
            {% macro postgres__greeting() %}{{ return('postgres') }}{% endmacro %}
            """);
        Write("models/m.sql", "{{ config(materialized='table') }}\n-- depends_on: {{ ref('base') }}\nselect '{{ probe() if execute else '' }}' as probe");

        await BuildOk(which: "run");

        Assert.Equal([$"table|True|id,name|True|True|renamed|True|\"a b\"|{AdapterType}"], Rows($"select probe from {Schema}.m"));
    }

    [Fact]
    public async Task Context_RaiseCompilerError_IsAnErrorWithFileLineAndColumn()
    {
        Write("models/m.sql", "select 1 as id\n-- line two\n{% if execute %}{{ exceptions.raise_compiler_error('no good: ' ~ this.identifier) }}{% endif %}");
        Write("models/child.sql", "select * from {{ ref('m') }}");

        var outcome = await Build(which: "run");

        var result = Result(outcome, Model("m"));
        Assert.Equal(NodeStatus.Error, result.Status);
        Assert.Contains("no good: m", result.Message, StringComparison.Ordinal);
        var location = result.ErrorLocation!.Value;
        Assert.Equal("models/m.sql", location.Path);
        Assert.Equal(3, location.Line);
        Assert.True(location.Column > 0, location.ToString());
        Assert.Equal(NodeStatus.Skipped, Status(outcome, Model("child")));
    }

    [Fact]
    public async Task Context_ExceptionsWarn_LogsAWarningAndSucceeds()
    {
        Write("models/m.sql", "{% do exceptions.warn('careful with ' ~ this.identifier) %}\nselect 1 as id");

        await BuildOk(which: "run");

        Assert.Contains(Logs, l => l.Level == "warn" && l.Message.Contains("careful with m", StringComparison.Ordinal));
    }

    [Fact]
    public void RunOperation_MacroWithArguments_RunsSqlAndReturns()
    {
        Write("macros/ops.sql", """
            {% macro make_table(name) %}
              {% do run_query('create table ' ~ target.schema ~ '.' ~ name ~ ' as select 42 as answer') %}
              {% do adapter.commit() %}
              {% do log('made ' ~ name, info=True) %}
            {% endmacro %}
            """);
        Exec($"create schema if not exists {Schema}");
        var session = Session(which: "run-operation");
        using var connection = session.OpenConnection(TestContext.Current.CancellationToken);
        var lines = new List<LogLine>();

        var result = session.RunOperation("make_table", new PyDict { ["name"] = "op_table" }, connection, lines.Add, TestContext.Current.CancellationToken);

        Assert.Equal(NodeStatus.Success, result.Status);
        Assert.Equal(["42"], Rows($"select answer from {Schema}.op_table"));
        Assert.Contains(lines, l => l.Message == "made op_table");
    }
}
